"""Reading a call's results from a spreadsheet (CSV or XLSX) and checking every row.

Cities publish results as spreadsheets: one row per grant with the
organization's name, its KRS or NIP, the task and the amount (columns in
any order, named as people name them: "Nazwa oferenta", "KRS/NIP",
"Tytuł zadania", "Kwota dotacji"…). `preview()` reads a file and returns
every row with its problems (by the row number a spreadsheet shows) and
its match in the registry, without writing anything; `services` saves a
preview only when it has no errors, all rows in one transaction.

Errors block the import (a row without a name or task, a bad amount, an
invalid KRS/NIP, a repeated row); warnings only inform (an organization
not in the registry is saved under the name as given).

CSV: UTF-8 (with or without a byte-order mark) or Windows-1250, what
Polish Excel writes; the delimiter (; , tab) is sniffed. XLSX: the first
sheet, read with openpyxl in read-only mode; the archive's unpacked size is
checked first, so a small file that unpacks to gigabytes is refused before
it is read.
"""

import csv
import datetime
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.db.models import Q
from django.utils.translation import gettext as _

from organizations.identifiers import (
    is_valid_krs,
    is_valid_nip,
    krs_or_nip,
    normalize_krs,
    normalize_nip,
)
from organizations.models import Organization
from pps_portal.text import format_pln

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000
# An XLSX is a ZIP archive: refuse one whose parts unpack to more than this.
MAX_UNPACKED_BYTES = 60 * 1024 * 1024
MAX_NAME = 300
MAX_TASK = 500
MAX_AMOUNT = Decimal("999999999999.99")
CENT = Decimal("0.01")

# Column → the headers it is recognised by (compared without case, Polish
# letters or punctuation).
COLUMNS = {
    "name": [
        "nazwa",
        "nazwa organizacji",
        "nazwa oferenta",
        "oferent",
        "organizacja",
        "nazwa podmiotu",
        "podmiot",
        "wnioskodawca",
        "name",
    ],
    "identifier": ["krs lub nip", "krs nip", "nip krs", "krs albo nip", "identyfikator", "numer krs lub nip"],
    "krs": ["krs", "numer krs", "nr krs"],
    "nip": ["nip", "numer nip", "nr nip"],
    "task": [
        "zadanie",
        "tytul zadania",
        "nazwa zadania",
        "tytul",
        "tytul projektu",
        "nazwa projektu",
        "task",
    ],
    "amount": [
        "kwota",
        "kwota dotacji",
        "przyznana kwota",
        "kwota przyznana",
        "kwota przyznanej dotacji",
        "dotacja",
        "wysokosc dotacji",
        "kwota zl",
        "kwota dotacji zl",
        "amount",
    ],
    "date": ["data", "data przyznania", "data rozstrzygniecia", "data decyzji", "date"],
}
REQUIRED = ("name", "task", "amount")
COLUMN_LABELS = {
    "name": "nazwa organizacji",
    "identifier": "KRS lub NIP",
    "task": "tytuł zadania",
    "amount": "kwota",
}


class ImportFileError(Exception):
    """The file as a whole cannot be read (a Polish message for the editor)."""

    def __init__(self, message):
        self.message = str(message)
        super().__init__(self.message)


@dataclass
class Row:
    number: int  # as a spreadsheet shows it (the header is row 1 when it is the first line)
    name: str = ""
    krs: str = ""
    nip: str = ""
    task: str = ""
    amount: Decimal | None = None
    awarded_on: datetime.date | None = None
    organization: Organization | None = None
    errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)

    @property
    def identifier_label(self):
        if self.krs:
            return f"KRS {self.krs}"
        if self.nip:
            return f"NIP {self.nip}"
        return ""


@dataclass
class Preview:
    rows: list = field(default_factory=list)
    errors: list = field(default_factory=list)  # about the file as a whole
    warnings: list = field(default_factory=list)
    columns: dict = field(default_factory=dict)  # key -> header as written

    @property
    def row_errors(self):
        return [(row.number, message) for row in self.rows for message in row.errors]

    @property
    def row_warnings(self):
        return [(row.number, message) for row in self.rows for message in row.warnings]

    @property
    def is_valid(self):
        return bool(self.rows) and not self.errors and not any(row.errors for row in self.rows)

    @property
    def total(self):
        return sum((row.amount for row in self.rows if row.amount is not None), Decimal("0"))

    @property
    def matched(self):
        return sum(1 for row in self.rows if row.organization is not None)


# -- reading the file --------------------------------------------------------


def _decode(data):
    """UTF-8 (a BOM allowed), else Windows-1250 — what Polish Excel saves as CSV."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1250")
        except UnicodeDecodeError:
            raise ImportFileError(_("Nie udało się odczytać pliku CSV: zapisz go w kodowaniu UTF-8.")) from None


def _csv_rows(data):
    text = _decode(data)
    if "\x00" in text:
        raise ImportFileError(_("To nie jest plik CSV."))
    sample = text[:8192]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=";,\t|")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ";" if sample.count(";") >= sample.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        yield from enumerate(reader, start=1)
    except csv.Error as error:
        raise ImportFileError(_("Nie udało się odczytać pliku CSV: %(error)s.") % {"error": error}) from None


def _xlsx_rows(data):
    # Imported here: only editors importing a spreadsheet need openpyxl loaded.
    import openpyxl

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            if sum(info.file_size for info in package.infolist()) > MAX_UNPACKED_BYTES:
                raise ImportFileError(_("Arkusz jest za duży po rozpakowaniu. Zapisz wyniki jako CSV."))
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except ImportFileError:
        raise
    except Exception:  # openpyxl raises many kinds of errors for damaged files
        raise ImportFileError(_("Nie udało się odczytać arkusza XLSX: plik jest uszkodzony.")) from None
    try:
        sheet = workbook.worksheets[0]
        for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, ["" if cell is None else cell for cell in cells]
    except ImportFileError:
        raise
    except Exception:
        raise ImportFileError(_("Nie udało się odczytać arkusza XLSX: plik jest uszkodzony.")) from None
    finally:
        workbook.close()


def read_table(data, file_format):
    """(row number, cells) of the non-empty rows, at most MAX_ROWS (+ the header)."""
    rows = _xlsx_rows(data) if file_format == "xlsx" else _csv_rows(data)
    found = []
    for number, cells in rows:
        if any(_text(cell) for cell in cells):
            found.append((number, list(cells)))
            if len(found) > MAX_ROWS + 1:
                raise ImportFileError(
                    _("Plik ma więcej niż %(max)d wierszy. Podziel go na części.") % {"max": MAX_ROWS}
                )
    return found


# -- reading cells -------------------------------------------------------------


def _text(cell):
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    return " ".join(str(cell).split())


def _header_key(text):
    text = unicodedata.normalize("NFKD", _text(text).replace("ł", "l").replace("Ł", "L"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return " ".join(re.findall(r"[a-z0-9]+", text))


def map_columns(header):
    """{column key: index} for the header cells recognised."""
    found = {}
    for index, cell in enumerate(header):
        key = _header_key(cell)
        for column, aliases in COLUMNS.items():
            if key in aliases and column not in found:
                found[column] = index
                break
    return found


_NUMBER = re.compile(r"^\d[\d.,]*$")
_SPACED_GROUPS = re.compile(r"^\d{1,3}( \d{3})+([.,]\d+)?$")


def _not_an_amount(text):
    return ValueError(_("„%(value)s” nie jest kwotą.") % {"value": text})


def parse_amount(cell):
    """A Decimal amount from a cell, or raise ValueError with a Polish message.

    Accepts numbers from a spreadsheet and text as people write it:
    "1 250 000,00 zł", "1250000,5", "1.250.000,00", "1,250,000.00", "1250 PLN".
    A single separator followed by exactly three digits ("1.250") could be
    thousands or a fraction: refused rather than guessed.
    """
    if isinstance(cell, bool):
        raise _not_an_amount(cell)
    if isinstance(cell, int | float | Decimal):
        try:
            # Spreadsheet floats carry noise (1234.5600000001): rounded to grosze.
            amount = Decimal(str(cell)).quantize(CENT, rounding=ROUND_HALF_UP)
        except InvalidOperation:
            raise _not_an_amount(cell) from None
        return _check_amount(amount)
    text = _text(cell)
    if not text:
        raise ValueError(_("Brak kwoty."))
    value = re.sub(r"(?i)\s*(zł|zl|pln)\.?$", "", text.replace("\u00a0", " ").replace("\u202f", " ")).strip()
    if " " in value:
        if not _SPACED_GROUPS.match(value):
            raise _not_an_amount(text)
        value = value.replace(" ", "")
    if not _NUMBER.match(value):
        raise _not_an_amount(text)
    commas, dots = value.count(","), value.count(".")
    if commas and dots:
        decimal_mark = "," if value.rfind(",") > value.rfind(".") else "."
        thousands = "." if decimal_mark == "," else ","
        whole, fraction = value.rsplit(decimal_mark, 1)
        if decimal_mark in whole or not re.fullmatch(r"\d{1,3}(" + re.escape(thousands) + r"\d{3})*", whole):
            raise _not_an_amount(text)
        whole = whole.replace(thousands, "")
    elif commas == 1 or dots == 1:
        whole, fraction = value.split("," if commas else ".")
        if len(fraction) == 3:
            raise ValueError(
                _("Kwota „%(value)s” jest niejednoznaczna: zapisz ją bez separatora tysięcy, np. 1250,00.")
                % {"value": text}
            )
    elif commas or dots:
        mark = "," if commas else "."
        if not re.fullmatch(r"\d{1,3}(" + re.escape(mark) + r"\d{3})+", value):
            raise _not_an_amount(text)
        whole, fraction = value.replace(mark, ""), ""
    else:
        whole, fraction = value, ""
    if not whole or len(fraction) > 2:
        raise ValueError(
            _("Kwota „%(value)s” ma więcej niż dwa miejsca po przecinku.") % {"value": text}
            if len(fraction) > 2
            else _("„%(value)s” nie jest kwotą.") % {"value": text}
        )
    return _check_amount(Decimal(f"{whole}.{fraction or '0'}").quantize(CENT))


def _check_amount(amount):
    if amount <= 0:
        raise ValueError(_("Kwota musi być większa od zera."))
    if amount > MAX_AMOUNT:
        raise ValueError(_("Kwota jest za duża."))
    return amount


_DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%d-%m-%Y", "%d/%m/%Y")


def parse_date(cell):
    """A date from a cell (a spreadsheet date, "2026-03-15", "15.03.2026"), None if empty; ValueError if not a date."""
    if isinstance(cell, datetime.datetime):
        return cell.date()
    if isinstance(cell, datetime.date):
        return cell
    text = _text(cell)
    if not text:
        return None
    for fmt in _DATE_FORMATS:
        try:
            value = datetime.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
        if 2000 <= value.year <= 2100:
            return value
    raise ValueError(_("„%(value)s” nie jest datą (np. 2026-03-15 albo 15.03.2026).") % {"value": text})


# -- checking rows -------------------------------------------------------------


def _identifiers(row, cells, columns):
    """Fill row.krs / row.nip from the identifier column(s); errors and warnings on the row."""

    def cell(column):
        return _text(cells[columns[column]]) if column in columns and columns[column] < len(cells) else ""

    combined = cell("identifier")
    if combined:
        found = krs_or_nip(combined)
        if found is None:
            row.errors.append(_("„%(value)s” nie jest poprawnym numerem KRS ani NIP.") % {"value": combined})
        else:
            setattr(row, found[0], found[1])
    krs, nip = cell("krs"), cell("nip")
    if krs:
        if is_valid_krs(krs):
            row.krs = normalize_krs(krs)
        else:
            row.errors.append(_("„%(value)s” nie jest poprawnym numerem KRS.") % {"value": krs})
    if nip:
        if is_valid_nip(nip):
            row.nip = normalize_nip(nip)
        else:
            row.errors.append(
                _("„%(value)s” nie jest poprawnym numerem NIP (zła suma kontrolna albo liczba cyfr).") % {"value": nip}
            )


def _row(number, cells, columns):
    row = Row(number=number)

    def cell(column):
        index = columns.get(column)
        return cells[index] if index is not None and index < len(cells) else ""

    row.name = _text(cell("name"))
    row.task = _text(cell("task"))
    if not row.name:
        row.errors.append(_("Brak nazwy organizacji."))
    elif len(row.name) > MAX_NAME:
        row.errors.append(_("Nazwa organizacji jest dłuższa niż %(max)d znaków.") % {"max": MAX_NAME})
    if not row.task:
        row.errors.append(_("Brak tytułu zadania."))
    elif len(row.task) > MAX_TASK:
        row.errors.append(_("Tytuł zadania jest dłuższy niż %(max)d znaków.") % {"max": MAX_TASK})
    try:
        row.amount = parse_amount(cell("amount"))
    except ValueError as error:
        row.errors.append(str(error))
    if "date" in columns:
        try:
            row.awarded_on = parse_date(cell("date"))
        except ValueError as error:
            row.errors.append(str(error))
    _identifiers(row, cells, columns)
    return row


def _duplicate_key(recipient_key, task, amount):
    return (recipient_key, _header_key(task), amount)


def _recipient_key(krs, nip, name):
    return krs or nip or _header_key(name)


def _check_duplicates(rows, existing):
    """A row repeating an earlier one (same organization, task and amount), or a grant already saved."""
    seen = {}
    for row in rows:
        if row.amount is None or not row.task:
            continue
        key = _duplicate_key(_recipient_key(row.krs, row.nip, row.name), row.task, row.amount)
        if key in seen:
            row.errors.append(
                _("Powtórzony wiersz: ta sama organizacja, zadanie i kwota co w wierszu %(number)d.")
                % {"number": seen[key]}
            )
        elif key in existing:
            row.errors.append(_("Ta dotacja jest już w wynikach konkursu."))
        else:
            seen[key] = row.number


def registry_matches(krs, nip):
    """Published registry entries for the given KRS and NIP numbers (one query):
    ({krs: organization}, {nip: organization})."""
    if not krs and not nip:
        return {}, {}
    organizations = list(
        Organization.objects.published()
        .filter(Q(krs__in=set(krs)) | Q(nip__in=set(nip)))
        .only("pk", "name", "slug", "krs", "nip", "status")
    )
    return {o.krs: o for o in organizations if o.krs}, {o.nip: o for o in organizations if o.nip}


def match(krs, nip, by_krs, by_nip):
    """The entry a KRS names, else the one a NIP names, else None."""
    return (by_krs.get(krs) if krs else None) or (by_nip.get(nip) if nip else None)


def _match(rows):
    """Link rows to published registry entries by KRS, then NIP."""
    by_krs, by_nip = registry_matches([row.krs for row in rows if row.krs], [row.nip for row in rows if row.nip])
    for row in rows:
        row.organization = match(row.krs, row.nip, by_krs, by_nip)
        if row.errors:
            continue
        if row.organization is None and (row.krs or row.nip):
            row.warnings.append(
                _(
                    "Nie ma w Bazie NGO opublikowanej organizacji o numerze %(identifier)s: "
                    "zostanie zapisana nazwa z pliku."
                )
                % {"identifier": row.identifier_label}
            )
        elif row.organization is None:
            row.warnings.append(_("Brak KRS i NIP: zostanie zapisana tylko nazwa z pliku."))


def preview(data, file_format, *, call, replace_existing):
    """Every row of the file, checked against the call and the registry. Writes nothing."""
    result = Preview()
    try:
        table = read_table(data, file_format)
    except ImportFileError as error:
        result.errors.append(error.message)
        return result
    if not table:
        result.errors.append(_("Plik jest pusty."))
        return result
    (_header_number, header), body = table[0], table[1:]
    columns = map_columns(header)
    missing = [column for column in REQUIRED if column not in columns]
    if not {"identifier", "krs", "nip"} & set(columns):
        missing.append("identifier")
    if missing:
        result.errors.append(
            _(
                "Nie rozpoznano kolumn: %(missing)s. Pierwszy wiersz pliku musi zawierać nagłówki: "
                "nazwa organizacji, KRS lub NIP, tytuł zadania, kwota."
            )
            % {"missing": ", ".join(COLUMN_LABELS[column] for column in missing)}
        )
        return result
    result.columns = {column: _text(header[index]) for column, index in columns.items()}
    if not body:
        result.errors.append(_("Plik ma tylko wiersz nagłówków, bez wyników."))
        return result
    result.rows = [_row(number, cells, columns) for number, cells in body]
    existing = set()
    if not replace_existing:
        existing = {
            _duplicate_key(_recipient_key(krs, nip, name or organization_name or ""), task, amount)
            for krs, nip, name, organization_name, task, amount in call.grants.values_list(
                "krs", "nip", "recipient_name", "organization__name", "task_title", "amount"
            )
        }
    _check_duplicates(result.rows, existing)
    _match(result.rows)
    if result.total > call.budget:
        result.warnings.append(
            _("Suma dotacji z pliku (%(total)s) przekracza łączną kwotę konkursu (%(budget)s).")
            % {"total": format_pln(result.total), "budget": format_pln(call.budget)}
        )
    return result
