"""What reaches the terminal: formatting of typed values, cleaning of server text, plain mode and 16-colour contrast."""
