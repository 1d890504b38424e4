"""XML Mutate (``<?xmute …?>``) instructions: mutants of a document and the Schematron outcomes they expect.

An instruction stands before the element it mutates. Mutators: ``identity`` (unchanged), ``remove``
(the element, or its ``attribute``), ``empty`` (its text, or its ``attribute``'s value) and ``code`` (one
mutant per comma-separated value in ``values``). ``schematron-valid`` / ``schematron-invalid`` name
``schematron:RULE`` pairs that must not fire / must fire in the mutant.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from conformance.core.xmlsafe import parse_bytes

_PSEUDO = re.compile(r'([\w-]+)\s*=\s*"([^"]*)"')


@dataclass(frozen=True)
class RuleExpectation:
    """One named Schematron rule that must fire (``invalid``) or must not fire (``valid``)."""

    schematron: str
    rule: str
    fires: bool


@dataclass(frozen=True)
class Mutant:
    """One mutated document with its instruction id, description and expectations."""

    id: str
    mutator: str
    description: str
    document: bytes
    expectations: tuple[RuleExpectation, ...]

    @property
    def known_wrong(self) -> bool:
        """Marked as describing a future target state (``expected-to-pass:`` / ``expected-to-fail:``)."""
        return self.description.startswith(("expected-to-pass", "expected-to-fail"))


def instructions(root: etree._Element) -> list[etree._Element]:
    """The ``xmute`` processing instructions of a document, in document order."""
    found = root.getroottree().iter(etree.ProcessingInstruction)
    return [pi for pi in found if isinstance(pi, etree._ProcessingInstruction) and pi.target == "xmute"]


def mutants(data: bytes) -> Iterator[Mutant]:
    """Every mutant the instructions of a document describe."""
    tree = parse_bytes(data)
    for index, pi in enumerate(instructions(tree.getroot())):
        yield from _from_instruction(tree, index, dict(_PSEUDO.findall(pi.text or "")))


def _from_instruction(tree: etree._ElementTree, index: int, args: dict[str, str]) -> Iterator[Mutant]:
    mutator = args.get("mutator", "identity")
    values = [v.strip() for v in args.get("values", "").split(",")] if mutator == "code" else [""]
    expectations = tuple(
        _expectations(args.get("schematron-valid", ""), False) + _expectations(args.get("schematron-invalid", ""), True)
    )
    for number, value in enumerate(values, start=1):
        copy_ = copy.deepcopy(tree)
        _apply(instructions(copy_.getroot())[index], mutator, args.get("attribute"), value)
        name = args.get("id", f"instruction-{index + 1}")
        yield Mutant(
            name if len(values) == 1 else f"{name}-{number}",
            mutator,
            args.get("description", ""),
            etree.tostring(copy_, encoding="utf-8", xml_declaration=True),
            expectations,
        )


def _expectations(text: str, fires: bool) -> list[RuleExpectation]:
    pairs = (item.split(":", 1) for item in text.split() if ":" in item)
    return [RuleExpectation(schematron, rule, fires) for schematron, rule in pairs]


def _apply(pi: etree._Element, mutator: str, attribute: str | None, value: str) -> None:
    target = pi.getnext()
    while target is not None and not isinstance(target.tag, str):
        target = target.getnext()
    if target is None:
        raise ValueError("xmute instruction with no element after it")
    if mutator == "identity":
        return
    if mutator == "remove":
        _remove(target, attribute)
    elif mutator in ("empty", "code"):
        _set(target, attribute, value)
    else:
        raise ValueError(f"unsupported xmute mutator {mutator!r}")


def _remove(target: etree._Element, attribute: str | None) -> None:
    if attribute:
        if attribute in target.attrib:
            del target.attrib[attribute]
        return
    parent = target.getparent()
    if parent is None:
        raise ValueError("xmute cannot remove the root element")
    parent.remove(target)


def _set(target: etree._Element, attribute: str | None, value: str) -> None:
    if attribute:
        target.set(attribute, value)
    else:
        target.text = value
