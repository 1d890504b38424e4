"""What a suite's observation and checks receive: one vendor target with its safe HTTP session, options, claims."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from conformance.core.evidence import NonConformance, NotApplicable, NotClaimedViolation
from conformance.core.harnessmessages import msg
from conformance.core.outcomes import Obligation
from conformance.core.profile import Profile
from conformance.core.vendors import Target, Vendor
from conformance.harness.observe import Lazy
from conformance.harness.registry import standards

if TYPE_CHECKING:  # requests loads with the session, not with every suite's catalogue
    from conformance.core.http import SafeSession

T = TypeVar("T")


@dataclass
class TargetContext:
    """One vendor's target for one standard, shared by all tests of that target in a process."""

    vendor: Vendor
    target: Target
    http: SafeSession
    profile: Profile | None = None
    observation: Lazy[Any] | None = None

    @property
    def id(self) -> str:
        """The vendor id (used in test ids)."""
        return self.vendor.id

    @property
    def base_url(self) -> str:
        """The first URL of the target, without a trailing slash."""
        if not self.target.urls:
            raise NotApplicable(msg("no-url", vendor=self.vendor.id, standard=self.target.standard))
        return self.target.urls[0].rstrip("/")

    def option(self, name: str, default: T) -> T:
        """A suite option from the vendors file, or the default. The standard must declare the option (an
        undeclared one is a harness fault), so the vendors file can be checked against it before a run."""
        known = standards().get(self.target.standard)
        if known is not None:
            known.option(name)
        value = self.target.options.get(name, default)
        return type(default)(value) if default is not None else value  # type: ignore[call-arg]

    def claimed(self, cls: str, declared: frozenset[str] | None = None) -> bool:
        """Whether the vendor claims a class: from the vendors file, else from what the target declares."""
        if self.target.claims is not None:
            return cls in self.target.claims
        return True if declared is None else cls in declared

    def require_claim(self, standard: str, cls: str, declared: frozenset[str] | None = None) -> None:
        """Not applicable if the class is not claimed, unless the profile requires it: then fail."""
        if self.claimed(cls, declared):
            return
        source = msg("source-vendors-file" if self.target.claims is not None else "source-declaration")
        if self.profile and self.profile.obligation(standard, cls) is Obligation.MUSS:
            raise NonConformance(
                [
                    NotClaimedViolation(
                        msg("required-not-claimed"),
                        locator=self.target.display,
                        expected=msg("class-claimed", cls=cls),
                        actual=msg("not-claimed-in", source=source),
                    )
                ]
            )
        raise NotApplicable(msg("not-claimed", cls=cls, source=source))
