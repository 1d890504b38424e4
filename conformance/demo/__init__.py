"""Demonstration targets and test doubles shipped with wechselbar (never real vendor implementations)."""
