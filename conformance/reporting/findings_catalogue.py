"""German renderings of the xdomea and XÖV code-list findings (templates; see :mod:`findings`)."""

from __future__ import annotations

XDOMEA = {
    "ID {id} is used by an earlier object of this message; every object needs its own":
        "die ID {id} trägt schon ein früheres Objekt dieser Nachricht; jedes Objekt braucht eine eigene",
    "primary document {name} is not in the package next to the message":
        "das Primärdokument {name} liegt nicht im Paket neben der Nachricht",
    "{role} names no agency: no Behoerdenkennung/Behoerdenschluessel and no name of an Institution or "
    "Organisationseinheit": "{role} nennt keine Behörde: weder Behoerdenkennung/Behoerdenschluessel noch den Namen "
                            "einer Institution oder Organisationseinheit",
    "the sending system is not named: {first} and {second} missing":
        "das sendende System ist nicht benannt: {first} und {second} fehlen",
    "the sending system is not named: {missing} missing": "das sendende System ist nicht benannt: {missing} fehlt",
    "the header gives message type {code} but the message is {message} (type {expected})":
        "der Nachrichtenkopf nennt den Nachrichtentyp {code}, die Nachricht ist aber {message} (Typ {expected})",
    "ProzessID {value} is not a UUID (8-4-4-4-12 hexadecimal digits)":
        "ProzessID {value} ist keine UUID (8-4-4-4-12 Hexadezimalziffern)",
    "creation time {time} lies in the future (checked at {now})":
        "der Erstellungszeitpunkt {time} liegt in der Zukunft (geprüft um {now})",
    "the message is {found}, not xdomea 3.0.0 ({namespace})": "die Nachricht ist {found}, nicht xdomea 3.0.0 "
                                                              "({namespace})",
    "the root element uses prefix {prefix}, the specification prescribes 'xdomea'":
        "das Wurzelelement verwendet das Präfix {prefix}, die Spezifikation schreibt 'xdomea' vor",
    "xsi:schemaLocation gives {location} for {namespace}, not the schema of the message group ({wanted}); a "
    "hint only, the location is not constrained by the XML Schema":
        "xsi:schemaLocation nennt {location} für {namespace}, nicht das Schema der Nachrichtengruppe ({wanted}); "
        "nur ein Hinweis, das XML-Schema schränkt den Ort nicht ein",
    "code {code} of XÖV code type {type}: {first} and {second} are empty or missing in the instance and not fixed "
    "by the schema, so its code list cannot be determined":
        "Code {code} des XÖV-Codetyps {type}: {first} und {second} sind in der Instanz leer oder fehlen und sind im "
        "Schema nicht festgelegt, daher lässt sich seine Codeliste nicht bestimmen",
    "code {code} of XÖV code type {type}: {missing} is empty or missing in the instance and not fixed by the "
    "schema, so its code list cannot be determined":
        "Code {code} des XÖV-Codetyps {type}: {missing} ist in der Instanz leer oder fehlt und ist im Schema nicht "
        "festgelegt, daher lässt sich seine Codeliste nicht bestimmen",
    "code list {uri} (version {version}) is not among the {count} code lists of the standard; code {code} cannot "
    "be checked": "die Codeliste {uri} (Version {version}) gehört nicht zu den {count} Codelisten des Standards; "
                  "Code {code} kann nicht geprüft werden",
    "version {version} of code list {uri} is not held offline (held: {known}); membership of code {code} not "
    "checked": "die Version {version} der Codeliste {uri} liegt offline nicht vor (vorhanden: {known}); ob Code "
               "{code} in ihr steht, wurde nicht geprüft",
    "code {code} is not in code list {uri} version {version} (valid: {valid})":
        "Code {code} steht nicht in der Codeliste {uri} Version {version} (gültig: {valid})",
}
