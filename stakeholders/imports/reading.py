"""Reading an uploaded CSV or XLSX into a header and rows, safely.

CSV: UTF-8 (with or without BOM), UTF-16 (by its BOM) or Windows-1252/Latin-1, detected with
charset-normalizer or chosen; any common delimiter, sniffed. XLSX: read with openpyxl in read-only
mode (defusedxml guards the XML), after checking the zip's entry count and sizes so a zip bomb is
refused before anything is unpacked. Trailing empty rows are dropped.
"""

import codecs
import csv
import io
import itertools
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field

from charset_normalizer import from_bytes
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

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

    def source(self) -> "Source":
        """The table as a source of rows, for the functions that read files chunk by chunk."""
        lines = self.lines or range(2, len(self.rows) + 2)
        return Source(self.header, zip(lines, self.rows, strict=False), encoding=self.encoding, sheet=self.sheet)


def _clean(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    return str(value).strip()


def unneutralize(cell: str) -> str:
    """Take off the apostrophe an export puts before a cell a spreadsheet would run as a formula."""
    return cell[1:] if len(cell) > 1 and cell[0] == "'" and cell[1] in "=+-@\t\r" else cell


def _nonempty(rows_with_lines) -> Iterator[tuple[int, list[str]]]:
    """The rows that hold something; empty ones (a million at the end, say) cost nothing."""
    count = 0
    for line, row in rows_with_lines:
        text = "".join(row)
        if text and not text.isspace():
            count += 1
            if count > MAX_ROWS:
                raise UnreadableFile(
                    ngettext(
                        "The file has more than %(count)s row; split it into smaller files.",
                        "The file has more than %(count)s rows; split it into smaller files.",
                        MAX_ROWS,
                    )
                    % {"count": MAX_ROWS}
                )
            yield line, [unneutralize(cell) for cell in row] if "'" in text else row


PIECE = 1 << 20


def _mixed() -> UnreadableFile:
    return UnreadableFile(_("The file mixes text encodings. Save it again as UTF-8 (in Excel: CSV UTF-8) and retry."))


def _check_decodes(data: bytes, encoding: str) -> bool:
    """Whether the whole file decodes, and whether it holds more than white space; in pieces, so the
    text of a large file is never held at once. Raises UnicodeDecodeError or LookupError."""
    decoder = codecs.getincrementaldecoder(encoding)()
    blank = True
    for start in range(0, len(data), PIECE):
        text = decoder.decode(data[start : start + PIECE], final=start + PIECE >= len(data))
        blank = blank and not text.strip()
    return not blank


def detect_encoding(data: bytes, encoding: str | None = None) -> tuple[str, bool]:
    """The encoding a CSV is read with (the one chosen, else detected), and whether it holds any text."""
    if encoding:
        try:
            return encoding, _check_decodes(data, encoding)
        except (UnicodeDecodeError, LookupError) as error:
            raise UnreadableFile(_("The file cannot be read as %(encoding)s.") % {"encoding": encoding}) from error
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig", _check_decodes(data, "utf-8-sig")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return "utf-16", _check_decodes(data, "utf-16")
        except UnicodeDecodeError as error:
            raise UnreadableFile(_("The file cannot be read as %(encoding)s.") % {"encoding": "UTF-16"}) from error
    try:
        return "utf-8", _check_decodes(data, "utf-8")
    except UnicodeDecodeError:
        pass
    if UTF8_SEQUENCE.search(data):
        # Not valid UTF-8 as a whole, yet with UTF-8 accents in it: two encodings pasted together.
        raise _mixed()
    best = from_bytes(data[:200_000], cp_isolation=["cp1252", "latin_1", "utf_16"]).best()
    name = best.encoding if best else "cp1252"
    try:
        return name, _check_decodes(data, name)
    except UnicodeDecodeError as error:
        raise _mixed() from error


class Source:
    """A file's header and its non-empty rows, read as they are consumed: an import holds one chunk
    of rows at a time, never the whole file. ``head(n)`` looks at the first rows without losing them."""

    def __init__(self, header: list[str], rows: Iterator[tuple[int, list[str]]], *, encoding="", sheet=""):
        self.header, self.encoding, self.sheet = header, encoding, sheet
        self._rows, self._head = rows, []

    def head(self, count: int) -> list[list[str]]:
        while len(self._head) < count:
            following = next(self._rows, None)
            if following is None:
                break
            self._head.append(following)
        return [row for _line, row in self._head[:count]]

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        """(line in the file, cells) of each non-empty row, once."""
        head, self._head = self._head, []
        yield from head
        yield from self._rows

    def chunks(self, size: int, *, first: int | None = None) -> Iterator[list[tuple[int, list[str]]]]:
        """The rows ``size`` at a time (``first`` in the first chunk, when given)."""
        rows = self.rows()
        if first and (chunk := list(itertools.islice(rows, first))):
            yield chunk
        while chunk := list(itertools.islice(rows, size)):
            yield chunk


def _header(header: list[str]) -> list[str]:
    header = [h.strip() for h in header]
    while header and not header[-1]:
        header.pop()
    if not any(header):
        raise UnreadableFile(_("The file has no header row: its first row must name the columns."))
    return header


def open_csv(data: bytes, encoding: str | None = None) -> Source:
    used, has_text = detect_encoding(data, encoding)
    if not has_text:
        raise UnreadableFile(_("The file is empty."))
    sample = codecs.getincrementaldecoder(used)(errors="ignore").decode(data[:80_000])[:20_000]
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        delimiter = ","
    # Only the delimiter is guessed: the sniffer takes apostrophes in names for quote marks.
    text = io.TextIOWrapper(io.BytesIO(data), encoding=used, newline="")
    reader = csv.reader(text, delimiter=delimiter, quotechar='"', doublequote=True)

    def rows():
        try:
            yield from _nonempty((reader.line_num, row) for row in reader)
        except csv.Error as error:
            raise UnreadableFile(_("The file is not a valid CSV: %(error)s") % {"error": error}) from error

    try:
        header = next(reader)
    except csv.Error as error:
        raise UnreadableFile(_("The file is not a valid CSV: %(error)s") % {"error": error}) from error
    return Source(_header(header), rows(), encoding=used)


def read_csv(data: bytes, encoding: str | None = None) -> Table:
    return _table(open_csv(data, encoding))


def _table(source: Source) -> Table:
    rows, lines = [], []
    for line, row in source.rows():
        rows.append(row)
        lines.append(line)
    return Table(header=source.header, rows=rows, lines=lines, encoding=source.encoding, sheet=source.sheet)


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


def open_xlsx(data: bytes, sheet: str | None = None) -> Source:
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
    except BaseException:
        workbook.close()
        raise

    def numbered():
        empty_run = 0
        for line, raw in enumerate(values, start=2):
            row = [_clean(cell) for cell in raw]
            empty_run = 0 if any(row) else empty_run + 1
            if empty_run > 1000:
                return  # a sheet formatted down to row 1,048,576: the data has ended
            yield line, row

    def rows():
        try:
            yield from _nonempty(numbered())
        finally:
            workbook.close()

    source = Source(header, rows(), sheet=worksheet.title)
    if not any(header) and not source.head(1):
        raise UnreadableFile(_("The file is empty."))
    source.header = _header(header)
    return source


def read_xlsx(data: bytes, sheet: str | None = None) -> Table:
    return _table(open_xlsx(data, sheet))


def open_table(data: bytes, filename: str, *, encoding: str | None = None, sheet: str | None = None) -> Source:
    """Open an uploaded file by its name's extension (.xlsx, or anything else as CSV); its rows are read as
    they are consumed. Raises ``UnreadableFile`` when the file cannot be read at all (also later, from the
    rows, when a row cannot)."""
    if len(data) > MAX_BYTES:
        raise UnreadableFile(
            _("The file is larger than %(size)s MB; split it into smaller files.") % {"size": MAX_BYTES // 2**20}
        )
    if not data.strip():
        raise UnreadableFile(_("The file is empty."))
    if filename.lower().endswith((".xlsx", ".xlsm")):
        return open_xlsx(data, sheet)
    if data[:2] == b"PK":
        raise UnreadableFile(
            _("This looks like a spreadsheet or archive, not a CSV. Name it .xlsx if it is a workbook.")
        )
    return open_csv(data, encoding)


def read_table(data: bytes, filename: str, *, encoding: str | None = None, sheet: str | None = None) -> Table:
    """Read an uploaded file whole, by its name's extension (.xlsx, or anything else as CSV)."""
    return _table(open_table(data, filename, encoding=encoding, sheet=sheet))
