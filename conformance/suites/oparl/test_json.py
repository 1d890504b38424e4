"""JSON-Ausgabe (§2.4): JSON, UTF-8 without BOM, no HTML escaping, null values, empty lists and strings."""

from __future__ import annotations

from conformance.suites.oparl import checks_json as c
from conformance.suites.oparl.run import register

register(globals(), "json", c.check_json)
register(globals(), "utf8", c.check_utf8)
register(globals(), "no-html-escape", c.check_html_escape)
register(globals(), "null-optional", c.check_null_optional)
register(globals(), "null-mandatory", c.check_null_mandatory)
register(globals(), "empty-list", c.check_empty_list)
register(globals(), "empty-string", c.check_empty_string)
