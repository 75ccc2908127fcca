"""Each account's health, whatever shows it: what is read from a panel (``facts``), how it is
judged (``rules``) and how a profile is logged in to without asking anything (``connect``).
``billtui check`` prints it; the TUI's All accounts view shows it."""
