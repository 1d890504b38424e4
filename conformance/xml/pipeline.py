"""The validation pipeline of a KoSIT configuration: parse, select a scenario, XSD, Schematron, levels, verdict.

Like the KoSIT validator, Schematron runs only on schema-valid documents, and a processing error in any
step (a stylesheet that fails, a schema that does not compile) rejects the document with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from lxml import etree

from conformance.core.xmlsafe import DEFAULT_MAX_BYTES
from conformance.xml import contexts, parallel, saxon, svrl, xsd
from conformance.xml.exports import register_affinity
from conformance.xml.kosit import ConfigurationError
from conformance.xml.lanes import Affinity
from conformance.xml.locations import Lines
from conformance.xml.report import DocumentReport, Finding, RuleContext, Source, Validator, rejected
from conformance.xml.scenarios import NoScenario, Scenario, Selector, selector
from conformance.xml.schematron import Rules

STANDARD = "xrechnung-3.0"
ROOTS = frozenset(
    {
        "{urn:oasis:names:specification:ubl:schema:xsd:Invoice-2}Invoice",
        "{urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2}CreditNote",
        "{urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100}CrossIndustryInvoice",
    }
)
STEP_ERRORS = (saxon.SaxonError, xsd.SchemaCompileError, ConfigurationError, ValueError, etree.XMLSyntaxError)


@dataclass(frozen=True)
class Step:
    """The raw result of one Schematron step: its name, resource location and SVRL report."""

    name: str
    location: str
    svrl: str


@dataclass
class Validation:
    """Everything one validation produced: the parsed document, the scenario, each step's results."""

    source: Source
    data: bytes
    tree: etree._ElementTree | None = None
    node: Any = None
    scenario: Scenario | None = None
    wellformedness: list[Finding] = field(default_factory=list)
    schema: list[Finding] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)
    rules: list[Finding] = field(default_factory=list)
    contexts: list[RuleContext] = field(default_factory=list)
    error: str | None = None

    @property
    def schema_valid(self) -> bool:
        """True when the document parsed and has no XSD error."""
        return self.tree is not None and not any(f.is_error for f in self.schema)

    def findings(self) -> tuple[Finding, ...]:
        """All findings, Schematron severities after the scenario's customLevel overrides."""
        levels = self.scenario.level if self.scenario else (lambda rule, severity: severity)
        adjusted = [replace(f, severity=levels(f.rule, f.severity)) for f in self.rules]
        return (*self.wellformedness, *self.schema, *adjusted)


def execute(source: Source, chooser: Selector | None = None, cores: int = 1) -> Validation:
    """Run the whole pipeline on one document; never raises for problems of the document itself.

    ``chooser`` limits the scenarios (default: those of every shipped configuration). ``cores`` is how many
    processes the caller grants this one document: with two, the first stylesheet runs in a helper process
    (``parallel``) beside the rest, for the default chooser only.
    """
    size = source.path.stat().st_size if source.data is None and source.path is not None else 0
    if size > DEFAULT_MAX_BYTES:
        refused = Finding(
            "XML", "fatal", "/", f"document is {size} bytes, the limit is {DEFAULT_MAX_BYTES}", source="parse"
        )
        return Validation(source, b"", wellformedness=[refused])
    run = Validation(source, source.read())
    run.tree, run.wellformedness = xsd.parse(Source(source.name, data=run.data))
    if run.tree is not None:
        _select_and_validate(run, chooser, cores)
    return run


def _select_and_validate(run: Validation, chooser: Selector | None, cores: int) -> None:
    assert run.tree is not None
    chosen = chooser or selector()
    try:
        chosen.check_root(run.tree.getroot().tag)
        ahead = parallel.send_ahead(run.data, cores) if chooser is None else None
        run.node = saxon.parse(run.data)
        run.scenario = chosen.select(run.node)
        _validate(run, run.scenario, ahead)
    except NoScenario as exc:
        run.error = f"{exc}{_customization(run.tree)}"
    except STEP_ERRORS as exc:
        run.error = f"processing error: {exc}"


def _validate(run: Validation, scenario: Scenario, ahead: parallel.Ahead | None) -> None:
    assert run.tree is not None
    config = scenario.config
    run.schema = xsd.validate(run.tree, config.schema(scenario.schema), run.data)
    if not run.schema_valid:
        return
    prefixes = svrl.prefixes_of(run.tree.getroot())
    rules = [config.stylesheet(location) for _, location in scenario.schematron]
    first = parallel.key(config.id, scenario.name, rules[0]) if rules else ()
    for (name, location), rule, report in zip(
        scenario.schematron, rules, parallel.run_all(rules, run.node, ahead, first), strict=True
    ):
        run.steps.append(Step(name, location, report))
        root = svrl.parse(report)
        run.rules += svrl.fired(root, prefixes)
        run.contexts += contexts.read(root, _table(rule))
    run.rules = with_lines(run.tree, run.rules, prefixes)


def _table(rule: Rules) -> contexts.Table:
    table = rule.table
    if table is None:
        raise ConfigurationError(f"stylesheet {rule.name} does not count its rule contexts")
    return table


def with_lines(tree: etree._ElementTree, found: list[Finding], prefixes: dict[str, str]) -> list[Finding]:
    """Add the source line of each finding's location (resolved in the lxml tree)."""
    lines = Lines(tree, {p: u for u, p in prefixes.items()})
    return [replace(f, line=lines.line(f.location)) for f in found]


def _customization(tree: etree._ElementTree) -> str:
    found = tree.xpath(
        "string((/*/*[local-name()='CustomizationID'] | /*/*[local-name()='ExchangedDocumentContext']"
        "/*[local-name()='GuidelineSpecifiedDocumentContextParameter']/*[local-name()='ID'])[1])"
    )
    return f" (specification identifier {found!r})" if found else ""


def verdict(run: Validation) -> DocumentReport:
    """The document report of a run: valid from the rules' own severities, accepted after customLevel."""
    standard = run.scenario.config.standard if run.scenario else STANDARD
    if run.tree is None:
        return DocumentReport(
            run.source.name, standard, False, False, None, tuple(run.wellformedness), error="not well-formed"
        )
    if run.error is not None:
        base = rejected(run.source, standard, run.error)
        return replace(
            base,
            scenario=run.scenario.name if run.scenario else None,
            findings=(*run.schema, *run.rules, *base.findings),
        )
    findings = run.findings()
    valid = run.schema_valid and not any(f.is_error for f in run.rules)
    accepted = run.schema_valid and not any(f.is_error for f in findings)
    return DocumentReport(
        run.source.name,
        standard,
        valid,
        accepted,
        run.scenario.name if run.scenario else None,
        findings,
        contexts=tuple(run.contexts),
    )


def validate(source: Source, cores: int = 1) -> DocumentReport:
    """Validate one document against the configuration whose scenario takes it (``cores``: see ``execute``)."""
    return verdict(execute(source, cores=cores))


def validate_wide(source: Source) -> DocumentReport:
    """Validate one document with a helper process for its first stylesheet (the caller has a core to spare)."""
    return validate(source, cores=2)


VALIDATOR = Validator(STANDARD, validate, ROOTS.__contains__, aliases=("xrechnung", "en16931"), wide=validate_wide)
SYNTAX = {
    "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2": "ubl",
    "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2": "ubl",
    "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100": "cii",
}


def syntax(root: str) -> str:
    """The syntax whose stylesheets a document needs (``ubl``, ``cii``), from its root element; else empty."""
    return SYNTAX.get(root[1:].partition("}")[0], "") if root.startswith("{") else ""


register_affinity(STANDARD, Affinity(syntax))
