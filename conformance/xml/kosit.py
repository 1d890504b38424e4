"""KoSIT validator configurations as data: packs, Ant tokens, resource locations and the XRechnung build.

A configuration file (``configurations/*.toml``) names the pack holding ``scenarios.xml``, the values of
its Ant tokens, how each resource ``location`` maps onto pack files or builds, and the builds themselves.
"""

from __future__ import annotations

import re
import shutil
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

from conformance.core.packs import PackStore, default_store
from conformance.xml import codelists, contexts, rewrites, saxon
from conformance.xml.resolver import pack_digest
from conformance.xml.schematron import SCHXSLT, Rules, build_key, cached, compile_schematron
from conformance.xml.xsd import SchemaRef

FOLDER = Path(__file__).resolve().parent / "configurations"
SCH_SOURCES = "src/validation/schematron"
SYNTAXES = ("UBL", "CII")


class ConfigurationError(Exception):
    """A configuration names a location, pack or build it cannot resolve."""


@dataclass(frozen=True)
class Resource:
    """Where a scenario resource location points: a pack file or a file of a build."""

    location: str
    pack: str = ""
    path: str = ""
    build: str = ""


@dataclass(frozen=True)
class Configuration:
    """One validator configuration version (e.g. XRechnung 3.0), read from a TOML file."""

    id: str
    title: str
    standard: str
    scenarios_pack: str
    scenarios_path: str
    tokens: Mapping[str, str] = field(default_factory=dict, hash=False, compare=False)
    resources: tuple[Resource, ...] = ()
    builds: Mapping[str, Mapping[str, Any]] = field(default_factory=dict, hash=False, compare=False)
    test_transform: str = ""
    scenarios_transform: str = ""

    def for_tests(self) -> Configuration:
        """The variant the upstream build uses for its report tests (scenarios.xml through its test transform)."""
        if not self.test_transform:
            raise ConfigurationError(f"{self.id} has no test variant")
        return replace(self, id=f"{self.id}-test", scenarios_transform=self.test_transform)

    def detokenize(self, text: str) -> str:
        """Replace the ``@token@`` placeholders this configuration knows."""
        return replace_tokens(text, self.tokens)

    def resolve(self, location: str) -> Resource:
        """The pack file or build output behind a resource location (longest prefix wins)."""
        location = self.detokenize(location).strip()
        candidates = [r for r in self.resources if location.startswith(r.location)]
        if not candidates:
            raise ConfigurationError(f"{self.id}: resource location {location!r} maps to no pack or build")
        best = max(candidates, key=lambda r: len(r.location))
        rest = location[len(best.location) :]
        return Resource(location, best.pack, best.path + rest, best.build)

    def schema(self, location: str) -> SchemaRef:
        """The XSD entry point behind a ``validateWithXmlSchema`` location."""
        found = self.resolve(location)
        if not found.pack:
            raise ConfigurationError(f"{self.id}: schema location {location!r} must map to a pack file")
        return SchemaRef(found.pack, found.path)

    def resolve_file(self, location: str, store: PackStore | None = None) -> Path:
        """The verified pack file or built file behind a resource location (looked up once per process)."""
        key = (self.id, location)
        if store is not None or key not in _FILES:
            store = store or default_store()
            found = self.resolve(location)
            path = build(self, found.build, store) / found.path if found.build else store.path(found.pack, found.path)
            if store is default_store():
                _FILES[key] = path
            return path
        return _FILES[key]

    def stylesheet(self, location: str, store: PackStore | None = None) -> Rules:
        """The compiled Schematron XSLT behind a ``validateWithSchematron`` location."""
        path = self.resolve_file(location, store)
        return Rules(path.stem, path)


_FILES: dict[tuple[str, str], Path] = {}


def replace_tokens(text: str, tokens: Mapping[str, str]) -> str:
    """Replace ``@name@`` Ant tokens with their values; unknown tokens stay as they are."""
    return re.sub(r"@([\w.-]+)@", lambda m: tokens.get(m[1], m[0]), text)


@cache
def configurations() -> tuple[Configuration, ...]:
    """Every configuration shipped with wechselbar, in file name order."""
    return tuple(load(path) for path in sorted(FOLDER.glob("*.toml")))


def configuration(config_id: str) -> Configuration:
    """One configuration by id."""
    for item in configurations():
        if item.id == config_id:
            return item
    raise ConfigurationError(f"no validator configuration {config_id!r}")


def load(path: Path) -> Configuration:
    """Read one configuration file."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    resources = tuple(
        Resource(r["location"], r.get("pack", ""), r.get("path", ""), r.get("build", "")) for r in data["resources"]
    )
    return Configuration(
        id=data["id"],
        title=data["title"],
        standard=data["standard"],
        scenarios_pack=data["scenarios"]["pack"],
        scenarios_path=data["scenarios"]["path"],
        tokens=dict(data.get("tokens", {})),
        resources=resources,
        builds=dict(data.get("builds", {})),
        test_transform=data["scenarios"].get("test_transform", ""),
    )


def build(config: Configuration, name: str, store: PackStore) -> Path:
    """The output folder of a named build, built once per pack versions and cached on disk."""
    recipe = config.builds.get(name)
    if recipe is None or recipe.get("recipe") not in RECIPES:
        raise ConfigurationError(f"{config.id}: unknown build {name!r}")
    packs, steps = RECIPES[recipe["recipe"]]
    used = packs(config, recipe)
    key = build_key(*(f"{p}={pack_digest(p)}" for p in used), repr(sorted(recipe.items())))
    return cached(f"{config.id}-{name}", key, lambda work: steps(work, config, recipe, store))


def _xrechnung_packs(config: Configuration, recipe: Mapping[str, Any]) -> tuple[str, ...]:
    return (recipe["schematron"], recipe["peppol"], SCHXSLT)


def _cen_packs(config: Configuration, recipe: Mapping[str, Any]) -> tuple[str, ...]:
    return (recipe["pack"], config.scenarios_pack)


def cen_build(work: Path, config: Configuration, recipe: Mapping[str, Any], store: PackStore) -> None:
    """The validator configuration's CEN step: each precompiled CEN stylesheet through its post-processing XSLT.

    The skeleton's location template is then replaced by one printing the same paths in linear time, its
    traversals that can write nothing are removed, its code-list tests look codes up in a map, and each rule
    counts the nodes its context matched.
    """
    stylesheet = store.path(config.scenarios_pack, recipe["stylesheet"])
    for target, source in recipe["files"].items():
        built = saxon.build_step(stylesheet, store.path(recipe["pack"], source)).encode("utf-8")
        rewritten = codelists.listed(rewrites.without_idle_traversals(rewrites.linear_locations(built)))
        contexts.write(rewritten, work / target)


def xrechnung_build(work: Path, config: Configuration, recipe: Mapping[str, Any], store: PackStore) -> None:
    """The xrechnung-schematron Ant build: replace tokens, merge the Peppol BIS rules, compile with SchXslt
    (each rule counting the nodes its context matched).

    The layout mirrors the upstream build tree, so ``peppol-into-xr.xsl`` finds ``rule-list.xml`` next to
    itself and ``../../build/bis/PEPPOL-EN16931-*.sch`` relative to its own location.
    """
    schematron, peppol = store.pack_dir(recipe["schematron"]), store.pack_dir(recipe["peppol"])
    tokens = dict(recipe.get("tokens", {}))
    tree = work / "tree"
    shutil.copytree(schematron / "src/xsl", tree / "src/xsl")
    (tree / "build/bis").mkdir(parents=True)
    for syntax in SYNTAXES:
        name = f"PEPPOL-EN16931-{syntax}.sch"
        shutil.copyfile(peppol / "rules/sch" / name, tree / "build/bis" / name)
    _copy_tokenized(schematron / SCH_SOURCES / "common.sch", tree / "build/schematron/common.sch", tokens)
    for syntax in SYNTAXES:
        name = f"XRechnung-{syntax}-validation"
        source = tree / f"build/schematron/tmp/{name}.sch"
        _copy_tokenized(schematron / SCH_SOURCES / syntax.lower() / f"{name}.sch", source, tokens)
        merged = tree / f"build/schematron/{syntax.lower()}/{name}.sch"
        merged.parent.mkdir(parents=True, exist_ok=True)
        merged.write_text(
            saxon.build_step(tree / "src/xsl/peppol-into-xr.xsl", source, {"syntax": syntax}), encoding="utf-8"
        )
        compile_schematron(
            merged, work / f"{name}.xsl", store, compact=bool(recipe.get("svrl_compact", False)), counted=True
        )


def _copy_tokenized(source: Path, target: Path, tokens: Mapping[str, str]) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(replace_tokens(source.read_text(encoding="utf-8"), tokens), encoding="utf-8")


Recipe = tuple[
    Callable[[Configuration, Mapping[str, Any]], tuple[str, ...]],
    Callable[[Path, Configuration, Mapping[str, Any], PackStore], None],
]
RECIPES: dict[str, Recipe] = {
    "kosit-xrechnung": (_xrechnung_packs, xrechnung_build),
    "kosit-cen": (_cen_packs, cen_build),
}
