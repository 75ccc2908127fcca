"""The process around the app: the embedded demo panel, opening links, offline mode, crash reports, hang-up and start-up tuning."""
