"""Dateizugriffe (§2.7)."""

from __future__ import annotations

from conformance.suites.oparl import checks_files as c
from conformance.suites.oparl.run import register

register(globals(), "file-get", c.check_file_get)
register(globals(), "access-inline", c.check_access_inline)
register(globals(), "download-attachment", c.check_download_attachment)
register(globals(), "file-headers", c.check_file_headers)
register(globals(), "conditional-get", c.check_conditional_get)
