"""Filter (§2.5.5): the four date filters, filters kept in links, deleted objects, omit_internal."""

from __future__ import annotations

from conformance.suites.oparl import checks_deleted
from conformance.suites.oparl import checks_filters as c
from conformance.suites.oparl.run import register

for _name in c.FILTERS:
    register(globals(), _name.replace("_", "-"), c.filter_check(_name))
register(globals(), "filter-kept", c.check_filter_kept)
register(globals(), "deleted-with-modified-since", checks_deleted.check_deleted_with_modified_since)
register(globals(), "deleted-hidden", checks_deleted.check_deleted_hidden)
register(globals(), "omit-internal", c.check_omit_internal)
