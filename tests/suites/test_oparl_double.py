"""The OParl test double itself: generated data, paging, filters, deletions, files, errors and defects."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
import requests

from conformance.demo.oparl_cli import Tenant
from conformance.demo.oparl_defects import DEFECTS, defect
from conformance.demo.oparl_render import View
from conformance.demo.oparl_sessions import build
from conformance.suites.oparl.catalogue import RULES
from tests.suites.test_oparl_support import double

BASE = "http://localhost:1/t"


def view(version: str = "1.1", defects: frozenset[str] = frozenset(), size: int = 300) -> View:
    return View(build(version, BASE, size), defects, page_size=10)


def walk(v: View, name: str, query: dict[str, str] | None = None) -> list[dict[str, Any]]:
    pages, number = [], 1
    while True:
        page = v.page(name, {**(query or {}), "page": str(number)})
        pages.append(page)
        if "next" not in page["links"]:
            return pages
        number += 1


@pytest.mark.parametrize("version", ["1.1", "1.0"])
def test_every_list_pages_through_each_object_once(version: str) -> None:
    v = view(version)
    expected = {"1.1": 11, "1.0": 5}[version]
    assert len(v.data.lists) == expected
    for name, keys in v.data.lists.items():
        ids = [o["id"] for page in walk(v, name) for o in page["data"]]
        listed = [v.data.url(k) for k in keys if not v.data.records[k].deleted]
        assert ids == listed
        first = v.page(name, {})
        assert first["pagination"]["totalElements"] == len(listed)


def test_filters_and_deleted_objects_in_11() -> None:
    v = view("1.1")
    persons = [v.data.records[k] for k in v.data.lists["person"]]
    deleted = [p for p in persons if p.deleted]
    assert deleted
    since = min(p.modified for p in deleted) - dt.timedelta(seconds=1)
    found = [o for page in walk(v, "person", {"modified_since": since.isoformat()}) for o in page["data"]]
    assert {o["id"] for o in found if o.get("deleted")} == {v.data.url(p.key) for p in deleted}
    assert all(dt.datetime.fromisoformat(o["modified"]) >= since for o in found)
    assert not any(o.get("deleted") for page in walk(v, "person") for o in page["data"])


def test_10_never_lists_deleted_objects() -> None:
    v = view("1.0")
    found = [o for page in walk(v, "person", {"modified_since": "2000-01-01T00:00:00+00:00"}) for o in page["data"]]
    assert found and not any(o.get("deleted") for o in found)


def test_embedded_objects_and_back_references() -> None:
    v = view("1.1")
    person = next(v.object(k) for k in v.data.lists["person"] if v.data.records[k].children.get("membership"))
    member = person["membership"][0]
    assert "person" not in member and not member.get("deleted")
    alone = v.object(member["id"].removeprefix(BASE + "/"))
    assert alone["person"] == person["id"]
    assert dt.datetime.fromisoformat(person["modified"]) >= dt.datetime.fromisoformat(member["modified"])
    assert "membership" not in v.object(person["id"].removeprefix(BASE + "/"), omit_internal=True)


@pytest.mark.parametrize("version", ["1.1", "1.0"])
def test_organizations_link_the_list_of_their_meetings(version: str) -> None:
    v = view(version)
    for key in v.data.lists["organization"]:
        org = v.object(key)
        listed = [o["id"] for page in walk(v, org["meeting"].removeprefix(BASE + "/")) for o in page["data"]]
        assert listed and all(org["id"] in v.object(m.removeprefix(BASE + "/"))["organization"] for m in listed)


def test_defect_catalogue_names_real_rules() -> None:
    keys = {r.key for r in RULES}
    for item in DEFECTS.values():
        assert set(item.rules) <= keys, item.name
        assert item.where and item.description
    with pytest.raises(KeyError):
        defect("no-such-defect")
    assert Tenant.parse("x:1.0:duplicates,nulls").defects == {"duplicates", "nulls"}


def test_paging_defects_change_the_links() -> None:
    cycle = view(defects=frozenset({"pagination-cycle"}))
    assert cycle.page("paper", {"page": "3"})["links"]["next"].endswith("page=2")
    gap = view(defects=frozenset({"missing-next"}))
    assert "next" not in gap.page("paper", {"page": "2"})["links"]
    overlap = view(defects=frozenset({"duplicates"}))
    first, second = (overlap.page("person", {"page": str(n)})["data"] for n in (1, 2))
    assert first[-1]["id"] in {o["id"] for o in second}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    tenants = [
        {"name": "ok", "version": "1.1", "size": 150},
        {"name": "bom", "defects": ["bom"], "size": 150},
        {"name": "cookie", "defects": ["session-cookie"], "size": 150},
    ]
    with double(tmp_path_factory.mktemp("oparl-double"), tenants) as info:
        yield info


def test_system_answers_json_with_cors_and_marks_itself_a_test_double(server: dict[str, Any]) -> None:
    response = requests.get(server["systems"]["ok"], timeout=10)
    assert response.status_code == 200 and response.headers["Access-Control-Allow-Origin"] == "*"
    assert response.headers["Content-Type"].startswith("application/json")
    assert "test double" in response.headers["X-Test-Double"] and "Testdouble" in response.json()["name"]
    assert response.json()["oparlVersion"] == "https://schema.oparl.org/1.1/"


def test_unknown_objects_and_bad_filters_answer_error_objects(server: dict[str, Any]) -> None:
    base = server["systems"]["ok"].removesuffix("/system")
    missing = requests.get(f"{base}/person/999999", timeout=10)
    assert missing.status_code == 404 and missing.json()["type"] == "https://schema.oparl.org/1.1/Error"
    bad = requests.get(f"{base}/body/1/papers", params={"created_since": "gestern"}, timeout=10)
    assert bad.status_code == 400 and {"message", "debug"} <= set(bad.json())


def test_files_support_conditional_get_and_download(server: dict[str, Any]) -> None:
    base = server["systems"]["ok"].removesuffix("/system")
    files = requests.get(f"{base}/body/1/files", timeout=10).json()["data"]
    access = requests.get(files[0]["accessUrl"], timeout=10)
    assert access.status_code == 200 and access.content.startswith(b"%PDF")
    assert "Content-Disposition" not in access.headers
    again = requests.get(files[0]["accessUrl"], headers={"If-None-Match": access.headers["ETag"]}, timeout=10)
    assert again.status_code == 304
    download = requests.get(files[0]["downloadUrl"], timeout=10)
    assert download.headers["Content-Disposition"].startswith('attachment; filename="')


def test_transport_defects(server: dict[str, Any]) -> None:
    assert requests.get(server["systems"]["bom"], timeout=10).content.startswith(b"\xef\xbb\xbf")
    session = requests.Session()
    assert session.get(server["systems"]["cookie"], timeout=10).status_code == 200
    lists = server["systems"]["cookie"].replace("/system", "/bodies")
    assert session.get(lists, timeout=10).status_code == 200
    assert requests.get(lists, timeout=10).status_code == 403
