"""Ausnahmebehandlung (§2.9)."""

from __future__ import annotations

from conformance.suites.oparl import checks_errors as c
from conformance.suites.oparl.run import register

register(globals(), "error-status", c.check_error_status)
register(globals(), "error-object", c.check_error_object)
register(globals(), "error-object-status", c.check_error_object_status)
