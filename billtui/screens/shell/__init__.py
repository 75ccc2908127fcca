"""The shell around the menu items: the main screen, login, start, the palette and jump, keys help, shared dialogs, the list specs and which pane shows which item."""
