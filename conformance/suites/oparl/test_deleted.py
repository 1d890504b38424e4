"""Gelöschte Objekte (§2.8)."""

from __future__ import annotations

from conformance.suites.oparl import checks_deleted as c
from conformance.suites.oparl.run import register

register(globals(), "soft-delete", c.check_soft_delete)
register(globals(), "deleted-keeps", c.check_deleted_keeps)
register(globals(), "embedded-modified", c.check_embedded_modified)
