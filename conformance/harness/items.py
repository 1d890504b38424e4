"""Test items generated from a suite's catalogue: one per requirement and vendor target.

pytest reaches a suite through its module (``--pyargs <module>``); the plugin's ``pytest_collect_file`` hook
answers for that module's file with a :class:`SuiteFile`. Its items carry node ids that depend on nothing but
the catalogue and the vendors file (``<standard>::<check>[<vendor>]``), whether the suite runs from a source
tree or an installed wheel, so ``--resume`` and ``diff`` match them across runs.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conformance.core.judgement import Judgement
from conformance.core.model import Requirement, Standard
from conformance.harness.observe import Lazy
from conformance.harness.runconfig import RunConfig
from conformance.harness.suite import Check, CheckContext, ContractError, Suite, checks_of
from conformance.harness.target import TargetContext

Key = tuple[str, int]


def target_label(run: RunConfig, key: Key) -> str:
    """The vendor id, or ``<vendor>-<index>`` when the vendor has several targets of that standard."""
    standard = run.vendors.vendor(key[0]).targets[key[1]].standard
    same = [k for k in run.targets(standard) if k[0] == key[0]]
    return key[0] if len(same) == 1 else f"{key[0]}-{key[1]}"


class SuiteFile(pytest.File):
    """The module of a contract suite: one collector per selected standard."""

    def __init__(self, *, suite: Suite[Any], run: RunConfig, selected: list[str], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.suite = suite
        self.run = run
        self.selected = selected

    def collect(self) -> Iterator[StandardNode]:
        """The suite's standards that this run selected."""
        for standard in self.suite.standards:
            if standard.id in self.selected:
                yield StandardNode.from_parent(self, name=standard.id, nodeid=standard.id, standard=standard)


class StandardNode(pytest.Collector):
    """One standard of a suite: its requirements × the vendor targets of the standard."""

    def __init__(self, *, standard: Standard, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.standard = standard

    def collect(self) -> Iterator[CheckItem]:
        """An item per requirement (catalogue order) and target (vendors file order)."""
        parent = self.parent
        assert isinstance(parent, SuiteFile)
        try:
            checks = checks_of(parent.suite, self.standard)
        except ContractError as exc:
            raise pytest.UsageError(str(exc)) from exc
        for requirement in self.standard.requirements:
            check = checks[requirement.uri]
            for key in parent.run.targets(self.standard.id):
                name = f"{check.name}[{target_label(parent.run, key)}]"
                yield CheckItem.from_parent(
                    self, name=name, standard=self.standard, requirement=requirement, check=check, key=key
                )


class CheckItem(pytest.Item):
    """One requirement of one vendor target; its judgement is kept for the plugin's result.

    The target's observation is made (or taken from the cache) before the check runs: an observation that
    failed without a verdict (target unreachable, deadline, nothing to observe) ends every check of the
    target the same way, whether or not the check itself reads it.
    """

    def __init__(
        self, *, standard: Standard, requirement: Requirement, check: Check[Any], key: Key, **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        self.standard = standard
        self.requirement = requirement
        self.check = check
        self.key = key
        self.judgement: Judgement | None = None
        self.context: CheckContext[Any] | None = None
        self.add_marker(pytest.mark.requirement(**requirement.marker_kwargs()))

    @property
    def suite(self) -> Suite[Any]:
        """The suite the item belongs to."""
        owner = self.getparent(SuiteFile)
        assert owner is not None
        return owner.suite

    def runtest(self) -> None:
        """Run the check against the target's (cached) observation."""
        owner = self.getparent(SuiteFile)
        assert owner is not None
        target = owner.run.context(self.key)
        observation = _observation(self.suite, target)
        self.context = CheckContext(target, self.standard, self.requirement, self.suite.messages, observation.get)
        observation.get()
        self.judgement = self.check.run(self.context)
        if not isinstance(self.judgement, Judgement):
            raise ContractError(f"check {self.check.name} returned {type(self.judgement).__name__}, not a Judgement")

    def reportinfo(self) -> tuple[Path, int | None, str]:
        """Where the item comes from, for pytest's own output."""
        return self.path, None, self.nodeid


def _observation(suite: Suite[Any], target: TargetContext) -> Lazy[Any]:
    if target.observation is None:
        target.observation = Lazy(lambda: suite.observe(target), suite.observe_budget(target), target.http.log)
    return target.observation
