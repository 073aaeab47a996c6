"""The portal in Polish (unprefixed, the printed addresses), Ukrainian (/uk/) and English (/en/)."""

import datetime
import re

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from calendar_app.models import Event
from news.models import News
from pages.models import EasyReadText
from tests.calendar_app.factories import EventFactory
from tests.news.factories import CategoryFactory, NewsFactory
from tests.pages.factories import PageFactory

pytestmark = pytest.mark.django_db

# Addresses printed on paper and shared (DESIGN.md): they answer in Polish,
# exactly as before, whatever the visitor's browser or cookies prefer.
POLISH_CONTRACT = [
    "/",
    "/aktualnosci/",
    "/aktualnosci/rss/",
    "/aktualnosci/atom/",
    "/organizacje/",
    "/organizacje/opp/",
    "/organizacje/statystyki/",
    "/organizacje/eksport.csv",
    "/organizacje/eksport.json",
    "/kalendarz/",
    "/kalendarz/wydarzenia/",
    "/kalendarz.ics",
    "/zglos/news/",
    "/zglos/blad/",
    "/zglos/organizacje/",
    "/zglos/wydarzenie/",
    "/kontakt/",
    "/szukaj/?q=rodzina",
    "/deklaracja-dostepnosci/",
    "/informacje/",
    "/dokumenty/",
    "/tekst-latwy-do-czytania/",
    "/jezyk-migowy/",
    "/konkursy/",
    "/konkursy/rss/",
    "/konkursy.ics",
    "/konkursy/dotacje.json",
    "/konkursy/dotacje.csv",
    "/sitemap.xml",
    "/robots.txt",
    "/healthz",
]
ROUTES = {
    "home": "/",
    "news:list": "/aktualnosci/",
    "news:rss": "/aktualnosci/rss/",
    "organizations:list": "/organizacje/",
    "organizations:opp": "/organizacje/opp/",
    "calendar:index": "/kalendarz/",
    "calendar:agenda": "/kalendarz/wydarzenia/",
    "calendar-feed": "/kalendarz.ics",
    "submissions:contact": "/kontakt/",
    "search": "/szukaj/",
    "statement": "/deklaracja-dostepnosci/",
    "pages:index": "/informacje/",
    "documents:library": "/dokumenty/",
    "easy-read": "/tekst-latwy-do-czytania/",
    "sign-language": "/jezyk-migowy/",
    "sitemap": "/sitemap.xml",
    "robots": "/robots.txt",
    "admin:index": "/admin/",
}


PREFIXES = ("", "/uk", "/en")


def html_lang(response):
    match = re.search(r'<html lang="([a-z]+)"', response.content.decode())
    return match and match.group(1)


@pytest.mark.parametrize("path", POLISH_CONTRACT)
def test_printed_polish_addresses_answer_in_polish_whatever_the_browser_prefers(client, site_settings, path):
    client.cookies["django_language"] = "uk"
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="uk,en;q=0.8")
    is_html = response["Content-Type"].startswith("text/html")
    assert (response.status_code, html_lang(response) if is_html else "pl") == (200, "pl")


def test_named_routes_reverse_to_the_printed_addresses_in_polish():
    with translation.override("pl"):
        assert {name: reverse(name) for name in ROUTES} == ROUTES


def test_ukrainian_and_english_addresses_are_the_polish_ones_under_a_prefix():
    with translation.override("uk"):
        ukrainian = reverse("news:list")
    with translation.override("en"):
        english = reverse("calendar-feed")
    assert (ukrainian, english) == ("/uk/aktualnosci/", "/en/kalendarz.ics")


def test_there_is_no_second_address_for_polish(client, site_settings):
    assert client.get("/pl/aktualnosci/").status_code == 404


@pytest.mark.parametrize(
    ("path", "language", "heading"),
    [
        ("/uk/", "uk", "Новини"),
        ("/en/", "en", "News"),
        ("/uk/aktualnosci/", "uk", "Новини"),
        ("/en/organizacje/", "en", "NGO register"),
        ("/uk/kalendarz/wydarzenia/", "uk", "<h1>Найближчі події</h1>"),
        ("/en/zglos/organizacje/", "en", "Submit an organisation"),
    ],
)
def test_prefixed_pages_render_in_their_language(client, site_settings, path, language, heading):
    html = client.get(path).content.decode()
    assert (re.search(r'<html lang="([a-z]+)"', html).group(1), heading in html) == (language, True)


def test_every_page_names_its_alternates_and_x_default(client, site_settings):
    html = client.get("/uk/aktualnosci/?strona=2").content.decode()
    alternates = re.findall(r'<link rel="alternate" hreflang="([a-z-]+)" href="([^"]+)">', html)
    assert alternates == [
        ("pl", "http://testserver/aktualnosci/?strona=2"),
        ("uk", "http://testserver/uk/aktualnosci/?strona=2"),
        ("en", "http://testserver/en/aktualnosci/?strona=2"),
        ("x-default", "http://testserver/aktualnosci/?strona=2"),
    ]


def test_switcher_names_each_language_in_itself_and_marks_the_current_one(client, site_settings):
    html = client.get("/en/informacje/").content.decode()
    switcher = re.search(r'<nav class="languages"[^>]*>(.*?)</nav>', html, re.S).group(1)
    links = re.findall(
        r'<a href="([^"]+)" lang="([a-z]+)" hreflang="([a-z]+)"( aria-current="true")?>([^<]+)</a>', switcher
    )
    assert links == [
        ("/informacje/", "pl", "pl", "", "Polski"),
        ("/uk/informacje/", "uk", "uk", "", "Українська"),
        ("/en/informacje/", "en", "en", ' aria-current="true"', "English"),
    ]


def test_switcher_keeps_the_same_content_page(client, site_settings):
    article = NewsFactory(slug="dzien-seniora")
    html = client.get(f"/uk{article.get_absolute_url()}").content.decode()
    assert 'href="/en/aktualnosci/dzien-seniora/" lang="en"' in html


def test_dates_are_written_in_the_visitor_language(client, site_settings):
    article = NewsFactory(slug="listopad")
    News.objects.filter(pk=article.pk).update(published_at="2026-11-05T10:00:00+01:00")
    pages = {language: client.get(f"{prefix}/aktualnosci/listopad/").content.decode() for language, prefix in
             (("pl", ""), ("uk", "/uk"), ("en", "/en"))}  # fmt: skip
    assert (
        "5 listopada 2026" in pages["pl"],
        "5 листопада 2026" in pages["uk"],
        "5 November 2026" in pages["en"],
    ) == (
        True,
        True,
        True,
    )


def test_numbers_are_written_in_the_visitor_language(client, site_settings):
    from documents.models import Document
    from tests.documents.factories import DocumentFactory

    document = DocumentFactory(title="Regulamin", owner=NewsFactory(slug="z-regulaminem"))
    Document.objects.filter(pk=document.pk).update(size=1_258_291)  # 1.2 MiB
    polish, ukrainian, english = (
        client.get(f"{prefix}/aktualnosci/z-regulaminem/").content.decode() for prefix in PREFIXES
    )
    nbsp = "\N{NO-BREAK SPACE}"
    expected = (f"PDF, 1,2{nbsp}MB" in polish, f"PDF, 1,2{nbsp}Мб" in ukrainian, f"PDF, 1.2{nbsp}MB" in english)
    assert expected == (True, True, True)


# -- plural forms --------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("pl", ["1 artykuł", "2 artykuły", "5 artykułów", "22 artykuły"]),
        ("uk", ["1 статтю", "2 статті", "5 статей", "22 статті"]),
        ("en", ["1 article", "2 articles", "5 articles", "22 articles"]),
    ],
)
def test_plural_forms_for_1_2_5_22(language, expected):
    with translation.override(language):
        assert [str(News.workflow.counted % {"count": n}) for n in (1, 2, 5, 22)] == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("pl", ["1 wydarzenie", "2 wydarzenia", "5 wydarzeń", "22 wydarzenia", "11 wydarzeń", "21 wydarzeń"]),
        ("uk", ["1 подія", "2 події", "5 подій", "22 події", "11 подій", "21 подія"]),
    ],
)
def test_plural_forms_follow_the_language_rules_past_ten(language, expected):
    with translation.override(language):
        assert [str(Event.workflow.counted % {"count": n}) for n in (1, 2, 5, 22, 11, 21)] == expected


def test_ukrainian_catalogue_declares_three_plural_forms():
    from pathlib import Path

    po = (Path(__file__).resolve().parents[2] / "locale" / "uk" / "LC_MESSAGES" / "django.po").read_text()
    assert (
        "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);" in po
    )


# -- translated content --------------------------------------------------------


def test_translated_article_shows_the_translation_without_a_note(client, site_settings):
    NewsFactory(
        slug="zimowe-dyzury",
        title="Zimowe dyżury",
        title_uk="Зимові чергування",
        lead_uk="Де отримати допомогу взимку.",
        body_uk="<p>Пункти допомоги працюють щодня.</p>",
    )
    html = client.get("/uk/aktualnosci/zimowe-dyzury/").content.decode()
    assert (
        "<h1>Зимові чергування</h1>" in html,
        "Пункти допомоги працюють щодня." in html,
        "translation-note" in html,
    ) == (
        True,
        True,
        False,
    )


def test_missing_translation_falls_back_to_polish_with_a_note_in_the_visitor_language(client, site_settings):
    NewsFactory(slug="tylko-po-polsku", title="Tylko po polsku", body="<p>Treść po polsku.</p>")
    html = client.get("/en/aktualnosci/tylko-po-polsku/").content.decode()
    assert (
        "This content is not yet fully available in English." in html,
        '<h1 lang="pl">Tylko po polsku</h1>' in html,
        '<div class="article__body" lang="pl"><p>Treść po polsku.</p></div>' in html,
    ) == (True, True, True)


def test_partly_translated_page_marks_only_the_polish_parts(client, site_settings):
    page = PageFactory(slug="swiadczenia", title="Świadczenia", title_uk="Виплати", lead_uk="Які виплати є в місті.")
    html = client.get(f"/uk{page.get_absolute_url()}").content.decode()
    assert (
        "Цей матеріал ще не повністю перекладено українською." in html,
        "<h1>Виплати</h1>" in html,
        '<div class="article__body" lang="pl">' in html,
    ) == (True, True, True)


def test_polish_page_never_shows_the_note(client, site_settings):
    NewsFactory(slug="polski", title="Polski tytuł")
    html = client.get("/aktualnosci/polski/").content.decode()
    assert ("translation-note" in html, 'lang="pl">Polski tytuł' in html) == (False, False)


def test_easy_to_read_text_exists_in_ukrainian(client, site_settings):
    text = EasyReadText.load()
    text.title_uk = "Текст, легкий для читання"
    text.body_uk = "<p>Ми допомагаємо людям.</p>"
    text.save()
    html = client.get("/uk/tekst-latwy-do-czytania/").content.decode()
    assert ("<p>Ми допомагаємо людям.</p>" in html, "translation-note" in html) == (True, False)


def test_event_in_english_falls_back_per_field(client, site_settings):
    event = EventFactory(title="Piknik rodzinny", title_en="Family picnic", summary="Zabawy dla dzieci.")
    html = client.get(f"/en{event.get_absolute_url()}").content.decode()
    assert ("<h1>Family picnic</h1>" in html, 'lang="pl">Zabawy dla dzieci.</p>' in html) == (True, True)


def test_every_language_of_rich_text_is_sanitized_on_save():
    article = NewsFactory(body_uk='<p onclick="x()">Текст</p><script>alert(1)</script>', body_en="<p>Text</p>")
    article.refresh_from_db()
    assert (article.body_uk, article.body_text_uk, article.body_en) == ("<p>Текст</p>", "Текст", "<p>Text</p>")


def test_original_columns_keep_polish_when_saved_on_a_ukrainian_page():
    article = NewsFactory(title="Po polsku", title_uk="Українською")
    with translation.override("uk"):
        article.save()
    assert News.objects.filter(pk=article.pk).values_list("title", flat=True).get() == "Po polsku"


# -- search, sitemaps, feeds, redirects ---------------------------------------


def test_search_finds_the_visitor_language_and_polish(client, site_settings):
    NewsFactory(title="Pomoc zimowa", title_uk="Зимова допомога", lead="Punkty pomocy.")
    NewsFactory(title="Kiermasz", lead="Kiermasz rękodzieła pomocy.")
    ukrainian = client.get("/uk/szukaj/", {"q": "допомога"}).content.decode()
    polish = client.get("/uk/szukaj/", {"q": "kiermasz"}).content.decode()
    assert ("<mark>Зимова</mark>" in ukrainian or "<mark>допомога</mark>" in ukrainian, "Kiermasz" in polish) == (
        True,
        True,
    )


def test_english_search_stems_words(client, site_settings):
    NewsFactory(title="Zbiórka", title_en="Food collections", lead="Zbiórka.")
    html = client.get("/en/szukaj/", {"q": "collection"}).content.decode()
    assert "collections" in html.lower()


def test_polish_search_does_not_look_at_translations(client, site_settings):
    NewsFactory(title="Zbiórka", title_en="Food collections", lead="Zbiórka.")
    html = client.get("/szukaj/", {"q": "collection"}).content.decode()
    assert "Food collections" not in html


def test_sitemap_lists_each_language_with_alternates(client):
    NewsFactory(slug="jedna")
    xml = client.get("/sitemap-news.xml").content.decode()
    locations = re.findall(r"<loc>([^<]+)</loc>", xml)
    assert (locations, xml.count('hreflang="x-default"')) == (
        [
            "http://testserver/aktualnosci/jedna/",
            "http://testserver/uk/aktualnosci/jedna/",
            "http://testserver/en/aktualnosci/jedna/",
        ],
        3,
    )


def test_a_multilingual_sitemap_page_holds_whole_items_and_at_most_its_limit(client, monkeypatch):
    from news.sitemaps import NewsSitemap

    monkeypatch.setattr(NewsSitemap, "limit", 7)  # two articles in three languages a page
    for n, slug in enumerate(["trzecia", "druga", "pierwsza"]):
        NewsFactory(slug=slug, published_at=timezone.now() - datetime.timedelta(days=n + 1))
    index = client.get("/sitemap.xml").content.decode()
    assert "sitemap-news.xml?p=2</loc>" in index and "sitemap-news.xml?p=3" not in index
    second = client.get("/sitemap-news.xml", {"p": 2}).content.decode()
    assert re.findall(r"<loc>([^<]+)</loc>", second) == [
        "http://testserver/aktualnosci/pierwsza/",
        "http://testserver/uk/aktualnosci/pierwsza/",
        "http://testserver/en/aktualnosci/pierwsza/",
    ]
    assert client.get("/sitemap-news.xml", {"p": 3}).status_code == 404


def test_a_sitemap_page_makes_each_address_once(client, monkeypatch):
    from news.models import News
    from news.sitemaps import NewsSitemap

    NewsFactory.create_batch(2)
    made = []
    monkeypatch.setattr(NewsSitemap, "location", lambda self, item: made.append(item) or News.get_absolute_url(item))
    xml = client.get("/sitemap-news.xml").content.decode()
    # Two articles in three languages, each entry with three alternates and x-default.
    assert (xml.count("<loc>"), xml.count("<xhtml:link"), len(made)) == (6, 24, 6)


def test_the_sitemap_index_counts_items_in_the_database_instead_of_loading_them(client):
    NewsFactory.create_batch(3)
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/sitemap.xml").status_code == 200
    news = [query["sql"] for query in queries if 'FROM "news_news"' in query["sql"]]
    assert len(news) == 2 and all(" MAX(" in sql or " COUNT(" in sql for sql in news), news


def test_every_sitemap_section_is_multilingual():
    from pps_portal.urls import sitemaps

    assert {name: (s.i18n, s.alternates, s.x_default) for name, s in sitemaps.items()} == dict.fromkeys(
        sitemaps, (True, True, True)
    )


def test_news_feed_in_ukrainian_uses_translations_and_polish_fallback(client, site_settings):
    NewsFactory(title="Przetłumaczony", title_uk="Перекладено")
    NewsFactory(title="Nieprzetłumaczony")
    feed = feedparser.parse(client.get("/uk/aktualnosci/rss/").content)
    assert (feed.bozo, feed.feed.language, sorted(e.title for e in feed.entries)) == (
        False,
        "uk",
        ["Nieprzetłumaczony", "Перекладено"],
    )
    assert feed.entries[0].link.startswith("http://testserver/uk/aktualnosci/")


def test_calendar_feed_in_english(client, site_settings):
    EventFactory(title="Warsztaty", title_en="Workshop")
    ics = client.get("/en/kalendarz.ics").content.decode()
    assert ("SUMMARY:Workshop" in ics, "/en/kalendarz/wydarzenia/" in ics) == (True, True)


def test_moved_article_redirects_under_each_language(client, site_settings):
    article = NewsFactory(slug="stary-adres")
    article.slug = "nowy-adres"
    article.save()
    responses = [client.get(f"{prefix}/aktualnosci/stary-adres/") for prefix in ("", "/uk", "/en")]
    assert [(r.status_code, r["Location"]) for r in responses] == [
        (301, "/aktualnosci/nowy-adres/"),
        (301, "/uk/aktualnosci/nowy-adres/"),
        (301, "/en/aktualnosci/nowy-adres/"),
    ]


def test_not_found_page_is_in_the_visitor_language(client, site_settings):
    response = client.get("/uk/nie-ma-takiej-strony/")
    assert (response.status_code, html_lang(response), "Сторінку не знайдено" in response.content.decode()) == (
        404,
        "uk",
        True,
    )


# -- query counts ---------------------------------------------------------------


def _queries(client, path):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def test_query_counts_do_not_grow_with_the_number_of_languages(client, site_settings):
    category = CategoryFactory(slug="rodzina")
    article = NewsFactory(category=category, title_uk="Родина")
    NewsFactory.create_batch(5, category=category)
    page = PageFactory(title_en="Benefits")
    PageFactory.create_batch(3, parent=page)
    event = EventFactory()
    paths = [
        "/",
        "/aktualnosci/",
        article.get_absolute_url(),
        "/informacje/",
        page.get_absolute_url(),
        event.get_absolute_url(),
        "/kalendarz/wydarzenia/",
        "/szukaj/?q=rodzina",
        "/aktualnosci/rss/",
    ]
    counts = {prefix: [_queries(client, f"{prefix}{path}") for path in paths] for prefix in PREFIXES}
    assert counts["/uk"] == counts["/en"] == counts[""]


# -- admin --------------------------------------------------------------------


def test_editor_adds_a_ukrainian_version_in_admin(editor_client):
    from tests.admin_forms import change_form_data

    article = NewsFactory(title="Dzień otwarty")
    url = reverse("admin:news_news_change", args=[article.pk])
    data = change_form_data(editor_client.get(url), title_uk="День відкритих дверей", body_uk="<p>Запрошуємо!</p>")
    response = editor_client.post(url, data)
    article.refresh_from_db()
    assert (response.status_code, article.title_pl, article.title_uk, article.body_uk) == (
        302,
        "Dzień otwarty",
        "День відкритих дверей",
        "<p>Запрошуємо!</p>",
    )


def test_admin_stays_polish_for_a_ukrainian_browser(editor_client):
    response = editor_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="uk")
    assert html_lang(response) == "pl"


def test_a_page_without_a_route_offers_each_language_home_and_no_alternates(client, site_settings):
    html = client.get("/uk/nie-ma-takiej-strony/?q=1").content.decode()
    switcher = re.search(r'<nav class="languages"[^>]*>(.*?)</nav>', html, re.S).group(1)
    assert (re.findall(r'<a href="([^"]+)"', switcher), 'hreflang="x-default"' in html) == (
        ["/", "/uk/", "/en/"],
        False,
    )


# -- public forms in another language -----------------------------------------


def test_event_sent_from_the_ukrainian_form_is_stored_as_its_source_text(client, site_settings, mailoutbox):
    from tests.submissions.helpers import event_data

    site_settings.editors_email = "redakcja@example.pl"
    site_settings.save()
    response = client.post("/uk/zglos/wydarzenie/", event_data(title="Заняття для сеньйорів", wants_copy="on"))
    event = Event.objects.get()
    editors, sender = mailoutbox
    assert (response.status_code, event.title_pl, event.title_uk, event.description_pl) == (
        302,
        "Заняття для сеньйорів",
        None,
        "<p>Warsztaty komputerowe dla seniorów.</p>",
    )
    assert ("Nowe zgłoszenie" in editors.subject, sender.subject.startswith("Підтвердження заявки")) == (True, True)


def test_errors_of_the_english_form_are_in_english(client, site_settings):
    from tests.submissions.helpers import event_data

    html = client.post("/en/zglos/wydarzenie/", event_data(title="")).content.decode()
    assert ("Correct the errors in the form" in html, 'lang="en"' in html) == (True, True)


def test_main_menu_marks_the_current_section_in_every_language(client, site_settings):
    html = client.get("/uk/aktualnosci/").content.decode()
    assert '<a href="/uk/aktualnosci/" aria-current="page">Новини</a>' in html


def test_grant_call_in_english_with_its_deadline_feed(client, site_settings):
    from tests.grants.factories import GrantCallFactory

    call = GrantCallFactory(title="Konkurs na wsparcie seniorów", title_en="Call: support for older people")
    page = client.get(f"/en{call.get_absolute_url()}").content.decode()
    ics = client.get("/en/konkursy.ics").content.decode()
    assert (
        "<h1>Call: support for older people</h1>" in page,
        "Deadline for proposals: Call: support for older people" in ics,
    ) == (
        True,
        True,
    )


def test_robots_keep_search_and_forms_out_of_indexes_in_every_language(client):
    lines = client.get("/robots.txt").content.decode().splitlines()
    assert {"Disallow: /szukaj/", "Disallow: /uk/szukaj/", "Disallow: /en/zglos/", "Disallow: /en/kontakt/"} <= set(
        lines
    )


def test_accessibility_statement_fixed_parts_in_ukrainian_keep_the_legal_ids(client, site_settings):
    html = client.get("/uk/deklaracja-dostepnosci/").content.decode()
    ids = re.findall(r'id="(a11y-[a-z-]+)"', html)
    assert ("<h1>Декларація доступності</h1>" in html, "Процедура запитів і скарг" in html) == (True, True)
    assert {"a11y-wstep", "a11y-podmiot", "a11y-status", "a11y-procedura", "a11y-aplikacje"} <= set(ids)


def test_banners_lead_to_the_same_page_in_the_visitor_language(client, site_settings):
    html = client.get("/en/").content.decode()
    banners = re.search(r'<section class="banners".*?</section>', html, re.S).group(0)
    assert ('href="/en/organizacje/opp/"' in banners, "Shortcuts" in banners) == (True, True)


def test_an_empty_polish_text_needs_no_translation_note(client, site_settings):
    NewsFactory(slug="bez-tresci", title="Krótko", title_uk="Коротко", lead="Zajawka", lead_uk="Анонс", body="")
    html = client.get("/uk/aktualnosci/bez-tresci/").content.decode()
    assert "translation-note" not in html


def test_polish_only_texts_are_marked_polish_on_other_languages_pages(client, site_settings):
    from tests.documents.factories import DocumentFactory

    DocumentFactory(title="Regulamin konkursu", owner=NewsFactory(slug="z-dokumentem"))
    english = client.get("/en/aktualnosci/z-dokumentem/").content.decode()
    polish = client.get("/aktualnosci/z-dokumentem/").content.decode()
    assert ('<span lang="pl">Regulamin konkursu</span>' in english, 'lang="pl">Regulamin' in polish) == (True, False)


def test_home_key_tasks_lead_to_pages_in_the_visitor_language(client, site_settings):
    html = client.get("/uk/").content.decode()
    tasks = re.search(r'<ul class="tasks">.*?</ul>', html, re.S).group(0)
    links = re.findall(r'<a href="([^"]+)"', tasks)
    assert (links != [], [link for link in links if not link.startswith("/uk/")]) == (True, [])
