"""Sample xdomea 3.0.0 messages for tests and benchmarks, made from the toolkit templates (corpus pack).

``repaired`` removes the templates' known deviations (contact channel ``002``, empty code-list references,
header message types that name another message); ``write_large`` writes a message of any size by repeating
its ``Schriftgutobjekt`` with fresh UUIDs, streaming to disk.
"""

from __future__ import annotations

import re
import uuid
from pathlib import Path

from conformance.core.packs import default_store

TEMPLATES = "message_generation/pattern/xdomea_3.0.0"
MESSAGES = (
    "Anbieteverzeichnis.0501",
    "Bewertungsverzeichnis.0502",
    "Aussonderung.0503",
    "AnbietungEmpfangBestaetigen.0504",
)
PRIMARY = "e8b289cb-f8dd-492a-b3cf-560674eaa92b_PDF-A1b_CMYK_20150731.pdf"
AGENCY_LIST = 'listURI="urn:de:example:behoerden" listVersionID="1"'
_ID = re.compile(rb"<xdomea:ID>([0-9a-f-]{36})</xdomea:ID>")


def template(message: str) -> bytes:
    """A toolkit template as published (``message`` like ``Aussonderung.0503``)."""
    return default_store().path("xdomea-toolkit-templates", f"{TEMPLATES}/xx_Aussonderung.{message}.xml").read_bytes()


def repaired(message: str) -> bytes:
    """A template without its known deviations: a message that meets every requirement of the suite."""
    data = template(message).replace(b"<code>002</code>", b"<code>02</code>")
    data = data.replace(b'listURI="" listVersionID=""', AGENCY_LIST.encode())
    data = data.replace(b'<xdomea:Staat listVersionID="">', b'<xdomea:Staat listVersionID="7">')
    data = re.sub(rb"<xdomea:Rolle>", b"<xdomea:Rolle " + AGENCY_LIST.encode() + b">", data)
    code = message.rpartition(".")[2].encode()
    return re.sub(rb"(<xdomea:Nachrichtentyp>\s*<code>)\d{4}", rb"\g<1>" + code, data, count=1)


def write_large(path: Path, megabytes: float, message: str = "Anbieteverzeichnis.0501") -> int:
    """Write a repaired message of about ``megabytes`` MiB with fresh object IDs; the number of objects."""
    data = repaired(message).decode()
    head, rest = data.split("<xdomea:Schriftgutobjekt>", 1)
    body, tail = rest.rsplit("</xdomea:Schriftgutobjekt>", 1)
    record = f"  <xdomea:Schriftgutobjekt>{body}</xdomea:Schriftgutobjekt>\n".encode()
    target, count = int(megabytes * 1024**2), 0
    with path.open("wb") as out:
        out.write(head.rstrip(" ").encode())
        written = len(head)
        while written < target or count == 0:
            chunk = _ID.sub(lambda _: b"<xdomea:ID>" + str(uuid.uuid4()).encode() + b"</xdomea:ID>", record)
            out.write(chunk)
            written, count = written + len(chunk), count + 1
        out.write(tail.lstrip().encode())
    return count
