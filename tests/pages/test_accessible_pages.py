"""Easy-to-read text (ETR) and Polish Sign Language (PJM): on every page's top
bar, edited in admin; the video is ours, with captions and a transcript."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError
from django.urls import reverse

from pages.models import EasyReadText, SignLanguagePage
from pps_portal.models import SiteSettings
from tests.calendar_app.factories import EventFactory
from tests.news.factories import NewsFactory
from tests.organizations.factories import OrganizationFactory
from tests.pages.factories import PageFactory

pytestmark = pytest.mark.django_db

MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00\x00\x00\x08free"
WEBM = b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\xf7\x81\x01\x42\xf2\x81\x04\x42\xf3\x81\x08\x42\x82\x84webm"
VTT = "WEBVTT\n\n00:00.000 --> 00:04.000\nDzień dobry. Jesteśmy Wydziałem Polityki Społecznej.\n".encode()


def top_bar_links(html):
    """(text, href) of the links in the page's top bar."""
    bar = re.search(r'<div class="topbar">(.*?)</form>', html, re.DOTALL).group(1)
    return [(text.strip(), href) for href, text in re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', bar)]


def every_page_type(site_settings):
    news = NewsFactory()
    event = EventFactory()
    organization = OrganizationFactory()
    page = PageFactory()
    return [
        "/",
        "/aktualnosci/",
        news.get_absolute_url(),
        "/organizacje/",
        organization.get_absolute_url(),
        "/organizacje/opp/",
        "/organizacje/statystyki/",
        "/kalendarz/",
        "/kalendarz/wydarzenia/",
        event.get_absolute_url(),
        "/szukaj/?q=pomoc",
        "/zglos/news/",
        "/zglos/blad/",
        "/zglos/organizacje/",
        "/zglos/wydarzenie/",
        "/kontakt/",
        "/deklaracja-dostepnosci/",
        "/informacje/",
        page.get_absolute_url(),
        "/dokumenty/",
        "/tekst-latwy-do-czytania/",
        "/jezyk-migowy/",
        "/nie-ma-takiej-strony/",
    ]


def test_every_page_type_links_etr_and_pjm_from_its_top_bar(client, site_settings):
    for path in every_page_type(site_settings):
        links = top_bar_links(client.get(path).content.decode())
        assert ("Tekst łatwy do czytania", "/tekst-latwy-do-czytania/") in links, path
        assert ("Informacje w polskim języku migowym", "/jezyk-migowy/") in links, path


def test_the_500_page_links_them_too(rf):
    from pps_portal.views import server_error

    links = top_bar_links(server_error(rf.get("/")).content.decode())
    assert ("Tekst łatwy do czytania", "/tekst-latwy-do-czytania/") in links


def test_the_easy_to_read_text_is_edited_in_admin(editor_client, site_settings):
    text = EasyReadText.load()
    response = editor_client.post(
        reverse("admin:pages_easyreadtext_change", args=[text.pk]),
        {"title": "Tekst łatwy do czytania", "body": "<p>Pomagamy mieszkańcom.</p><script>x()</script>"},
    )
    page = editor_client.get("/tekst-latwy-do-czytania/").content.decode()
    assert response.status_code == 302
    assert "<p>Pomagamy mieszkańcom.</p>" in page and "<script>x()" not in page


def test_without_a_video_the_pjm_page_says_how_to_ask_and_lists_deaf_contacts(client, site_settings):
    SiteSettings.objects.filter(pk=1).update(
        deaf_contact_email="pjm@example.pl",
        deaf_contact_sms="+48 600 100 200",
        deaf_contact_video_call="wideorozmowa przez przeglądarkę",
        deaf_contact_visit="Zgłoś wizytę 3 dni wcześniej.",
    )
    html = client.get("/jezyk-migowy/").content.decode()
    assert "<video" not in html
    assert "przekażemy Ci informacje o wydziale w PJM przez tłumacza" in html
    assert '<a href="mailto:pjm@example.pl">pjm@example.pl</a>' in html
    assert '<a href="sms:+48600100200">+48 600 100 200</a>' in html
    assert "wideorozmowa przez przeglądarkę" in html and "Zgłoś wizytę 3 dni wcześniej." in html


def upload_video(editor_client, video, captions, transcript, name="pjm.mp4"):
    page = SignLanguagePage.load()
    data = {"title": page.title, "intro": "<p>Wstęp</p>", "transcript": transcript}
    if video is not None:
        data["video"] = SimpleUploadedFile(name, video)
    if captions is not None:
        data["captions"] = SimpleUploadedFile("napisy.vtt", captions)
    return editor_client.post(reverse("admin:pages_signlanguagepage_change", args=[page.pk]), data)


@pytest.mark.parametrize(("video", "name", "kind"), [(MP4, "pjm.mp4", "video/mp4"), (WEBM, "pjm.webm", "video/webm")])
def test_the_pjm_video_plays_from_our_site_with_captions_and_a_transcript(
    editor_client, client, site_settings, video, name, kind
):
    response = upload_video(editor_client, video, VTT, "<p>Dzień dobry. Jesteśmy Wydziałem.</p>", name)
    page = SignLanguagePage.load()
    html = client.get("/jezyk-migowy/").content.decode()
    assert response.status_code == 302
    assert f'<source src="{page.video.url}" type="{kind}">' in html
    assert f'<track kind="captions" src="{page.captions.url}" srclang="pl" label="Polski" default>' in html
    assert '<h2 id="pjm-transcript">Transkrypcja nagrania</h2>' in html and "Dzień dobry. Jesteśmy" in html
    assert page.video.url.startswith("/media/pjm/") and "pjm.mp4" not in page.video.url


def test_a_video_needs_captions_and_a_transcript(editor_client, site_settings):
    response = upload_video(editor_client, MP4, None, "")
    assert set(response.context["adminform"].form.errors) == {"captions", "transcript"}
    with pytest.raises(IntegrityError):
        SignLanguagePage.objects.filter(pk=SignLanguagePage.load().pk).update(video="pjm/x.mp4")


@pytest.mark.parametrize(
    ("video", "captions", "field"),
    [
        (b"<html><script>alert(1)</script></html>", VTT, "video"),
        (b"MZ\x90\x00" + b"\x00" * 64, VTT, "video"),
        (MP4, b"<html></html>", "captions"),
        (MP4, b"1\n00:00:00,000 --> 00:00:02,000\nSRT, nie WebVTT\n", "captions"),
    ],
)
def test_files_that_are_not_a_video_or_webvtt_are_refused(editor_client, site_settings, video, captions, field):
    response = upload_video(editor_client, video, captions, "<p>Transkrypcja</p>")
    assert field in response.context["adminform"].form.errors
    assert not SignLanguagePage.load().video


def test_the_singletons_cannot_be_added_twice():
    EasyReadText.load()
    with pytest.raises((IntegrityError, ValidationError)):
        EasyReadText.objects.create(pk=2, title="Drugi")
