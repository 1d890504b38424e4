"""URLs, HTTP/HTTPS and CORS (§2.3, §2.6)."""

from __future__ import annotations

from conformance.suites.oparl import checks_transport as c
from conformance.suites.oparl.run import register

register(globals(), "stateless", c.check_stateless)
register(globals(), "host-name", c.check_host_name)
register(globals(), "one-scheme", c.check_one_scheme)
register(globals(), "https", c.check_https)
register(globals(), "no-downgrade", c.check_no_downgrade)
register(globals(), "no-tech-path", c.check_no_tech_path)
register(globals(), "cors-origin", c.check_cors_origin)
register(globals(), "cors-methods", c.check_cors_methods)
