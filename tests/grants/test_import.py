"""Results from a spreadsheet: a preview with every problem by row number, then all rows or none."""

import io
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from editorial.models import HistoryEntry
from grants import importing, services
from grants.models import Grant, GrantCall, ResultsImport
from tests.grants.factories import GrantCallFactory, GrantFactory, _in_days
from tests.organizations.factories import OrganizationFactory

pytestmark = pytest.mark.django_db

HEADER = ["Nazwa oferenta", "KRS lub NIP", "Tytuł zadania", "Kwota dotacji"]


@pytest.fixture
def call():
    return GrantCallFactory(
        applications_open_at=_in_days(-60, 8, 0), deadline_at=_in_days(-30), budget=Decimal("200000")
    )


@pytest.fixture
def registry():
    return {
        "krs": OrganizationFactory(name="Fundacja Oczami Brata", krs="0000098001", nip=""),
        "nip": OrganizationFactory(name="Klub Seniora „Jutrzenka”", krs="", nip="1234563218"),
        "pending": OrganizationFactory(name="Fundacja Oczekująca", krs="0000098002", status="pending"),
    }


def csv_bytes(rows, *, encoding="utf-8", delimiter=";"):
    text = "\r\n".join(delimiter.join(cell for cell in row) for row in [HEADER, *rows]) + "\r\n"
    return text.encode(encoding)


def xlsx_bytes(rows, header=HEADER):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


GOOD_ROWS = [
    ["Fundacja Oczami Brata", "0000098001", "Dowóz na zajęcia rehabilitacyjne", "12 500,00 zł"],
    ["Klub Seniora Jutrzenka", "123-456-32-18", "Senior w ruchu", "8000"],
    ["Koło Gospodyń Wiejskich w Kiedrzynie", "", "Dzień sąsiada", "1 250,5"],
]


def check(data, file_format, call, *, replace_existing=False):
    return importing.preview(data, file_format, call=call, replace_existing=replace_existing)


def apply(call, data, file_format="csv", *, replace_existing=False, actor=None, name="wyniki.csv"):
    results_import = services.create_import(
        call=call,
        upload=SimpleUploadedFile(name, data),
        file_format=file_format,
        awarded_on=call.deadline_at.date(),
        replace_existing=replace_existing,
        actor=actor,
    )
    return services.apply_import(results_import=results_import, actor=actor)


def saved(call):
    return list(call.grants.order_by("position").values_list("recipient_name", "organization__name", "amount"))


def test_a_good_file_saves_every_row_linked_to_the_registry(call, registry, editor):
    apply(call, csv_bytes(GOOD_ROWS), actor=editor)
    assert saved(call) == [
        ("Fundacja Oczami Brata", "Fundacja Oczami Brata", Decimal("12500.00")),
        ("Klub Seniora Jutrzenka", "Klub Seniora „Jutrzenka”", Decimal("8000.00")),
        ("Koło Gospodyń Wiejskich w Kiedrzynie", None, Decimal("1250.50")),
    ]


def test_the_call_gets_its_results_date_and_history(call, registry, editor):
    apply(call, csv_bytes(GOOD_ROWS), actor=editor)
    call.refresh_from_db()
    entry = HistoryEntry.objects.for_object(call).first()
    assert call.resolved_on == call.deadline_at.date()
    assert (entry.actor, entry.detail) == (editor, "Zaimportowano 3 dotacje z pliku „wyniki.csv”.")


def test_a_file_with_one_bad_row_saves_nothing_and_shows_every_problem_by_row_number(call, registry):
    rows = [
        *GOOD_ROWS,
        ["Stowarzyszenie Bez Kwoty", "0000098001", "Zadanie", "dużo"],
        ["", "", "Zadanie bez organizacji", "100"],
        ["Fundacja Oczami Brata", "0000098001", "Dowóz na zajęcia rehabilitacyjne", "12500"],
        ["Fundacja Zła Suma", "123-456-32-19", "Zadanie", "100"],
        ["Fundacja Ujemna", "", "Zadanie", "0"],
        ["Fundacja Tysięcy", "", "Zadanie", "1.250"],
    ]
    data = csv_bytes(rows)
    preview = check(data, "csv", call)
    assert preview.row_errors == [
        (5, "„dużo” nie jest kwotą."),
        (6, "Brak nazwy organizacji."),
        (7, "Powtórzony wiersz: ta sama organizacja, zadanie i kwota co w wierszu 2."),
        (8, "„123-456-32-19” nie jest poprawnym numerem KRS ani NIP."),
        (9, "Kwota musi być większa od zera."),
        (10, "Kwota „1.250” jest niejednoznaczna: zapisz ją bez separatora tysięcy, np. 1250,00."),
    ]
    with pytest.raises(services.ImportRefused) as refused:
        apply(call, data)
    assert refused.value.messages[0] == "Wiersz 5: „dużo” nie jest kwotą."
    assert Grant.objects.count() == 0


def test_unknown_krs_and_unpublished_organizations_are_warnings_and_keep_the_name(call, registry):
    rows = [
        ["Fundacja Oczekująca", "0000098002", "Zadanie", "100"],
        ["Nowa Fundacja", "KRS 0000999999", "Zadanie", "50"],
    ]
    preview = check(csv_bytes(rows), "csv", call)
    assert preview.is_valid
    assert [row.organization for row in preview.rows] == [None, None]
    assert preview.row_warnings == [
        (2, "Nie ma w Bazie NGO opublikowanej organizacji o numerze KRS 0000098002: zostanie zapisana nazwa z pliku."),
        (3, "Nie ma w Bazie NGO opublikowanej organizacji o numerze KRS 0000999999: zostanie zapisana nazwa z pliku."),
    ]


@pytest.mark.parametrize(
    ("identifier", "expected"),
    [
        ("0000098001", ("0000098001", "", "Fundacja Oczami Brata")),
        ("98001", ("0000098001", "", "Fundacja Oczami Brata")),
        ("KRS 0000098001", ("0000098001", "", "Fundacja Oczami Brata")),
        ("1234563218", ("", "1234563218", "Klub Seniora „Jutrzenka”")),
        ("PL 123-456-32-18", ("", "1234563218", "Klub Seniora „Jutrzenka”")),
        ("NIP: 123 456 32 18", ("", "1234563218", "Klub Seniora „Jutrzenka”")),
    ],
)
def test_krs_and_nip_are_recognised_and_matched_however_written(call, registry, identifier, expected):
    row = check(csv_bytes([["Nazwa", identifier, "Zadanie", "100"]]), "csv", call).rows[0]
    assert (row.krs, row.nip, row.organization.name if row.organization else None) == expected


def test_separate_krs_and_nip_columns(call, registry):
    data = b"Nazwa organizacji,KRS,NIP,Zadanie,Kwota\nKlub,,1234563218,Zadanie,100\n"
    row = check(data, "csv", call).rows[0]
    assert (row.nip, row.organization.name) == ("1234563218", "Klub Seniora „Jutrzenka”")


def test_a_windows_1250_csv_with_commas_reads_polish_letters(call, registry, editor):
    data = csv_bytes(
        [["Koło Gospodyń Wiejskich „Źródło”", "", "Święto łąki", "1000,00"]], encoding="cp1250", delimiter=","
    )
    # A comma-separated file with decimal commas in quotes, as Excel writes it.
    data = data.replace(b"1000,00", b'"1000,00"')
    apply(call, data, actor=editor)
    assert saved(call) == [("Koło Gospodyń Wiejskich „Źródło”", None, Decimal("1000.00"))]


def test_a_utf8_csv_with_a_byte_order_mark_and_tabs(call, registry, editor):
    data = b"\xef\xbb\xbf" + csv_bytes([["Fundacja Oczami Brata", "0000098001", "Zadanie", "100"]], delimiter="\t")
    apply(call, data, actor=editor)
    assert saved(call) == [("Fundacja Oczami Brata", "Fundacja Oczami Brata", Decimal("100.00"))]


def test_an_xlsx_saves_numbers_and_text_amounts(call, registry, editor):
    data = xlsx_bytes(
        [
            ["Fundacja Oczami Brata", "0000098001", "Dowóz", 12500.5],
            ["Klub Seniora", 1234563218, "Senior w ruchu", "8 000,00 zł"],
            [None, None, None, None],
            ["Koło Gospodyń", None, "Piknik", 999.999999999],
        ]
    )
    apply(call, data, "xlsx", actor=editor, name="wyniki.xlsx")
    assert saved(call) == [
        ("Fundacja Oczami Brata", "Fundacja Oczami Brata", Decimal("12500.50")),
        ("Klub Seniora", "Klub Seniora „Jutrzenka”", Decimal("8000.00")),
        ("Koło Gospodyń", None, Decimal("1000.00")),
    ]


def test_an_xlsx_reports_the_spreadsheet_row_numbers(call):
    preview = check(
        xlsx_bytes([["Fundacja", "", "Zadanie", "100"], [None] * 4, ["Fundacja B", "", "", "x"]]), "xlsx", call
    )
    assert preview.row_errors == [(4, "Brak tytułu zadania."), (4, "„x” nie jest kwotą.")]


def test_missing_columns_are_named(call):
    preview = check(b"Nazwa;Kwota\nFundacja;100\n", "csv", call)
    assert preview.errors == [
        "Nie rozpoznano kolumn: tytuł zadania, KRS lub NIP. Pierwszy wiersz pliku musi zawierać nagłówki: "
        "nazwa organizacji, KRS lub NIP, tytuł zadania, kwota."
    ]


def test_a_damaged_xlsx_is_refused_with_a_message(call):
    assert check(b"PK\x03\x04 not really a workbook", "xlsx", call).errors == [
        "Nie udało się odczytać arkusza XLSX: plik jest uszkodzony."
    ]


def test_appending_refuses_a_grant_already_in_the_results(call, registry):
    GrantFactory(
        call=call,
        recipient_name="Fundacja Oczami Brata",
        krs="0000098001",
        task_title="Dowóz na zajęcia rehabilitacyjne",
        amount=Decimal("12500"),
    )
    assert check(csv_bytes(GOOD_ROWS), "csv", call).row_errors == [(2, "Ta dotacja jest już w wynikach konkursu.")]
    assert check(csv_bytes(GOOD_ROWS), "csv", call, replace_existing=True).row_errors == []


def test_replacing_deletes_the_old_results_in_the_same_transaction(call, registry, editor):
    GrantFactory(call=call, recipient_name="Stary wynik")
    apply(call, csv_bytes(GOOD_ROWS), replace_existing=True, actor=editor)
    assert [name for name, _org, _amount in saved(call)] == [
        "Fundacja Oczami Brata",
        "Klub Seniora Jutrzenka",
        "Koło Gospodyń Wiejskich w Kiedrzynie",
    ]


def test_an_import_is_applied_only_once(call, registry, editor):
    applied = apply(call, csv_bytes(GOOD_ROWS), actor=editor)
    with pytest.raises(services.ImportRefused, match="już zaimportowany"):
        services.apply_import(results_import=applied, actor=editor)
    assert call.grants.count() == 3


def test_the_sum_over_the_budget_is_a_warning(call):
    preview = check(csv_bytes([["Fundacja", "", "Zadanie", "250 000"]]), "csv", call)
    assert preview.is_valid
    assert preview.warnings == [
        "Suma dotacji z pliku (250\u00a0000,00\u00a0zł) przekracza łączną kwotę konkursu (200\u00a0000,00\u00a0zł)."
    ]


# -- in admin ----------------------------------------------------------------------


def upload(client, call, data, name="wyniki.csv", **fields):
    return client.post(
        reverse("admin:grants_grantcall_import", args=[call.pk]),
        {"file": SimpleUploadedFile(name, data), "awarded_on": call.deadline_at.date().isoformat(), **fields},
    )


def test_an_editor_previews_then_saves_results_in_admin(editor_client, call, registry):
    response = upload(editor_client, call, csv_bytes(GOOD_ROWS))
    results_import = ResultsImport.objects.get()
    assert response["Location"] == reverse("admin:grants_grantcall_import_preview", args=[call.pk, results_import.pk])
    preview = editor_client.get(response["Location"])
    assert "Zapisz wyniki (3 dotacje)" in preview.content.decode()
    assert call.grants.count() == 0
    saved_response = editor_client.post(response["Location"])
    assert saved_response["Location"] == reverse("admin:grants_grantcall_change", args=[call.pk])
    assert call.grants.count() == 3


def test_admin_preview_of_a_bad_file_lists_problems_and_offers_no_save(editor_client, call, registry):
    response = upload(editor_client, call, csv_bytes([*GOOD_ROWS, ["Fundacja", "", "Zadanie", "abc"]]))
    html = editor_client.get(response["Location"]).content.decode()
    assert "Wiersz 5: „abc” nie jest kwotą." in html
    assert "Zapisz wyniki" not in html
    editor_client.post(response["Location"])
    assert call.grants.count() == 0


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("wyniki.pdf", b"%PDF-1.4\n%%EOF\n", "To plik PDF. Zapisz wyniki jako CSV albo XLSX."),
        ("wyniki.csv", b"", "Wysłany plik jest pusty."),
        ("wyniki.csv", b"<html><script>alert(1)</script></html>", "Pliki HTML, SVG i XML nie są dozwolone"),
        ("wyniki.exe", b"MZ\x90\x00\x03\x00\x00\x00", "Nieobsługiwany lub uszkodzony plik."),
    ],
)
def test_admin_refuses_files_that_are_not_spreadsheets(editor_client, call, name, data, message):
    response = upload(editor_client, call, data, name=name)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert ResultsImport.objects.count() == 0


def test_the_uploaded_file_is_kept_privately_under_a_random_name(editor_client, call):
    upload(editor_client, call, csv_bytes(GOOD_ROWS), name="../../wyniki konkursu.csv")
    results_import = ResultsImport.objects.get()
    assert results_import.filename == "wyniki konkursu.csv"
    assert results_import.file.name.startswith("wyniki-konkursow/")
    assert "wyniki konkursu" not in results_import.file.name
    stored = Path(results_import.file.path)
    assert stored.is_relative_to(settings.PRIVATE_MEDIA_ROOT) and not stored.is_relative_to(settings.MEDIA_ROOT)


def test_someone_without_the_permission_cannot_import(client, call):
    from tests.factories import UserFactory

    staff = UserFactory(username="bez-uprawnien", is_staff=True)
    client.force_login(staff)
    response = upload(client, call, csv_bytes(GOOD_ROWS))
    assert response.status_code in (302, 403)
    assert ResultsImport.objects.count() == 0


def test_an_import_of_another_call_is_not_found(editor_client, call):
    upload(editor_client, call, csv_bytes(GOOD_ROWS))
    other = GrantCallFactory()
    url = reverse("admin:grants_grantcall_import_preview", args=[other.pk, ResultsImport.objects.get().pk])
    assert editor_client.get(url).status_code == 404
    assert GrantCall.objects.get(pk=other.pk).grants.count() == 0


def test_an_xlsx_that_unpacks_to_too_much_is_refused_before_it_is_read(call, monkeypatch):
    monkeypatch.setattr(importing, "MAX_UNPACKED_BYTES", 1024 * 1024)
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(xlsx_bytes([["Fundacja", "", "Zadanie", "100"]]))) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as bomb,
    ):
        for item in source.infolist():
            bomb.writestr(item, source.read(item))
        bomb.writestr("xl/media/padding.bin", b"\0" * (2 * 1024 * 1024))
    assert len(buffer.getvalue()) < 100_000
    assert check(buffer.getvalue(), "xlsx", call).errors == [
        "Arkusz jest za duży po rozpakowaniu. Zapisz wyniki jako CSV."
    ]
