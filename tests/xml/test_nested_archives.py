"""Archives inside archives: read under the same limits, named by their chain, bounded in depth and in size."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from conformance.xml.archives import MAX_DEPTH, Document
from conformance.xml.exports import documents, validate_export
from conformance.xml.limits import ZipLimits
from conformance.xml.report import DocumentReport
from tests.samples import xdomea as samples
from tests.xml.corpora import suite_instances

UBL = "01.01a-INVOICE_ubl.xml"


def _zipped(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _instance(name: str) -> bytes:
    return next(p for p in suite_instances() if p.name == name).read_bytes()


def _problems(items: list[Document | DocumentReport]) -> list[tuple[str, str]]:
    return [(i.file, i.findings[0].message) for i in items if isinstance(i, DocumentReport)]


def test_documents_inside_an_inner_archive_are_validated_and_named_by_their_chain(tmp_path: Path) -> None:
    broken = re.sub(rb"<cbc:BuyerReference>[^<]*</cbc:BuyerReference>", b"", _instance(UBL))
    inner = _zipped({"januar/a.xml": _instance(UBL), "januar/b.xml": broken})
    outer = tmp_path / "lieferung.zip"
    outer.write_bytes(_zipped({"rechnungen-2026-01.zip": inner, "c.xml": _instance(UBL)}))
    reports = validate_export([str(outer)], "xrechnung-3.0", workers=1)
    assert [(r.file, r.accepted) for r in reports] == [
        (f"{outer}!rechnungen-2026-01.zip!januar/a.xml", True),
        (f"{outer}!rechnungen-2026-01.zip!januar/b.xml", False),
        (f"{outer}!c.xml", True),
    ]
    assert "BR-DE-15" in {f.rule for f in reports[1].findings}


def test_a_package_inside_a_delivery_keeps_its_primary_documents(tmp_path: Path) -> None:
    package = _zipped(
        {"0503/nachricht.xml": samples.repaired("Aussonderung.0503"), f"0503/{samples.PRIMARY}": b"%PDF-1.4"}
    )
    outer = tmp_path / "abgabe.zip"
    outer.write_bytes(_zipped({"paket-1.zip": package}))
    [report] = validate_export([str(outer)], "xdomea-3.0.0", workers=1)
    assert report.file.endswith("abgabe.zip!paket-1.zip!0503/nachricht.xml")
    assert "XDOMEA-PRIMAERDOKUMENT" not in {f.rule for f in report.findings} and report.valid


def test_nesting_deeper_than_the_limit_is_reported_not_followed(tmp_path: Path) -> None:
    data = _zipped({"doc.xml": b"<doc/>"})
    for level in range(MAX_DEPTH):
        data = _zipped({f"level-{level}.zip": data})
    outer = tmp_path / "deep.zip"
    outer.write_bytes(data)
    found = list(documents([str(outer)]))
    assert not [d for d in found if isinstance(d, Document)]
    [(name, reason)] = _problems(found)
    assert name == f"{outer}!level-{MAX_DEPTH - 1}.zip!level-{MAX_DEPTH - 2}.zip!level-0.zip"
    assert reason == f"archive nested more than {MAX_DEPTH} levels deep: not examined"


def test_unsafe_names_and_bombs_inside_an_inner_archive_are_refused(tmp_path: Path) -> None:
    inner = _zipped({"../../evil.xml": b"<x/>", "bomb.xml": b"<a>" + b" " * 3_000_000 + b"</a>"})
    outer = tmp_path / "outer.zip"
    outer.write_bytes(_zipped({"inner.zip": inner}))
    reasons = dict(_problems(list(documents([str(outer)], limits=ZipLimits(max_ratio=50)))))
    assert "zip-slip" in reasons[f"{outer}!inner.zip!../../evil.xml"]
    assert "zip bomb" in reasons[f"{outer}!inner.zip!bomb.xml"]


def test_nested_archives_share_one_expansion_budget(tmp_path: Path) -> None:
    inner = _zipped({"a.xml": b"<a>" + b"x" * 5000 + b"</a>"}, zipfile.ZIP_STORED)
    outers = [tmp_path / f"delivery-{n}.zip" for n in (1, 2)]
    for outer in outers:
        outer.write_bytes(_zipped({"inner.zip": inner}))
    budget = len(inner) * 3 // 2
    found = list(documents([str(o) for o in outers], limits=ZipLimits(max_total_bytes=budget)))
    assert [d.name for d in found if isinstance(d, Document)] == [f"{outers[0]}!inner.zip!a.xml"]
    reason = f"nested archives expand to more than {budget} bytes in all"
    assert _problems(found) == [(f"{outers[1]}!inner.zip", reason)]
