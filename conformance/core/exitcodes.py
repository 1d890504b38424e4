"""Exit codes of the ``conformance`` command (stable: CI pipelines gate on them)."""

EXIT_OK = 0
"""Every requirement the profile marks as required passed (without a profile: nothing failed)."""
EXIT_FAIL = 1
"""Some requirement failed."""
EXIT_USAGE = 2
"""Usage or configuration error; the message names the file and the key."""
EXIT_ERROR = 3
"""Errors (unreachable vendor, timeout, harness fault) or an interrupted run kept a verdict from being reached."""
