"""Objektlisten und Paginierung (§2.5.2–§2.5.4)."""

from __future__ import annotations

from conformance.suites.oparl import checks_lists as c
from conformance.suites.oparl.run import register

register(globals(), "list-page", c.check_list_page)
register(globals(), "next", c.check_next)
register(globals(), "first-last", c.check_first_last)
register(globals(), "stable-order", c.check_stable_order)
register(globals(), "no-duplicates", c.check_no_duplicates)
register(globals(), "terminates", c.check_terminates)
register(globals(), "elements-per-page", c.check_elements_per_page)
register(globals(), "paginate-large", c.check_paginate_large)
register(globals(), "internal-not-deleted", c.check_internal_not_deleted)
