"""Reading an uploaded CSV or XLSX into a header and rows, safely.

CSV: UTF-8 (with or without BOM), UTF-16 (by its BOM) or Windows-1252/Latin-1, detected with
charset-normalizer or chosen; any common delimiter, sniffed. XLSX: read with openpyxl in read-only
mode (defusedxml guards the XML), after checking the zip's entry count and sizes so a zip bomb is
refused before anything is unpacked. Trailing empty rows are dropped.
"""

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field

from charset_normalizer import from_bytes
from django.utils.translation import gettext as _

MAX_BYTES = 20 * 1024 * 1024  # what an upload may weigh
MAX_ROWS = 200_000
MAX_UNPACKED = 200 * 1024 * 1024  # what an XLSX may unpack to
MAX_ZIP_ENTRIES = 2_000
DELIMITERS = ",;\t|"
UTF8_SEQUENCE = re.compile(rb"[\xc3\xc5][\x80-\xbf]|\xe2\x80[\x90-\xbf]")


class UnreadableFile(Exception):
    """The file cannot be read at all; the message says why, in the person's language."""


@dataclass
class Table:
    """The header and the non-empty rows, with ``lines``: each row's line in the file, for messages."""

    header: list[str]
    rows: list[list[str]]
    lines: list[int] = field(default_factory=list)
    encoding: str = ""
    sheet: str = ""
    notes: list[str] = field(default_factory=list)


def _clean(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    return str(value).strip()


def _finish(header: list[str], rows: list[list[str]], lines: list[int], **extra) -> Table:
    header = [h.strip() for h in header]
    while header and not header[-1]:
        header.pop()
    if not any(header):
        raise UnreadableFile(_("The file has no header row: its first row must name the columns."))
    return Table(header=header, rows=rows, lines=lines, **extra)


def unneutralize(cell: str) -> str:
    """Take off the apostrophe an export puts before a cell a spreadsheet would run as a formula."""
    return cell[1:] if len(cell) > 1 and cell[0] == "'" and cell[1] in "=+-@\t\r" else cell


def _collect(rows_with_lines) -> tuple[list[list[str]], list[int]]:
    """Keep the rows that hold something; empty ones (a million at the end, say) cost nothing."""
    rows, lines = [], []
    for line, row in rows_with_lines:
        if any(cell.strip() for cell in row):
            rows.append([unneutralize(cell) for cell in row])
            lines.append(line)
            if len(rows) > MAX_ROWS:
                raise UnreadableFile(
                    _("The file has more than %(count)s rows; split it into smaller files.") % {"count": MAX_ROWS}
                )
    return rows, lines


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """The text of a CSV and the encoding it was read with."""
    if encoding:
        try:
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError) as error:
            raise UnreadableFile(_("The file cannot be read as %(encoding)s.") % {"encoding": encoding}) from error
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if UTF8_SEQUENCE.search(data):
        # Not valid UTF-8 as a whole, yet with UTF-8 accents in it: two encodings pasted together.
        raise UnreadableFile(
            _("The file mixes text encodings. Save it again as UTF-8 (in Excel: CSV UTF-8) and retry.")
        )
    best = from_bytes(data[:200_000], cp_isolation=["cp1252", "latin_1", "utf_16"]).best()
    name = best.encoding if best else "cp1252"
    try:
        return data.decode(name), name
    except UnicodeDecodeError as error:
        raise UnreadableFile(
            _("The file mixes text encodings. Save it again as UTF-8 (in Excel: CSV UTF-8) and retry.")
        ) from error


def read_csv(data: bytes, encoding: str | None = None) -> Table:
    text, used = decode(data, encoding)
    if not text.strip():
        raise UnreadableFile(_("The file is empty."))
    sample = text[:20_000]
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        delimiter = ","
    # Only the delimiter is guessed: the sniffer takes apostrophes in names for quote marks.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar='"', doublequote=True)
    try:
        header = next(reader)
        rows, lines = _collect((reader.line_num, row) for row in reader)
    except csv.Error as error:
        raise UnreadableFile(_("The file is not a valid CSV: %(error)s") % {"error": error}) from error
    return _finish(header, rows, lines, encoding=used)


def _check_zip(data: bytes) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as error:
        raise UnreadableFile(
            _("This file is not a real Excel workbook (.xlsx). Save it as .xlsx or CSV and retry.")
        ) from error
    entries = archive.infolist()
    if len(entries) > MAX_ZIP_ENTRIES or sum(entry.file_size for entry in entries) > MAX_UNPACKED:
        raise UnreadableFile(_("This workbook unpacks to far more data than it holds; it was refused for safety."))
    names = {entry.filename for entry in entries}
    if "xl/workbook.xml" not in names:
        raise UnreadableFile(_("This file is not a real Excel workbook (.xlsx). Save it as .xlsx or CSV and retry."))


def read_xlsx(data: bytes, sheet: str | None = None) -> Table:
    _check_zip(data)
    from openpyxl import load_workbook  # imported here: only XLSX uploads need it

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # noqa: BLE001 - openpyxl raises many kinds for a damaged workbook
        raise UnreadableFile(_("The workbook cannot be opened: %(error)s") % {"error": error}) from error
    try:
        if sheet and sheet not in workbook.sheetnames:
            raise UnreadableFile(_("The workbook has no sheet named “%(sheet)s”.") % {"sheet": sheet})
        worksheet = workbook[sheet] if sheet else workbook.worksheets[0]
        values = worksheet.iter_rows(values_only=True)
        header = [_clean(cell) for cell in next(values, [])]

        def numbered():
            empty_run = 0
            for line, raw in enumerate(values, start=2):
                row = [_clean(cell) for cell in raw]
                empty_run = 0 if any(row) else empty_run + 1
                if empty_run > 1000:
                    return  # a sheet formatted down to row 1,048,576: the data has ended
                yield line, row

        rows, lines = _collect(numbered())
        if not any(header) and not rows:
            raise UnreadableFile(_("The file is empty."))
        return _finish(header, rows, lines, sheet=worksheet.title)
    finally:
        workbook.close()


def read_table(data: bytes, filename: str, *, encoding: str | None = None, sheet: str | None = None) -> Table:
    """Read an uploaded file by its name's extension (.xlsx, or anything else as CSV)."""
    if len(data) > MAX_BYTES:
        raise UnreadableFile(
            _("The file is larger than %(size)s MB; split it into smaller files.") % {"size": MAX_BYTES // 2**20}
        )
    if not data.strip():
        raise UnreadableFile(_("The file is empty."))
    if filename.lower().endswith((".xlsx", ".xlsm")):
        return read_xlsx(data, sheet)
    if data[:2] == b"PK":
        raise UnreadableFile(
            _("This looks like a spreadsheet or archive, not a CSV. Name it .xlsx if it is a workbook.")
        )
    return read_csv(data, encoding)
