"""The terminal interface of parting, built on Textual."""

__version__ = "0.1.0"
