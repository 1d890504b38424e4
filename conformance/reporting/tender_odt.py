"""The tender text as an OpenDocument text (ODT), written with odfpy: headings, paragraphs and tables."""

from __future__ import annotations

from typing import IO

from odf.opendocument import OpenDocumentText
from odf.style import Style, TableColumnProperties, TextProperties
from odf.table import Table, TableCell, TableColumn, TableRow
from odf.text import H, P

from conformance.reporting.tender import Block


def write_odt(found: list[Block], out: IO[bytes]) -> None:
    """Write the blocks as an ODT document to a binary stream."""
    doc = OpenDocumentText()
    bold = Style(name="Header cell", family="paragraph")
    bold.addElement(TextProperties(fontweight="bold"))
    column = Style(name="Column", family="table-column")
    column.addElement(TableColumnProperties(relcolumnwidth="1*"))
    doc.automaticstyles.addElement(bold)
    doc.automaticstyles.addElement(column)
    for number, block in enumerate(found):
        if block.kind == "h":
            doc.text.addElement(H(outlinelevel=block.level, text=block.text))
        elif block.kind == "p":
            doc.text.addElement(P(text=block.text))
        else:
            doc.text.addElement(_table(block, f"Tabelle{number}", bold, column))
    doc.write(out)


def _table(block: Block, name: str, bold: Style, column: Style) -> Table:
    table = Table(name=name)
    table.addElement(TableColumn(numbercolumnsrepeated=len(block.rows[0]), stylename=column))
    for index, row in enumerate(block.rows):
        line = TableRow()
        for text in row:
            cell = TableCell(valuetype="string")
            cell.addElement(P(text=text, stylename=bold) if index == 0 else P(text=text))
            line.addElement(cell)
        table.addElement(line)
    return table
