"""wechselbar: executable conformance checks for the open standards of municipal IT."""

__version__ = "0.7.0"
