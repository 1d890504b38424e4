"""XÖV code lists: genericode files of a pack, and the check of every ``xoev-code:Code`` value against them.

A code names its list by ``listURI`` and version by ``listVersionID``, in the instance or as fixed/default
values in the schema (XÖV code types 1–4); the list is found among the pack's genericode files
(``CanonicalUri``, ``Version``/``CanonicalVersionUri``) and the code looked up in its key column.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from conformance.core.messages import Message
from conformance.core.packs import PackStore, default_store
from conformance.core.xmlsafe import parse_file
from conformance.xml.messages import XOEV
from conformance.xml.report import Finding
from conformance.xml.stream import instance_xpath

XOEV_CODE = "{http://xoev.de/schemata/code/1_0}Code"
MEMBER = "XOEV-CODE-MEMBER"
UNKNOWN_LIST = "XOEV-CODE-LIST-UNKNOWN"
UNKNOWN_VERSION = "XOEV-CODE-VERSION-UNKNOWN"
MISSING_REF = "XOEV-CODE-REF-MISSING"
RULES = (MISSING_REF, UNKNOWN_LIST, UNKNOWN_VERSION, MEMBER)
Problem = tuple[str, str, Message]


@dataclass(frozen=True)
class CodeList:
    """One version of a genericode code list: its identity and the codes of each key column."""

    uri: str
    version: str
    version_uri: str
    name: str
    keys: tuple[tuple[str, frozenset[str]], ...]
    file: str = ""

    @property
    def codes(self) -> frozenset[str]:
        """The codes of the first key column (the one marked as XÖV code column, if any)."""
        return self.keys[0][1] if self.keys else frozenset()

    def codes_in(self, column: str | None) -> frozenset[str]:
        """The codes of a named key column (the schema's ``genutzteCodeSpalte``), else the default codes."""
        return dict(self.keys).get(column or "", self.codes)

    def matches(self, version: str) -> bool:
        """True if ``version`` names this list version (by Version or CanonicalVersionUri)."""
        return version in (self.version, self.version_uri)


def read_genericode(path: Path) -> CodeList:
    """Load one genericode file with the codes of each key column (the XÖV-marked key first)."""
    root = parse_file(path).getroot()
    ident = root.find("Identification")
    if ident is None:
        raise ValueError(f"{path}: not a genericode CodeList (no Identification)")
    keys = tuple(
        (
            column,
            frozenset(
                (value.findtext("SimpleValue") or "").strip()
                for value in root.iterfind(f"SimpleCodeList/Row/Value[@ColumnRef='{column}']")
            ),
        )
        for column in _key_columns(root)
    )
    return CodeList(
        uri=(ident.findtext("CanonicalUri") or "").strip(),
        version=(ident.findtext("Version") or "").strip(),
        version_uri=(ident.findtext("CanonicalVersionUri") or "").strip(),
        name=(ident.findtext("ShortName") or path.stem).strip(),
        keys=keys,
        file=path.name,
    )


def _key_columns(root: Any) -> list[str]:
    keys = root.findall("ColumnSet/Key")
    keys.sort(key=lambda k: k.find("Annotation/AppInfo/*") is None)
    refs = [k.find("ColumnRef") for k in keys]
    return [str(r.get("Ref")) for r in refs if r is not None]


class CodeListIndex:
    """The code lists available to a check, by canonical URI and version."""

    def __init__(self, lists: Iterable[CodeList]) -> None:
        self._by_uri: dict[str, list[CodeList]] = {}
        self._found: dict[tuple[str, str], CodeList | None] = {}
        self._verdicts: dict[tuple[Any, ...], Problem | None] = {}
        for item in lists:
            self._by_uri.setdefault(item.uri, []).append(item)

    def lookup(self, uri: str, version: str) -> CodeList | None:
        """The list version named by (listURI, listVersionID), or None."""
        if (uri, version) not in self._found:
            self._found[uri, version] = next((c for c in self._by_uri.get(uri, []) if c.matches(version)), None)
        return self._found[uri, version]

    def verdict(self, element: Any, binding: Binding) -> Problem | None:
        """``check_code`` for a code element, cached by binding, code and list reference."""
        key = (binding, element.findtext("code"), element.get("listURI"), element.get("listVersionID"))
        if key not in self._verdicts:
            self._verdicts[key] = check_code(resolve(element, binding), self)
        return self._verdicts[key]

    def versions(self, uri: str) -> list[str]:
        """The versions of a list in the index."""
        return sorted(c.version for c in self._by_uri.get(uri, []))

    def __len__(self) -> int:
        return sum(map(len, self._by_uri.values()))


def pack_code_lists(pack_id: str, store: PackStore | None = None, folder: str = "code_lists") -> CodeListIndex:
    """Every genericode file of a pack (files in a ``code_lists`` folder), loaded once per process."""
    store = store or default_store()
    return _pack_index(pack_id, store.pack(pack_id).digest, store, folder)


@cache
def _pack_index(pack_id: str, digest: str, store: PackStore, folder: str) -> CodeListIndex:
    files = [f.path for f in store.pack(pack_id).files if f"/{folder}/" in f"/{f.path}" and f.path.endswith(".xml")]
    return CodeListIndex(read_genericode(store.path(pack_id, p)) for p in files)


@dataclass(frozen=True, eq=False)
class Binding:
    """What the schema says about a code element: code type and fixed/default list URI and version."""

    code_type: int
    list_uri: str | None
    list_version: str | None
    column: str | None = None


class CodeValue(NamedTuple):
    """One code element of an instance with its resolved list reference."""

    element: Any
    code: str
    binding: Binding
    list_uri: str
    list_version: str


def check_code(value: CodeValue, index: CodeListIndex) -> Problem | None:
    """The problem of one code value as (rule, severity, message): missing reference, unknown list or
    version, or not a member; None if the code is fine.

    The sender chooses the version where the schema leaves it open (code types 3 and 4), so a version that
    is not held offline is no violation: its codes are simply not checked (information).
    """
    if not value.list_uri or not value.list_version:
        return MISSING_REF, "error", _missing(value)
    found = index.lookup(value.list_uri, value.list_version)
    foreign = "warning" if value.binding.code_type == 4 else "error"
    if found is None and not index.versions(value.list_uri):
        return (
            UNKNOWN_LIST,
            foreign,
            XOEV(
                "xoev.code-list-unknown",
                uri=value.list_uri,
                version=value.list_version,
                count=len(index),
                value=value.code,
            ),
        )
    if found is None:
        return (
            UNKNOWN_VERSION,
            "information",
            XOEV(
                "xoev.code-version-unknown",
                version=value.list_version,
                uri=value.list_uri,
                known=", ".join(index.versions(value.list_uri)),
                value=value.code,
            ),
        )
    if value.code not in found.codes_in(value.binding.column):
        return (
            MEMBER,
            "error",
            XOEV(
                "xoev.code-not-member",
                value=value.code,
                uri=found.uri,
                version=found.version,
                valid=_sample(found.codes),
            ),
        )
    return None


def _missing(value: CodeValue) -> Message:
    missing = [n for n, v in (("listURI", value.list_uri), ("listVersionID", value.list_version)) if not v]
    if len(missing) > 1:
        return XOEV(
            "xoev.code-references-missing",
            value=value.code,
            type=value.binding.code_type,
            first=missing[0],
            second=missing[1],
        )
    return XOEV("xoev.code-reference-missing", value=value.code, type=value.binding.code_type, missing=missing[0])


def _sample(codes: frozenset[str], limit: int = 12) -> str | Message:
    ordered = sorted(codes)
    shown = ", ".join(ordered[:limit])
    return XOEV("xoev.more-codes", codes=shown, count=len(ordered)) if len(ordered) > limit else shown


def resolve(element: Any, binding: Binding) -> CodeValue:
    """The code value of an element: code child text and list reference from instance or schema."""
    code = (element.findtext("code") or "").strip()
    uri = (element.get("listURI") or "").strip() or (binding.list_uri or "")
    version = (element.get("listVersionID") or "").strip() or (binding.list_version or "")
    return CodeValue(element, code, binding, uri, version)


def binding_of(xsd_type: Any) -> Binding:
    """The code type (1–4) and fixed/default list reference of an xmlschema complex type."""
    attributes = xsd_type.attributes
    uri = _fixed(attributes.get("listURI"))
    version = _fixed(attributes.get("listVersionID"))
    code_type = (1 if _enumerated(xsd_type) else 2) if uri and version else (3 if uri else 4)
    return Binding(code_type, uri, version, _used_column(xsd_type))


def _used_column(xsd_type: Any) -> str | None:
    annotation = getattr(xsd_type, "annotation", None)
    for appinfo in getattr(annotation, "appinfo", None) or ():
        column = appinfo.findtext("genutzteCodeSpalte")
        if column and column.strip():
            return str(column.strip())
    return None


def _fixed(attribute: Any) -> str | None:
    value = None if attribute is None else attribute.fixed if attribute.fixed is not None else attribute.default
    return None if value is None else str(value)


def _enumerated(xsd_type: Any) -> bool:
    for child in xsd_type.content.iter_elements():
        if child.local_name == "code":
            return bool(getattr(child.type, "enumeration", None))
    return False


def is_code_type(xsd_type: Any, schema: Any) -> bool:
    """True if an xmlschema type is ``xoev-code:Code`` or derived from it."""
    base = schema.maps.types.get(XOEV_CODE)
    return base is not None and xsd_type.is_complex() and bool(xsd_type.is_derived(base))


XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
XSI_TYPE = f"{{{XSI_NS}}}type"
_UNSET = Binding(0, None, None)


class CodeTyping:
    """Finds the code elements of an instance with their schema bindings (via xmlschema declarations).

    Only elements with an unqualified ``code`` child are looked at; their declaration is resolved along
    the path of ancestor names (and ``xsi:type``) and cached, so a document costs one lookup per path.
    """

    def __init__(self, schema: Any) -> None:
        self.schema = schema
        self._paths: dict[tuple[str, ...], Binding | None] = {}
        self._children: dict[tuple[int, str], Any] = {}

    def bindings(self, scope: Any) -> Iterator[tuple[Any, Binding]]:
        """Every code element in ``scope`` (an element and its descendants) with its binding."""
        memo: dict[Any, tuple[str, ...]] = {}
        for code in scope.iter("code"):
            element = code.getparent()
            if element is None:
                continue
            key = _path_key(element, memo)
            binding = self._paths.get(key, _UNSET)
            if binding is _UNSET:
                binding = self._paths[key] = self._binding(key)
            if binding is not None:
                yield element, binding

    def _binding(self, key: tuple[str, ...]) -> Binding | None:
        decl = self.schema.maps.elements.get(key[0])
        xsd_type = decl.type if decl is not None else None
        for tag in key[1:]:
            if xsd_type is None:
                return None
            xsd_type = self._child_type(xsd_type, tag)
        return binding_of(xsd_type) if xsd_type is not None and is_code_type(xsd_type, self.schema) else None

    def _child_type(self, parent_type: Any, tag: str) -> Any:
        name, _, xsi_type = tag.partition(" ")
        if xsi_type:
            return self.schema.maps.types.get(xsi_type)
        cache_key = (id(parent_type), name)
        if cache_key not in self._children:
            self._children[cache_key] = self._declared(parent_type, name)
        return self._children[cache_key]

    def _declared(self, parent_type: Any, name: str) -> Any:
        content = getattr(parent_type, "content", None)
        if parent_type.is_complex() and content is not None and hasattr(content, "iter_elements"):
            for child in content.iter_elements():
                if getattr(child, "name", None) == name:
                    return child.type
        fallback = self.schema.maps.elements.get(name)
        return fallback.type if fallback is not None else None


def _path_key(element: Any, memo: dict[Any, tuple[str, ...]]) -> tuple[str, ...]:
    chain = []
    node = element
    while node is not None and node not in memo:
        chain.append(node)
        node = node.getparent()
    key = memo[node] if node is not None else ()
    for step in reversed(chain):
        key = memo[step] = (*key, _typed_tag(step))
    return key


def _typed_tag(node: Any) -> str:
    xsi_type = node.get(XSI_TYPE)
    if not xsi_type:
        return str(node.tag)
    prefix, _, local = xsi_type.rpartition(":")
    return f"{node.tag} {{{node.nsmap.get(prefix or None, '')}}}{local}"


def check_codes(
    scope: Any,
    typing: CodeTyping,
    index: CodeListIndex,
    stop: Any = None,
    prefix: str = "",
    tally: Counter[tuple[str, ...]] | None = None,
) -> Iterator[Finding]:
    """Every code-list finding in ``scope``; XPaths are built up to ``stop`` and prefixed with ``prefix``.
    ``tally`` counts the code elements checked (under the rule ids of :data:`RULES`)."""
    for element, binding in typing.bindings(scope):
        if tally is not None:
            tally[RULES] += 1
        problem = index.verdict(element, binding)
        if problem is not None:
            rule, severity, message = problem
            yield Finding.worded(
                rule, severity, instance_xpath(element, stop, prefix), message, element.sourceline, None, "codelist"
            )
