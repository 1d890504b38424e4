"""The shape shared by the suites judged on exports of documents (XRechnung, xdomea).

The observation (``<package>.export.observe``: the export validated once) and the checks
(``<package>.checks.CHECKS``) load on first need, so that ``conformance list`` stays fast.
"""

from __future__ import annotations

from collections.abc import Mapping
from importlib import import_module
from typing import TYPE_CHECKING, Generic, TypeVar, cast

from conformance.core.messages import Catalogue
from conformance.core.model import Standard
from conformance.harness.suite import Check, Suite

if TYPE_CHECKING:
    from conformance.harness.target import TargetContext

Obs = TypeVar("Obs")


class DocumentSuite(Suite[Obs], Generic[Obs]):
    """A standard judged on a vendor's export of documents; ``package`` holds its ``export`` and ``checks``."""

    def __init__(self, standard: Standard, messages: Catalogue, package: str) -> None:
        self.standards = (standard,)
        self.messages = messages
        self.package = package

    def observe(self, target: TargetContext) -> Obs:
        """The export of the target, every document validated once."""
        return cast(Obs, import_module(f"{self.package}.export").observe(target))

    def checks(self, standard: Standard) -> Mapping[str, Check[Obs]]:
        """Requirement URI → check."""
        return cast(Mapping[str, Check[Obs]], import_module(f"{self.package}.checks").CHECKS)
