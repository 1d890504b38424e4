"""Referential integrity and consistency: ids, references, back references, date order, type URLs, licence."""

from __future__ import annotations

from conformance.suites.oparl import checks_integrity as c
from conformance.suites.oparl.run import register

register(globals(), "id-consistent", c.check_id_consistent)
register(globals(), "embedded-retrievable", c.check_embedded_retrievable)
register(globals(), "references-resolve", c.check_references_resolve)
register(globals(), "references-listed", c.check_references_listed)
register(globals(), "reference-types", c.check_reference_types)
register(globals(), "backreferences", c.check_backreferences)
register(globals(), "date-order", c.check_date_order)
register(globals(), "license", c.check_license)
