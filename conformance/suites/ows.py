"""The shape shared by the suites of OGC web services (WMS, WFS, OGC API – Records): a service observed once per target.

The observation (``<package>.<observation>.observe``: the capabilities read once, request series on first need)
and the checks (``<package>.checks.CHECKS``) load on first need, so that ``conformance list`` stays fast.
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


class ServiceSuite(Suite[Obs], Generic[Obs]):
    """An OGC web service judged through its requests; ``package`` holds its observation and ``checks``."""

    def __init__(self, standard: Standard, messages: Catalogue, package: str, observation: str) -> None:
        self.standards = (standard,)
        self.messages = messages
        self.package = package
        self.observation = observation

    def observe(self, target: TargetContext) -> Obs:
        """The service's capabilities, read once; the request series follow on demand."""
        return cast(Obs, import_module(f"{self.package}.{self.observation}").observe(target))

    def checks(self, standard: Standard) -> Mapping[str, Check[Obs]]:
        """Requirement URI → check."""
        return cast(Mapping[str, Check[Obs]], import_module(f"{self.package}.checks").CHECKS)


def vendor_document(target: TargetContext, url: str) -> bytes | str:
    """A document a response names (an extension or application schema), fetched only from a host declared for
    the vendor; else the reason it was not fetched."""
    from conformance.core.transport import TargetError  # noqa: PLC0415

    if not target.http.allowed(url):
        return "not on a host declared for the vendor (not fetched)"
    try:
        response = target.http.get(url)
    except TargetError as exc:
        return str(exc)
    return response.content if response.status == 200 else f"HTTP {response.status}"
