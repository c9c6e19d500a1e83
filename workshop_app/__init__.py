"""Workshop App: run workshop discussions and turn them into minutes."""

__version__ = "0.1.0"
