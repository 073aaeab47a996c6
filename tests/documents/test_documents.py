"""Documents: attached in admin, checked from their content, downloaded with
the right headers only while they and their owner are public."""

import datetime
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone

from documents.models import Document
from documents.pdf import make_pdf
from editorial import services
from tests.admin_forms import change_form_data
from tests.calendar_app.factories import EventFactory
from tests.documents import samples
from tests.documents.factories import DocumentFactory
from tests.news.factories import NewsFactory

pytestmark = pytest.mark.django_db

INLINE = "documents-document-content_type-object_id"


def attach(client, news, name, data, **fields):
    """Upload a file on the article's admin page, as an editor does."""
    url = reverse("admin:news_news_change", args=[news.pk])
    form = change_form_data(client.get(url))
    form.update(
        {
            f"{INLINE}-TOTAL_FORMS": "1",
            f"{INLINE}-0-title": fields.pop("title", "Regulamin konkursu"),
            f"{INLINE}-0-file": samples.upload(name, data),
            f"{INLINE}-0-issued_on": "26.11.2026",
            f"{INLINE}-0-position": "0",
            f"{INLINE}-0-is_accessible": "on",
            **{f"{INLINE}-0-{key}": value for key, value in fields.items()},
        }
    )
    return client.post(url, form)


def sized_pdf(size):
    """A valid PDF of exactly `size` bytes (a comment line pads it)."""
    pdf = make_pdf("Regulamin konkursu", ["Zasady udziału."])
    return pdf[:9] + b"%" + b"x" * (size - len(pdf) - 2) + b"\n" + pdf[9:]


@pytest.mark.parametrize("name", list(samples.SAMPLES))
def test_an_editor_attaches_each_allowed_format_to_an_article(editor_client, name):
    news = NewsFactory()
    data, expected = samples.SAMPLES[name]
    response = attach(editor_client, news, name, data)
    document = Document.objects.get()
    assert (response.status_code, document.file_type, document.size, document.owner) == (
        302,
        expected,
        len(data),
        news,
    )


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("regulamin.pdf", b"<!doctype html><html><script>alert(1)</script></html>"),
        ("logo.pdf", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        ("program.pdf", b"MZ\x90\x00" + b"\x00" * 200),
    ],
)
def test_a_renamed_page_image_or_program_is_refused_with_a_message(editor_client, name, data):
    response = attach(editor_client, NewsFactory(), name, data)
    errors = response.context["inline_admin_formsets"][0].formset.errors[0]["file"]
    assert (response.status_code, Document.objects.count()) == (200, 0)
    assert errors[0].startswith(("Pliki HTML, SVG i XML nie są dozwolone", "Nieobsługiwany lub uszkodzony plik"))


def test_a_file_over_twenty_megabytes_is_refused(editor_client):
    response = attach(editor_client, NewsFactory(), "duzy.pdf", sized_pdf(20 * 1024 * 1024 + 1))
    errors = response.context["inline_admin_formsets"][0].formset.errors[0]["file"]
    assert errors == ["Plik jest za duży (20,0 MB). Największy dopuszczalny rozmiar to 20 MB."]
    assert Document.objects.count() == 0


def test_a_document_not_digitally_accessible_needs_a_description(editor_client):
    response = attach(editor_client, NewsFactory(), "skan.pdf", samples.pdf(), is_accessible="")
    errors = response.context["inline_admin_formsets"][0].formset.errors[0]
    assert errors == {"accessibility_note": ["Opisz krótko treść dokumentu, który nie jest dostępny cyfrowo."]}
    with pytest.raises(IntegrityError):
        DocumentFactory(is_accessible=False, accessibility_note="")


def test_stored_under_a_random_name_outside_public_media(editor_client):
    attach(editor_client, NewsFactory(), "../../Regulamin konkursu 2026.pdf", samples.pdf())
    document = Document.objects.get()
    stored = Path(settings.PRIVATE_MEDIA_ROOT) / document.file.name
    assert stored.read_bytes() == samples.pdf()
    assert "Regulamin" not in document.file.name
    assert document.filename == "Regulamin konkursu 2026.pdf"
    assert not list(Path(settings.MEDIA_ROOT).rglob("*.pdf"))


def test_the_uploaders_name_is_sanitized_and_gets_the_detected_extension():
    document = DocumentFactory(file=ContentFile(samples.docx(), name='C:\\Users\\a\\"wniosek"\x07 <b>.pdf'))
    assert document.filename == "wniosek b.docx"


def test_the_link_says_format_and_size_in_polish(client, site_settings):
    news = NewsFactory()
    DocumentFactory(owner=news, title="Regulamin konkursu", file=ContentFile(sized_pdf(1_258_291), name="r.pdf"))
    response = client.get(news.get_absolute_url())
    assert 'Regulamin konkursu <span class="document__details">(PDF, 1,2\xa0MB)</span>' in response.content.decode()


def test_download_headers(client):
    document = DocumentFactory(file=ContentFile(samples.pdf(), name="Regulamin konkursu – łączność.pdf"))
    response = client.get(document.get_absolute_url())
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == samples.pdf()
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"] == (
        "inline; filename*=utf-8''Regulamin%20konkursu%20%E2%80%93%20%C5%82%C4%85czno%C5%9B%C4%87.pdf"
    )
    assert response["Content-Length"] == str(len(samples.pdf()))


def test_office_files_and_text_are_saved_not_opened(client):
    spreadsheet = DocumentFactory(file=ContentFile(samples.xlsx(), name="budzet.xlsx"))
    table = DocumentFactory(file=ContentFile(samples.csv_cp1250(), name="dotacje.csv"))
    xlsx = client.get(spreadsheet.get_absolute_url())
    csv = client.get(table.get_absolute_url())
    xlsx.close()
    csv.close()
    assert (xlsx["Content-Type"], xlsx["Content-Disposition"]) == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        'attachment; filename="budzet.xlsx"',
    )
    assert (csv["Content-Type"], csv["Content-Disposition"]) == (
        "text/csv; charset=windows-1250",
        'attachment; filename="dotacje.csv"',
    )


def test_a_changed_file_name_in_the_address_redirects_to_the_current_one(client):
    document = DocumentFactory(file=ContentFile(samples.pdf(), name="Regulamin.pdf"))
    response = client.get(reverse("documents:download", kwargs={"id": document.pk, "filename": "stary.pdf"}))
    assert (response.status_code, response["Location"]) == (301, f"/dokumenty/{document.pk}/regulamin.pdf")


def test_a_document_of_an_unpublished_article_is_not_downloadable(client):
    document = DocumentFactory(owner=NewsFactory(status="draft", published_at=None))
    assert client.get(document.get_absolute_url()).status_code == 404


def test_staff_may_download_it_to_check_it(editor_client):
    document = DocumentFactory(owner=NewsFactory(status="draft", published_at=None))
    response = editor_client.get(document.get_absolute_url())
    response.close()
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_a_withdrawn_or_expired_document_is_not_downloadable(client):
    withdrawn = services.transition(DocumentFactory(), "withdraw")
    expired = DocumentFactory(visible_until=timezone.now() - datetime.timedelta(minutes=1))
    assert client.get(withdrawn.get_absolute_url()).status_code == 404
    assert client.get(expired.get_absolute_url()).status_code == 404


def test_documents_of_public_events_are_listed_and_downloadable(client, site_settings):
    event = EventFactory()
    document = DocumentFactory(owner=event, title="Program pikniku")
    response = client.get(event.get_absolute_url())
    download = client.get(document.get_absolute_url())
    download.close()
    assert document.get_absolute_url() in response.content.decode()
    assert download.status_code == 200


def test_deleting_the_owner_deletes_its_documents_and_files(django_capture_on_commit_callbacks):
    news = NewsFactory()
    document = DocumentFactory(owner=news)
    stored = Path(settings.PRIVATE_MEDIA_ROOT) / document.file.name
    with django_capture_on_commit_callbacks(execute=True):
        news.delete()
    assert (Document.objects.count(), stored.exists()) == (0, False)


def test_the_accessibility_statement_lists_documents_that_are_not_accessible(client, site_settings):
    scan = DocumentFactory(
        title="Harmonogram zajęć (skan)", is_accessible=False, accessibility_note="Tabela godzin zajęć w ośrodkach."
    )
    DocumentFactory(title="Regulamin dostępny")
    hidden = DocumentFactory(
        title="Skan szkicu",
        is_accessible=False,
        accessibility_note="Szkic.",
        owner=NewsFactory(status="draft", published_at=None),
    )
    page = client.get("/deklaracja-dostepnosci/").content.decode()
    assert scan.get_absolute_url() in page and "Tabela godzin zajęć w ośrodkach." in page
    assert "Regulamin dostępny" not in page and hidden.title not in page
