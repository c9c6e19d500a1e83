"""The desktop user interface (Qt only): main window, one module per panel, dialogs."""
