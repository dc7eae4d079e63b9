"""foi: draft UK Freedom of Information requests and carry them through to an answer."""

__version__ = "0.1.0"
