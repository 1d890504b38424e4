"""The messages of the XML engine, in English and German: texts of libraries, and the XÖV code-list findings.

A text written by a library or a rule set (a Schematron assertion, a libxml2 or parser error, a refusal of the
hardened parser or the archive walk) is shown as written: the code ``xml.<source>`` with the parameter
``text``. The XÖV code-list findings (XÖV-Handbuch, chapter 8) are worded here; suites whose documents carry
XÖV codes merge :data:`XOEV` into their catalogue, every suite with documents merges :data:`XML`.
"""

from __future__ import annotations

from conformance.core.messages import Catalogue

SOURCES = ("xsd", "schematron", "codelist", "rule", "scenario", "parse")

XML = Catalogue.of({f"xml.{source}": ("{text}", "{text}") for source in SOURCES})

XOEV = Catalogue.of(
    {
        "xoev.code-reference-missing": (
            "code '{value}' of XÖV code type {type}: {missing} is empty or missing in the instance and not fixed by "
            "the schema, so its code list cannot be determined",
            "Code '{value}' des XÖV-Codetyps {type}: {missing} ist in der Instanz leer oder fehlt und ist im Schema "
            "nicht festgelegt, daher lässt sich seine Codeliste nicht bestimmen",
        ),
        "xoev.code-references-missing": (
            "code '{value}' of XÖV code type {type}: {first} and {second} are empty or missing in the instance and "
            "not fixed by the schema, so its code list cannot be determined",
            "Code '{value}' des XÖV-Codetyps {type}: {first} und {second} sind in der Instanz leer oder fehlen und "
            "sind im Schema nicht festgelegt, daher lässt sich seine Codeliste nicht bestimmen",
        ),
        "xoev.code-list-unknown": (
            "code list '{uri}' (version '{version}') is not among the {count} code lists of the standard; code "
            "'{value}' cannot be checked",
            "die Codeliste '{uri}' (Version '{version}') gehört nicht zu den {count} Codelisten des Standards; "
            "Code '{value}' kann nicht geprüft werden",
        ),
        "xoev.code-version-unknown": (
            "version '{version}' of code list '{uri}' is not held offline (held: {known}); membership of code "
            "'{value}' not checked",
            "die Version '{version}' der Codeliste '{uri}' liegt offline nicht vor (vorhanden: {known}); ob Code "
            "'{value}' in ihr steht, wurde nicht geprüft",
        ),
        "xoev.code-not-member": (
            "code '{value}' is not in code list {uri} version {version} (valid: {valid})",
            "Code '{value}' steht nicht in der Codeliste {uri} Version {version} (gültig: {valid})",
        ),
        "xoev.more-codes": ("{codes}, … ({count} codes)", "{codes}, … ({count} Codes)"),
    }
)
