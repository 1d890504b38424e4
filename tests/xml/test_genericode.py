"""genericode code lists and the XÖV code check: list identity, key columns, code types 1–4, every finding."""

from __future__ import annotations

from pathlib import Path

import pytest
import xmlschema
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from conformance.core.packs import default_store
from conformance.suites.xdomea import validator as xdomea
from conformance.xml.genericode import (
    MEMBER,
    MISSING_REF,
    UNKNOWN_LIST,
    UNKNOWN_VERSION,
    CodeListIndex,
    CodeTyping,
    check_codes,
    pack_code_lists,
    read_genericode,
)

LISTS = "message_generation/schemes/xdomea_3.0.0/code_lists"
XOEV_CODE = "message_generation/schemes/xoev/code/1_0/xoev-code.xsd"
TEMPLATES = "message_generation/pattern/xdomea_3.0.0"


def _genericode(uri: str, version: str, codes: list[str], column: str = "code") -> str:
    rows = "".join(f'<Row><Value ColumnRef="{column}"><SimpleValue>{c}</SimpleValue></Value></Row>' for c in codes)
    return f"""<gc:CodeList xmlns:gc="http://docs.oasis-open.org/codelist/ns/genericode/1.0/">
      <Identification><ShortName>farben</ShortName><Version>{version}</Version>
        <CanonicalUri>{uri}</CanonicalUri><CanonicalVersionUri>{uri}_{version}</CanonicalVersionUri></Identification>
      <ColumnSet><Column Id="{column}" Use="required"><ShortName>{column}</ShortName><Data Type="string"/></Column>
        <Key Id="k"><ShortName>k</ShortName><ColumnRef Ref="{column}"/></Key></ColumnSet>
      <SimpleCodeList>{rows}</SimpleCodeList></gc:CodeList>"""


def _code_type(name: str, uri: str | None, version: str | None, enum: list[str] | None = None) -> str:
    code = (
        (
            "<xs:element name='code' form='unqualified'><xs:simpleType><xs:restriction base='xs:token'>"
            + "".join(f"<xs:enumeration value='{v}'/>" for v in enum)
            + "</xs:restriction></xs:simpleType>"
            "</xs:element>"
        )
        if enum
        else "<xs:element name='code' type='xs:token' form='unqualified'/>"
    )
    uri_attr = f"fixed='{uri}'" if uri else "use='optional'"
    version_attr = f"fixed='{version}'" if version else "use='required'"
    return f"""<xs:complexType name="{name}"><xs:complexContent><xs:restriction base="xoev-code:Code">
      <xs:sequence>{code}<xs:element name="name" type="xs:normalizedString" form="unqualified" minOccurs="0"/>
      </xs:sequence><xs:attribute name="listURI" type="xs:anyURI" {uri_attr}/>
      <xs:attribute name="listVersionID" type="xs:normalizedString" {version_attr}/>
    </xs:restriction></xs:complexContent></xs:complexType>"""


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> CodeListIndex:
    folder = tmp_path_factory.mktemp("lists")
    (folder / "f1.xml").write_text(_genericode("urn:t:farben", "1", ["rot", "gruen"]), encoding="utf-8")
    (folder / "f2.xml").write_text(_genericode("urn:t:farben", "2", ["rot", "gruen", "blau"]), encoding="utf-8")
    return CodeListIndex(read_genericode(p) for p in sorted(folder.glob("*.xml")))


@pytest.fixture(scope="module")
def typing(tmp_path_factory: pytest.TempPathFactory) -> CodeTyping:
    xoev = default_store().path("xdomea-3.0.0", XOEV_CODE)
    types = (
        _code_type("T1", "urn:t:farben", "2", ["rot", "gruen", "blau", "lila"])
        + _code_type("T2", "urn:t:farben", "1")
        + _code_type("T3", "urn:t:farben", None)
    )
    schema = f"""<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t"
        xmlns:xoev-code="http://xoev.de/schemata/code/1_0" targetNamespace="urn:t" elementFormDefault="qualified">
      <xs:import namespace="http://xoev.de/schemata/code/1_0" schemaLocation="{xoev.as_uri()}"/>
      {types}
      <xs:complexType name="Gruppe"><xs:sequence><xs:element name="b" type="t:T2"/></xs:sequence></xs:complexType>
      <xs:complexType name="Basis"><xs:sequence/></xs:complexType>
      <xs:complexType name="Erweitert"><xs:complexContent><xs:extension base="t:Basis"><xs:sequence>
        <xs:element name="e" type="t:T1"/></xs:sequence></xs:extension></xs:complexContent></xs:complexType>
      <xs:element name="r"><xs:complexType><xs:sequence>
        <xs:element name="a" type="t:T1" minOccurs="0" maxOccurs="unbounded"/>
        <xs:element name="b" type="t:T2" minOccurs="0" maxOccurs="unbounded"/>
        <xs:element name="c" type="t:T3" minOccurs="0" maxOccurs="unbounded"/>
        <xs:element name="d" type="xoev-code:Code" minOccurs="0" maxOccurs="unbounded"/>
        <xs:element name="g" type="t:Gruppe" minOccurs="0"/>
        <xs:element name="h" type="t:Basis" minOccurs="0"/>
        <xs:element name="text" type="xs:string" minOccurs="0"/>
      </xs:sequence></xs:complexType></xs:element></xs:schema>"""
    path = tmp_path_factory.mktemp("xsd") / "t.xsd"
    path.write_text(schema, encoding="utf-8")
    return CodeTyping(xmlschema.XMLSchema(str(path)))


def _check(typing: CodeTyping, index: CodeListIndex, body: str) -> list[tuple[str, str, str]]:
    root = etree.fromstring(f'<t:r xmlns:t="urn:t">{body}</t:r>'.encode())
    return [(f.rule, f.severity, f.location) for f in check_codes(root, typing, index)]


def test_code_types_come_from_the_schema(typing: CodeTyping) -> None:
    root = etree.fromstring(
        b'<t:r xmlns:t="urn:t"><t:a><code>rot</code></t:a><t:b><code>rot</code></t:b>'
        b"<t:c><code>rot</code></t:c><t:d><code>x</code></t:d>"
        b"<t:g><t:b><code>rot</code></t:b></t:g><t:text>code</t:text></t:r>"
    )
    found = [(etree.QName(e).localname, b.code_type, b.list_uri, b.list_version) for e, b in typing.bindings(root)]
    assert found == [
        ("a", 1, "urn:t:farben", "2"),
        ("b", 2, "urn:t:farben", "1"),
        ("c", 3, "urn:t:farben", None),
        ("d", 4, None, None),
        ("b", 2, "urn:t:farben", "1"),
    ]


def test_valid_codes_give_no_finding(typing: CodeTyping, index: CodeListIndex) -> None:
    assert (
        _check(
            typing,
            index,
            "<t:a><code>blau</code></t:a><t:b><code>gruen</code></t:b>"
            '<t:c listVersionID="1"><code>rot</code></t:c>'
            '<t:d listURI="urn:t:farben" listVersionID="urn:t:farben_2"><code>blau</code></t:d>',
        )
        == []
    )


def test_a_code_outside_its_list_version_is_a_member_finding(typing: CodeTyping, index: CodeListIndex) -> None:
    assert _check(
        typing, index, "<t:a><code>lila</code></t:a><t:b><code>blau</code></t:b><t:g><t:b><code>blau</code></t:b></t:g>"
    ) == [(MEMBER, "error", "/t:r/t:a"), (MEMBER, "error", "/t:r/t:b"), (MEMBER, "error", "/t:r/t:g/t:b")]


def test_the_instance_version_is_used_when_the_schema_leaves_it_open(typing: CodeTyping, index: CodeListIndex) -> None:
    assert _check(typing, index, '<t:c listVersionID="2"><code>blau</code></t:c>') == []
    assert _check(typing, index, '<t:c listVersionID="1"><code>blau</code></t:c>') == [(MEMBER, "error", "/t:r/t:c")]


def test_missing_or_empty_references_are_findings(typing: CodeTyping, index: CodeListIndex) -> None:
    found = _check(
        typing,
        index,
        '<t:c><code>rot</code></t:c><t:c listVersionID=""><code>rot</code></t:c>'
        '<t:d listURI="" listVersionID="1"><code>rot</code></t:d><t:d><code>rot</code></t:d>',
    )
    assert found == [
        (MISSING_REF, "error", "/t:r/t:c[1]"),
        (MISSING_REF, "error", "/t:r/t:c[2]"),
        (MISSING_REF, "error", "/t:r/t:d[1]"),
        (MISSING_REF, "error", "/t:r/t:d[2]"),
    ]


def test_unknown_lists_and_versions_are_findings_of_their_own(typing: CodeTyping, index: CodeListIndex) -> None:
    found = _check(
        typing,
        index,
        '<t:c listVersionID="9"><code>rot</code></t:c>'
        '<t:d listURI="urn:t:fremd" listVersionID="1"><code>rot</code></t:d>'
        '<t:d listURI="urn:t:farben" listVersionID="3"><code>rot</code></t:d>',
    )
    assert found == [
        (UNKNOWN_VERSION, "information", "/t:r/t:c"),
        (UNKNOWN_LIST, "warning", "/t:r/t:d[1]"),
        (UNKNOWN_VERSION, "information", "/t:r/t:d[2]"),
    ]


def test_a_version_not_held_offline_leaves_the_code_unchecked(typing: CodeTyping, index: CodeListIndex) -> None:
    """XÖV code type 3: the schema fixes the list, the sender names the version; one not held is no violation."""
    root = etree.fromstring(b'<t:r xmlns:t="urn:t"><t:c listVersionID="9"><code>lila</code></t:c></t:r>')
    [finding] = check_codes(root, typing, index)
    assert (finding.rule, finding.severity) == (UNKNOWN_VERSION, "information") and not finding.is_error
    assert "'9'" in finding.message and "held: 1, 2" in finding.message and "not checked" in finding.message


def test_xsi_type_selects_the_declarations_below_it(typing: CodeTyping, index: CodeListIndex) -> None:
    xsi = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="t:Erweitert"'
    assert _check(typing, index, f"<t:h {xsi}><t:e><code>lila</code></t:e></t:h>") == [
        (MEMBER, "error", "/t:r/t:h/t:e")
    ]
    assert _check(typing, index, f"<t:h {xsi}><t:e><code>rot</code></t:e></t:h>") == []


@given(st.text(alphabet="abcdefghilnortu", min_size=1, max_size=6))
def test_membership_follows_the_key_column(typing: CodeTyping, index: CodeListIndex, code: str) -> None:
    found = _check(typing, index, f'<t:c listVersionID="2"><code>{code}</code></t:c>')
    assert found == ([] if code in {"rot", "gruen", "blau"} else [(MEMBER, "error", "/t:r/t:c")])


def test_pack_lists_are_identified_by_uri_and_version() -> None:
    lists = pack_code_lists("xdomea-3.0.0")
    assert len(lists) == 48
    channel = lists.lookup("urn:de:xoev:codeliste:erreichbarkeit", "3")
    assert channel is not None and channel.codes == frozenset(f"0{i}" for i in range(1, 10))
    assert lists.lookup("urn:de:xoev:codeliste:erreichbarkeit", "urn:de:xoev:codeliste:erreichbarkeit_3") == channel
    assert lists.lookup("urn:de:xoev:codeliste:erreichbarkeit", "2") is None
    countries = lists.lookup("urn:xoev-de:kosit:codeliste:country-codes", "7")
    assert countries is not None and countries.keys[0][0] == "ISOAlpha2code" and "DE" in countries.codes


def test_the_key_column_is_read_whatever_its_name() -> None:
    path = default_store().path("xdomea-3.0.0", f"{LISTS}/Dateiformat_1.0.xml")
    formats = read_genericode(Path(path))
    assert formats.keys[0][0] == "Code" and len(formats.codes) == 46


@pytest.mark.parametrize(
    "message",
    ["Anbieteverzeichnis.0501", "Bewertungsverzeichnis.0502", "Aussonderung.0503", "AnbietungEmpfangBestaetigen.0504"],
)
def test_toolkit_templates_use_channel_code_002_which_is_not_in_its_list(message: str) -> None:
    path = default_store().path("xdomea-toolkit-templates", f"{TEMPLATES}/xx_Aussonderung.{message}.xml")
    root = etree.parse(str(path)).getroot()
    members = [f for f in check_codes(root, xdomea.typing(), xdomea.code_lists()) if f.rule == MEMBER]
    assert [(f.line, f.location.rsplit("/", 3)[-3:]) for f in members] == [
        (64, ["xdomea:Absender", "xdomea:Kommunikation", "xdomea:Kanal"]),
        (136, ["xdomea:Empfaenger", "xdomea:Kommunikation", "xdomea:Kanal"]),
    ]
    assert all("'002'" in f.message and "01, 02" in f.message for f in members)
