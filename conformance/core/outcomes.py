"""Outcomes of a check and obligations of a requirement."""

from __future__ import annotations

from enum import StrEnum


class Outcome(StrEnum):
    """The verdict of one requirement for one vendor target.

    ``not_verified`` is neither a pass nor *not applicable*: the requirement applies, but the target showed
    nothing it could be tested on although the check looked for it (e.g. no deleted object appeared after
    every probe). Reports show it apart, so a buyer sees that the rule went untested.
    """

    PASS = "pass"
    FAIL = "fail"
    ERROR = "error"
    SKIP = "skip"
    NOT_APPLICABLE = "not_applicable"
    NOT_VERIFIED = "not_verified"
    WAIVED = "waived"

    @property
    def is_verdict(self) -> bool:
        """True where the vendor was judged: passed, failed or waived."""
        return self in (Outcome.PASS, Outcome.FAIL, Outcome.WAIVED)


class Obligation(StrEnum):
    """How binding a requirement is: MUSS (SHALL), SOLL (SHOULD) or KANN (MAY)."""

    MUSS = "MUSS"
    SOLL = "SOLL"
    KANN = "KANN"

    @classmethod
    def parse(cls, text: str) -> Obligation:
        """Read an obligation from German or English keywords (SHALL, MUST, SHOULD, MAY, required, ...)."""
        key = text.strip().upper()
        if key in _ALIASES:
            return _ALIASES[key]
        raise ValueError(f"unknown obligation {text!r}; use MUSS/SHALL, SOLL/SHOULD or KANN/MAY")


_ALIASES = {
    "MUSS": Obligation.MUSS,
    "SHALL": Obligation.MUSS,
    "MUST": Obligation.MUSS,
    "REQUIRED": Obligation.MUSS,
    "SOLL": Obligation.SOLL,
    "SOLLTE": Obligation.SOLL,
    "SHOULD": Obligation.SOLL,
    "RECOMMENDED": Obligation.SOLL,
    "KANN": Obligation.KANN,
    "DARF": Obligation.KANN,
    "MAY": Obligation.KANN,
    "OPTIONAL": Obligation.KANN,
}
