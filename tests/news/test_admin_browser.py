"""An editor writes and schedules an article in admin, with CKEditor 5, in Chromium."""

import datetime
import io

import pytest
from django.utils import timezone
from PIL import Image

from news.models import News
from tests.browser import collect_csp_violations
from tests.factories import PASSWORD
from tests.news.factories import CategoryFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_editor_writes_and_schedules_an_article_with_ckeditor(page, live_server, editor, tmp_path):
    CategoryFactory(name="Komunikaty", slug="komunikaty")
    photo = tmp_path / "zdjecie.jpg"
    buffer = io.BytesIO()
    Image.new("RGB", (1000, 600), (20, 120, 60)).save(buffer, "JPEG")
    photo.write_bytes(buffer.getvalue())
    csp_errors = collect_csp_violations(page)

    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("Nazwa użytkownika").fill(editor.username)
    page.get_by_label("Hasło").fill(PASSWORD)
    page.get_by_role("button", name="Zaloguj się").click()
    page.goto(live_server.url + "/admin/news/news/add/")
    page.locator("#id_title").fill("Zaplanowany komunikat")
    page.locator("#id_lead").fill("Zajawka komunikatu.")
    # The Polish text (each other language has its own editor further down).
    editor_area = page.locator(".field-body .ck-editor__editable")
    editor_area.click()
    page.keyboard.type("Treść pisana w CKEditorze.")
    page.locator("#id_image").set_input_files(str(photo))
    page.locator("#id_image_alt").fill("Zielony prostokąt")
    when = timezone.localtime() + datetime.timedelta(hours=2)
    page.locator("#id_published_at_0").fill(when.strftime("%d.%m.%Y"))
    page.locator("#id_published_at_1").fill(when.strftime("%H:%M:%S"))
    page.locator("#id_category").select_option(label="Komunikaty")
    page.locator("input[name=_continue]").click()
    page.get_by_role("link", name="Opublikuj").click()
    page.get_by_role("button", name="Opublikuj").click()
    page.wait_for_url("**/change/")

    news = News.objects.get(title="Zaplanowany komunikat")
    assert ("CKEditorze" in news.body, bool(news.image), news.status, news.is_public) == (
        True,
        True,
        "published",
        False,
    )
    assert csp_errors == []


def test_each_language_version_is_edited_as_that_language_with_a_polish_toolbar(page, live_server, editor):
    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("Nazwa użytkownika").fill(editor.username)
    page.get_by_label("Hasło").fill(PASSWORD)
    page.get_by_role("button", name="Zaloguj się").click()
    page.goto(live_server.url + "/admin/news/news/add/")
    languages = {
        field: page.locator(f".field-{field} .ck-editor__editable").get_attribute("lang")
        for field in ("body", "body_uk", "body_en")
    }
    bold_buttons = page.locator(".ck-toolbar").get_by_role("button", name="Pogrubienie")
    assert (languages, bold_buttons.count()) == ({"body": "pl", "body_uk": "uk", "body_en": "en"}, 3)
