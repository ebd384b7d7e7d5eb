"""One-sheet XLSX written as a stream of SpreadsheetML: constant memory, a row at a time.

Why not openpyxl for writing: its write-only mode builds an element per cell and writes every
Cyrillic letter as a character reference (``&#1042;``), so 100,000 register rows took 11 s and a
100 MB sheet part on the office-class test machine, and lxml does not change that. A register
sheet needs very little of the format — text, whole numbers, dates with one number format, a
bold frozen header, column widths, an autofilter and a landscape page — so it is written here
directly (UTF-8, inline strings, one shared date style). openpyxl still reads files (the import,
the tests).

The parts and their order follow ECMA-376 (SpreadsheetML) as Excel and openpyxl write them; ZIP64
is not forced (some Excel versions call such small archives corrupt), so the sheet part is
limited to 2 GiB — far more than Excel's 1,048,576 rows of a register take.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import IO, Any

#: Excel's sheet holds 1,048,576 rows; one is the header.
MAX_DATA_ROWS = 1_048_575
#: Longer text does not fit into one Excel cell.
MAX_CELL_TEXT = 32_767
HEADER_STYLE, DATE_STYLE = 1, 2
_EPOCH = date(1899, 12, 30).toordinal()  # Excel's day 0 (with its 1900 leap-year quirk)
_FIRST_SAFE_DAY = date(1900, 3, 1)  # from here on the serial number is the plain day count
_FLUSH_ROWS = 500
# Characters XML 1.0 forbids (a control character pasted from a scan) or that need escaping.
_SPECIAL = re.compile("[&<>\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

_CONTENT_TYPES = (
    _HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
    'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.styles+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-'
    'package.core-properties+xml"/></Types>'
)
_ROOT_RELS = (
    _HEAD + f'<Relationships xmlns="{_PKG_REL}">'
    f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/'
    'relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>'
)
_WORKBOOK_RELS = (
    _HEAD + f'<Relationships xmlns="{_PKG_REL}">'
    f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{_REL}/styles" Target="styles.xml"/></Relationships>'
)
_FONT = '<sz val="11"/><name val="Calibri"/><family val="2"/><charset val="204"/>'
_STYLES = (
    _HEAD + f'<styleSheet xmlns="{_NS}">'
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="{date_format}"/></numFmts>'
    f'<fonts count="2"><font>{_FONT}</font><font><b/>{_FONT}</font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" '
    'applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/>'
    "</cellStyles></styleSheet>"
)


class SheetTooLarge(Exception):
    """More rows than an Excel sheet holds, or a sheet part over the 2 GiB of a plain ZIP."""


def column_letter(index: int) -> str:
    """Column 0 → «A», 25 → «Z», 26 → «AA»."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _text(value: str) -> str:
    if _SPECIAL.search(value):
        value = _FORBIDDEN.sub("", value)
        value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if len(value) > MAX_CELL_TEXT:
        value = value[:MAX_CELL_TEXT]
    return value


def _attr(value: str) -> str:
    return _text(value).replace('"', "&quot;")


def _cell(ref: str, value: Any, style: int = 0) -> str:
    """One `<c>` element; '' for an empty cell (None or empty text)."""
    if value is None:
        return ""
    kind = type(value)
    if kind is str:
        if not value:
            return ""
        text = _text(value)
        space = ' xml:space="preserve"' if text[0].isspace() or text[-1].isspace() else ""
        s = f' s="{style}"' if style else ""
        return f'<c r="{ref}"{s} t="inlineStr"><is><t{space}>{text}</t></is></c>'
    if kind is int or kind is float:
        return f'<c r="{ref}"><v>{value!r}</v></c>'
    if isinstance(value, date):
        day = value.date() if isinstance(value, datetime) else value
        if day >= _FIRST_SAFE_DAY:
            return f'<c r="{ref}" s="{DATE_STYLE}"><v>{day.toordinal() - _EPOCH}</v></c>'
    return _cell(ref, str(value), style)  # bool, Decimal, an early date: as text


def _sheet_head(widths: Sequence[float]) -> str:
    cols = "".join(
        f'<col min="{i}" max="{i}" width="{w:g}" customWidth="1"/>'
        for i, w in enumerate(widths, start=1)
    )
    return (
        _HEAD + f'<worksheet xmlns="{_NS}" xmlns:r="{_REL}">'
        '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>'
        '<sheetViews><sheetView tabSelected="1" workbookViewId="0">'
        '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
        '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
        '<sheetFormatPr defaultRowHeight="15"/>' + (f"<cols>{cols}</cols>" if cols else "")
    )


def _sheet_tail(last_column: str, last_row: int) -> str:
    return (
        f'</sheetData><autoFilter ref="A1:{last_column}{last_row}"/>'
        '<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>'
        '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>'
        "<headerFooter><oddFooter>&amp;CСторінка &amp;P з &amp;N</oddFooter></headerFooter>"
        "</worksheet>"
    )


def _workbook(sheet_title: str, last_column: str, last_row: int) -> str:
    quoted = "'" + _attr(sheet_title).replace("'", "''") + "'"
    return (
        _HEAD + f'<workbook xmlns="{_NS}" xmlns:r="{_REL}"><workbookPr/>'
        '<bookViews><workbookView activeTab="0"/></bookViews>'
        f'<sheets><sheet name="{_attr(sheet_title)}" sheetId="1" r:id="rId1"/></sheets>'
        '<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'
        f"{quoted}!$A$1:${last_column}${last_row}</definedName>"
        f'<definedName name="_xlnm.Print_Titles" localSheetId="0">{quoted}!$1:$1</definedName>'
        '</definedNames><calcPr calcId="191029"/></workbook>'
    )


def _core(created: datetime) -> str:
    stamp = created.strftime("%Y-%m-%dT%H:%M:%SZ")
    return (
        _HEAD + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
        'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>Діловод</dc:creator>'
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        "</cp:coreProperties>"
    )


def safe_sheet_title(title: str) -> str:
    """Excel's rules for a sheet name: at most 31 characters, none of []:*?/\\."""
    cleaned = re.sub(r"[\[\]:*?/\\]", " ", title).strip().strip("'")[:31]
    return cleaned or "Аркуш1"


def write_workbook(
    fh: IO[bytes],
    titles: Sequence[str],
    rows: Iterable[Sequence[Any]],
    widths: Sequence[float],
    sheet_title: str,
    date_format: str,
    created: datetime,
) -> int:
    """Write a workbook of one sheet to `fh` (a seekable binary file); returns the data rows.

    Row values: None or '' (an empty cell), str, int, float, date (a real date shown in
    `date_format`); anything else is written as its text. Raises SheetTooLarge.
    """
    letters = [column_letter(i) for i in range(max(1, len(titles)))]
    with zipfile.ZipFile(fh, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=3) as zf:
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES)
        zf.writestr("_rels/.rels", _ROOT_RELS)
        zf.writestr("docProps/core.xml", _core(created))
        zf.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        zf.writestr("xl/styles.xml", _STYLES.replace("{date_format}", _attr(date_format)))
        try:
            with zf.open("xl/worksheets/sheet1.xml", "w") as sheet:
                count = _write_sheet(sheet, titles, rows, widths, letters)
        except RuntimeError as exc:  # zipfile: "File size too large, try using force_zip64"
            raise SheetTooLarge(str(exc)) from exc
        title = safe_sheet_title(sheet_title)
        zf.writestr("xl/workbook.xml", _workbook(title, letters[-1], count + 1))
    return count


def _write_sheet(
    sheet: IO[bytes],
    titles: Sequence[str],
    rows: Iterable[Sequence[Any]],
    widths: Sequence[float],
    letters: list[str],
) -> int:
    """The sheet part, written every _FLUSH_ROWS rows (so memory does not grow with the rows)."""
    header = "".join(
        _cell(f"{letter}1", title, HEADER_STYLE)
        for letter, title in zip(letters, titles, strict=False)
    )
    chunk = [_sheet_head(widths), f'<sheetData><row r="1">{header}</row>']
    count = 0
    for values in rows:
        count += 1
        if count > MAX_DATA_ROWS:
            raise SheetTooLarge(f"more than {MAX_DATA_ROWS} rows")
        n = count + 1
        cells = "".join([_cell(f"{c}{n}", v) for c, v in zip(letters, values, strict=False)])
        chunk.append(f'<row r="{n}">{cells}</row>')
        if len(chunk) >= _FLUSH_ROWS:
            sheet.write("".join(chunk).encode("utf-8", "replace"))
            chunk = []
    chunk.append(_sheet_tail(letters[-1], count + 1))
    sheet.write("".join(chunk).encode("utf-8", "replace"))
    return count
