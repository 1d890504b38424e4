"""The first stylesheet in a helper process: the same findings as one process, and a local run whenever the helper's
answer is missing (killed, hanging) or was made for another scenario."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from conformance.xml import parallel, pipeline
from conformance.xml.archives import Document
from conformance.xml.exports import Task, validate_one
from conformance.xml.report import Source
from conformance.xml.scenarios import selector
from tests.xml.corpora import suite_instances
from tests.xml.test_negative_controls import BREAKS, UBL, _broken, _instance

BROKEN = [(case, _broken(name, edit)) for case, name, edit, _ in BREAKS]
OTHERS = [
    ("unknown-version", _instance(UBL).replace(b"xrechnung_3.0", b"xrechnung_2.3")),
    ("not-well-formed", _instance(UBL)[:-40]),
    ("schema-invalid", _instance(UBL).replace(b"<cbc:BuyerReference>", b"<cbc:Unknown/><cbc:BuyerReference>")),
]
SMALL = "04.01a-INVOICE_ubl.xml"  # a few kB: fits into the pipe's buffer


@pytest.fixture(scope="module", autouse=True)
def _stop_helper() -> Iterator[None]:
    yield
    parallel.helpers().drop()


def _both(name: str, data: bytes) -> tuple[pipeline.Validation, pipeline.Validation]:
    return pipeline.execute(Source(name, data=data)), pipeline.execute(Source(name, data=data), cores=2)


def _same(alone: pipeline.Validation, split: pipeline.Validation) -> None:
    assert pipeline.verdict(split) == pipeline.verdict(alone)
    assert [(s.name, s.location, s.svrl) for s in split.steps] == [(s.name, s.location, s.svrl) for s in alone.steps]


Pairs = list[tuple[pipeline.Validation, pipeline.Validation]]


@pytest.fixture(scope="module")
def instances() -> tuple[parallel.Helper, Pairs]:
    helper = _fresh_helper()
    return helper, [_both(path.name, path.read_bytes()) for path in suite_instances()]


def test_the_86_instances_give_the_same_findings_with_the_helpers_answers(
    instances: tuple[parallel.Helper, Pairs],
) -> None:
    helper, pairs = instances
    assert len(pairs) == 86
    for alone, split in pairs:
        _same(alone, split)
        assert len(split.steps) == 2 and split.steps[0].svrl
    assert helper.sent == helper.used == 86


@pytest.mark.parametrize(("case", "data"), BROKEN + OTHERS, ids=[c for c, _ in BROKEN + OTHERS])
def test_broken_invoices_give_the_same_findings(case: str, data: bytes) -> None:
    alone, split = _both(case, data)
    _same(alone, split)
    assert not pipeline.verdict(split).accepted


def _fresh_helper() -> parallel.Helper:
    parallel.helpers().drop()
    return parallel.helpers().get()


def _small() -> bytes:
    return next(p for p in suite_instances() if p.name == SMALL).read_bytes()


def test_a_helper_killed_while_working_costs_a_local_run(monkeypatch: pytest.MonkeyPatch) -> None:
    helper = _fresh_helper()
    os.kill(helper.process.pid, signal.SIGSTOP)  # it takes the document but cannot answer before it is killed
    send = parallel.send_ahead

    def send_then_kill(data: bytes, cores: int) -> parallel.Ahead | None:
        ahead = send(data, cores)
        if cores == 1:
            return ahead
        assert ahead is not None and ahead.helper is helper
        os.kill(helper.process.pid, signal.SIGKILL)
        return ahead

    monkeypatch.setattr(parallel, "send_ahead", send_then_kill)
    alone, split = _both(SMALL, _small())
    _same(alone, split)
    assert helper.process.returncode == -signal.SIGKILL and helper.used == 0
    assert parallel.helpers().current is None


def test_a_hanging_helper_is_waited_for_a_bounded_time_then_killed(monkeypatch: pytest.MonkeyPatch) -> None:
    helper = _fresh_helper()
    os.kill(helper.process.pid, signal.SIGSTOP)
    monkeypatch.setattr(parallel, "WAIT_SECONDS", 0.2)
    monkeypatch.setattr(parallel, "WAIT_PER_MIB", 0.0)
    alone, split = _both(SMALL, _small())
    _same(alone, split)
    assert helper.sent == 1 and helper.used == 0 and helper.process.returncode == -signal.SIGKILL


def test_a_dead_helper_is_replaced() -> None:
    helper = _fresh_helper()
    os.kill(helper.process.pid, signal.SIGKILL)
    helper.process.wait()
    _same(*_both(SMALL, _small()))
    fresh = parallel.helpers().current
    assert fresh is not None and fresh is not helper and fresh.used == 1


def test_an_answer_for_another_scenario_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    helper = _fresh_helper()
    monkeypatch.setattr(parallel, "key", lambda config, scenario, rule: (config, "another scenario", str(rule.xslt)))
    _same(*_both(SMALL, _small()))
    assert helper.sent == 1 and helper.used == 0


def test_a_custom_chooser_or_a_single_core_sends_nothing() -> None:
    helper = _fresh_helper()
    data = _small()
    pipeline.execute(Source(SMALL, data=data), chooser=selector(), cores=2)
    pipeline.execute(Source(SMALL, data=data), cores=1)
    assert helper.sent == 0


def test_an_export_grants_the_helper_only_to_a_document_validated_alone(tmp_path: Path) -> None:
    helper = _fresh_helper()
    path = tmp_path / SMALL
    path.write_bytes(_small())
    doc = Document(str(path), size=path.stat().st_size)
    reports = [validate_one(Task(doc, pipeline.STANDARD), cores) for cores in (1, 2)]
    assert reports[0] == reports[1] and reports[0].accepted
    assert helper.sent == helper.used == 1


def test_a_small_document_alone_never_starts_the_helper(monkeypatch: pytest.MonkeyPatch) -> None:
    parallel.helpers().drop()
    data = _small()
    alone = pipeline.execute(Source(SMALL, data=data), cores=2)
    assert parallel.helpers().current is None
    monkeypatch.setattr(parallel, "COLD_SIZE", len(data))
    split = pipeline.execute(Source(SMALL, data=data), cores=2)
    started = parallel.helpers().current
    assert started is not None and started.sent == started.used == 1
    _same(alone, split)
