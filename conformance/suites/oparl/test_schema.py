"""Schema (§3): one schema rule per object type, type URLs, the System endpoint and per-type semantics."""

from __future__ import annotations

from conformance.suites.oparl import checks_geo
from conformance.suites.oparl import checks_schema as c
from conformance.suites.oparl.facts import TYPES
from conformance.suites.oparl.run import register

for _kind in TYPES:
    register(globals(), f"schema-{_kind.lower()}", c.schema_check(_kind))
register(globals(), "type-url", c.check_type_url)
register(globals(), "system-endpoint", c.check_system_endpoint)
register(globals(), "person-location-object", c.check_person_location_object)
register(globals(), "person-life-length", c.check_person_life_length)
register(globals(), "person-life-source", c.check_person_life_source)
register(globals(), "file-name", c.check_file_name)
register(globals(), "meeting-state", c.check_meeting_state)
register(globals(), "agenda-order", c.check_agenda_order)
register(globals(), "location-geojson", checks_geo.check_location_geojson)
register(globals(), "location-geojson-recommended", checks_geo.check_location_geojson_recommended)
