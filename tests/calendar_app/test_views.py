"""Month, day, agenda and event pages: content, bad input, constant query counts."""

import datetime
import re

import pytest
from django.urls import reverse

from calendar_app import services
from calendar_app.forms import AgendaFilterForm
from calendar_app.models import Event, EventException, Occurrence
from organizations.models import District, Organization
from tests.calendar_app.factories import EventCategoryFactory, EventExceptionFactory, EventFactory, local
from tests.documents.factories import DocumentFactory

pytestmark = pytest.mark.django_db


def text(response):
    return re.sub(r"\s+", " ", response.content.decode())


def make_many(count=6):
    """Single, all-day, multi-day and series events in November 2026 (the series with exceptions)."""
    category = EventCategoryFactory(name="Spotkania", slug="spotkania")
    events = [EventFactory(category=category, starts_at=local(2026, 11, 26 + n % 3, 10 + n)) for n in range(count)]
    events.append(
        EventFactory(all_day=True, start_date=datetime.date(2026, 11, 27), end_date=datetime.date(2026, 11, 29))
    )
    series = EventFactory(
        title="Spotkania seniorów", starts_at=local(2026, 10, 7, 17), ends_at=local(2026, 10, 7, 19),
        repeat=Event.Repeat.WEEKLY, category=category,
    )  # fmt: skip
    EventExceptionFactory(event=series, occurrence_date=datetime.date(2026, 12, 2))
    EventExceptionFactory(
        event=series, occurrence_date=datetime.date(2026, 12, 9), kind=EventException.Kind.MOVED,
        new_starts_at=local(2026, 12, 10, 17), new_ends_at=local(2026, 12, 10, 19),
    )  # fmt: skip
    monthly = EventFactory(
        title="Dyżur prawnika", starts_at=local(2026, 1, 13, 9), ends_at=local(2026, 1, 13, 12),
        repeat=Event.Repeat.MONTHLY, repeat_monthly_by=Event.MonthlyBy.WEEKDAY,
    )  # fmt: skip
    return events + [series, monthly]


# -- month grid ---------------------------------------------------------


def test_month_grid_shows_titles_in_the_visitors_language(client, frozen_now):
    EventFactory(title="Warsztaty", title_en="Workshop", starts_at=local(2026, 11, 26, 18))
    EventFactory(title="Kiermasz", starts_at=local(2026, 11, 27, 18))
    html = text(client.get("/en/kalendarz/2026/11/"))
    assert ("Workshop" in html, "Warsztaty" in html, "Kiermasz" in html) == (True, False, True)


def test_month_grid_is_a_table_with_polish_weekday_headers_monday_first(client, frozen_now):
    html = text(client.get("/kalendarz/2026/11/"))
    shown = r'(?:<span[^>]*aria-hidden="true">[^<]+</span>)+'
    headers = re.findall(rf'<th scope="col">{shown}<span class="visually-hidden">([^<]+)</span>', html)
    assert headers[:7] == ["poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela"]
    assert "<caption> Listopad 2026" in html


def test_month_marks_today_for_screen_readers_too(client, frozen_now):
    EventFactory(starts_at=local(2026, 11, 26, 18))
    html = text(client.get("/kalendarz/"))
    assert (
        'aria-current="date"><span aria-hidden="true">26</span>'
        '<span class="visually-hidden">Czwartek, 26 listopada 2026, dziś, liczba wydarzeń: 1</span>' in html
    )


def test_multi_day_event_appears_on_each_of_its_days(client, frozen_now):
    EventFactory(
        title="Tydzień Zrównoważonego Transportu",
        all_day=True,
        start_date=datetime.date(2026, 9, 16),
        end_date=datetime.date(2026, 9, 22),
    )
    html = text(client.get("/kalendarz/2026/09/"))
    assert html.count("Tydzień Zrównoważonego Transportu") == 7


@pytest.mark.parametrize(
    ("path", "previous", "following"),
    [
        ("/kalendarz/2026/12/", "/kalendarz/2026/11/", "/kalendarz/2027/01/"),
        ("/kalendarz/2027/01/", "/kalendarz/2026/12/", "/kalendarz/2027/02/"),
    ],
)
def test_month_links_cross_year_boundaries(client, frozen_now, path, previous, following):
    html = text(client.get(path))
    assert f'href="{previous}" rel="prev"' in html
    assert f'href="{following}" rel="next"' in html


def test_leap_february_has_29_days_and_common_february_28(client, frozen_now):
    EventFactory(title="Dzień przestępny", starts_at=local(2028, 2, 29, 12))
    leap = text(client.get("/kalendarz/2028/02/"))
    common = text(client.get("/kalendarz/2027/02/"))
    assert "Wtorek, 29 lutego 2028" in leap and "Dzień przestępny" in leap
    assert "29 lutego 2027" not in common and "Niedziela, 28 lutego 2027" in common


def test_weekly_series_shows_every_week_at_the_same_local_time_across_dst(client, frozen_now):
    EventFactory(
        title="Joga", starts_at=local(2026, 10, 14, 18), ends_at=local(2026, 10, 14, 19), repeat=Event.Repeat.WEEKLY
    )
    html = text(client.get("/kalendarz/2026/10/"))
    assert html.count('<span class="month__time">18:00</span> Joga') == 3  # 14, 21, 28 October (CEST and CET)


def test_first_and_last_supported_months_have_no_link_beyond(client, frozen_now):
    assert 'rel="prev"' not in text(client.get("/kalendarz/1900/01/"))
    assert 'rel="next"' not in text(client.get("/kalendarz/2100/12/"))


@pytest.mark.parametrize(
    "path",
    [
        "/kalendarz/2026/13/",
        "/kalendarz/2026/0/",
        "/kalendarz/0/1/",
        "/kalendarz/1899/12/",
        "/kalendarz/2101/01/",
        "/kalendarz/99999999999999999999999/01/",
        "/kalendarz/2026/02/30/",
        "/kalendarz/2026/02/29/",
        "/kalendarz/2026/11/0/",
        "/kalendarz/2026/11/32/",
        "/kalendarz/-1/01/",
        "/kalendarz/abcd/01/",
        "/kalendarz/wydarzenia/nie-ma-takiego/",
        "/kalendarz/wydarzenia/nie-ma-takiego.ics",
    ],
)
def test_bad_calendar_urls_answer_404(client, frozen_now, path):
    assert client.get(path).status_code == 404


# -- day ----------------------------------------------------------------


def test_day_lists_occurrences_all_day_first_and_marks_cancelled(client, frozen_now):
    EventFactory(title="Wieczór", starts_at=local(2026, 11, 26, 19))
    EventFactory(title="Całodniowe", all_day=True)
    EventFactory(title="Odwołany koncert", starts_at=local(2026, 11, 26, 16), status=Event.Status.CANCELLED)
    EventFactory(title="Szkic", starts_at=local(2026, 11, 26, 10), status=Event.Status.DRAFT)
    html = text(client.get("/kalendarz/2026/11/26/"))
    titles = re.findall(r'class="event-card__title"><a href="[^"]+">([^<]+)</a>', html)
    assert titles == ["Całodniowe", "Odwołany koncert", "Wieczór"]
    assert "Odwołane</strong>" in html


# -- agenda ---------------------------------------------------------------


def test_agenda_lists_each_series_once_at_its_next_occurrence(client, frozen_now):
    make_many(2)
    html = text(client.get("/kalendarz/wydarzenia/"))
    assert html.count(">Spotkania seniorów</a>") == 1
    assert "Środa, 2 grudnia 2026, 17:00" in html  # next occurrence, cancelled
    assert "Wyniki: 5" in html


def test_agenda_paginates_singles_and_series_in_order(client, frozen_now):
    for n in range(25):
        EventFactory(title=f"Pojedyncze {n:02d}", starts_at=local(2026, 12, 1, 8) + datetime.timedelta(days=n))
    EventFactory(
        title="Seria",
        starts_at=local(2026, 1, 5, 12),
        ends_at=local(2026, 1, 5, 13),
        repeat=Event.Repeat.WEEKLY,
        repeat_weekdays=[0, 2, 4],
    )
    pages = [text(client.get(f"/kalendarz/wydarzenia/?page={n}")) for n in (1, 2)]
    titles = [t for page in pages for t in re.findall(r'class="event-card__title"><a href="[^"]+">([^<]+)</a>', page)]
    assert titles[0] == "Seria"  # Friday 27 November
    assert titles[1:] == [f"Pojedyncze {n:02d}" for n in range(25)]


@pytest.mark.parametrize(
    "query",
    [
        "kategoria=nie-ma",
        "dzielnica=%00",
        "organizacja=x" * 50,
        "od=2026-02-30",
        "od=0001-01-01",
        "do=99999-01-01",
        "od=2026-12-01&do=2026-11-01",
        "page=abc",
        "page=99999",
        "page=-1",
        "bezplatne=maybe",
        "q=" + "%27%22%3Cscript%3E" * 20,
    ],
)
def test_agenda_bad_filter_values_render_a_normal_page(client, frozen_now, query):
    EventFactory()
    response = client.get(f"/kalendarz/wydarzenia/?{query}")
    assert response.status_code == 200


def test_agenda_shows_a_form_error_for_an_unknown_category(client, frozen_now):
    EventFactory()
    html = text(client.get("/kalendarz/wydarzenia/?kategoria=nie-ma"))
    assert "Nie ma takiej kategorii." in html
    assert "Wyniki: 1" in html


@pytest.mark.parametrize("query", ["od=1899-12-31", "do=2101-01-01"])
def test_agenda_explains_a_date_outside_the_calendars_years_and_lists_from_today(client, frozen_now, query):
    EventFactory()
    html = text(client.get(f"/kalendarz/wydarzenia/?{query}"))
    assert "Podaj datę z lat 1900–2100." in html
    assert "Wyniki: 1" in html


def test_agenda_filters_by_category_district_organization_free_accessible_and_dates(client, frozen_now):
    district = District.objects.create(name="Dzielnica Testowa", slug="tysiaclecie-test")
    organization = Organization.objects.create(
        name="Fundacja Testowa", slug="fundacja-testowa", legal_form="fundacja", status="published"
    )
    category = EventCategoryFactory(slug="warsztaty", name="Warsztaty")
    match = EventFactory(
        title="Pasuje", category=category, district=district, organizer=organization, is_free=True,
        wheelchair_access=True, starts_at=local(2026, 12, 5, 10),
    )  # fmt: skip
    EventFactory(
        title="Inna kategoria",
        district=district,
        organizer=organization,
        wheelchair_access=True,
        starts_at=local(2026, 12, 5, 10),
    )
    EventFactory(
        title="Płatne",
        category=category,
        district=district,
        organizer=organization,
        is_free=False,
        wheelchair_access=True,
        starts_at=local(2026, 12, 5, 10),
    )
    EventFactory(
        title="Później",
        category=category,
        district=district,
        organizer=organization,
        wheelchair_access=True,
        starts_at=local(2027, 1, 5, 10),
    )
    query = (
        "kategoria=warsztaty&dzielnica=tysiaclecie-test&organizacja=fundacja-testowa"
        "&bezplatne=1&dostepne=1&od=2026-12-01&do=2026-12-31"
    )
    html = text(client.get(f"/kalendarz/wydarzenia/?{query}"))
    assert re.findall(r'class="event-card__title"><a href="[^"]+">([^<]+)</a>', html) == [match.title]


# -- detail ---------------------------------------------------------------


def test_detail_links_organizer_to_registry_and_ics(client, frozen_now):
    organization = Organization.objects.create(
        name="Fundacja Oczami Brata", slug="fundacja-oczami-brata", legal_form="fundacja", status="published"
    )
    event = EventFactory(organizer=organization, organizer_name="")
    html = text(client.get(event.get_absolute_url()))
    assert '<a href="/organizacje/fundacja-oczami-brata/">Fundacja Oczami Brata</a>' in html
    assert f'href="{event.get_ics_url()}"' in html


def test_detail_structured_data_says_cancelled(client, frozen_now):
    event = EventFactory(status=Event.Status.CANCELLED, is_free=False, price="20 zł, ulgowy 10 zł")
    html = client.get(event.get_absolute_url()).content.decode()
    data = __import__("json").loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    )
    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    assert data["offers"]["price"] == "20"
    assert data["startDate"] == "2026-11-26T18:00:00+01:00"


@pytest.mark.parametrize("status", [Event.Status.DRAFT, Event.Status.PENDING, Event.Status.REJECTED])
def test_unpublished_event_is_not_found_for_visitors_but_previewed_by_staff(client, admin_client, frozen_now, status):
    event = EventFactory(status=status, rejection_reason="Duplikat" if status == Event.Status.REJECTED else "")
    assert client.get(event.get_absolute_url()).status_code == 404
    assert client.get(event.get_ics_url()).status_code == 404
    assert admin_client.get(event.get_absolute_url()).status_code == 200


def test_unpublished_events_are_on_no_public_page(client, frozen_now):
    EventFactory(title="Tajne wydarzenie", status=Event.Status.PENDING)
    for path in ["/", "/kalendarz/", "/kalendarz/2026/11/26/", "/kalendarz/wydarzenia/", "/kalendarz.ics"]:
        assert "Tajne wydarzenie" not in client.get(path).content.decode()


# -- mini calendar --------------------------------------------------------


def test_mini_calendar_on_every_page_links_days_with_events(client, frozen_now):
    EventFactory(starts_at=local(2026, 11, 27, 18))
    html = text(client.get(reverse("statement")))
    assert 'href="/kalendarz/2026/11/27/"><span aria-hidden="true">27</span>' in html
    assert 'href="/kalendarz/2026/11/28/"' not in html


def test_mini_calendar_links_a_new_events_day_and_drops_a_deleted_ones_at_once(client, frozen_now):
    EventFactory(starts_at=local(2026, 11, 27, 18))
    client.get(reverse("statement"))  # the month's table, kept
    added = EventFactory(starts_at=local(2026, 11, 28, 18))
    assert 'href="/kalendarz/2026/11/28/"' in text(client.get(reverse("statement")))
    added.delete()
    html = text(client.get(reverse("statement")))
    assert 'href="/kalendarz/2026/11/28/"' not in html
    assert 'href="/kalendarz/2026/11/27/"' in html


def test_mini_calendar_in_each_language_links_that_languages_day_pages(client, frozen_now):
    EventFactory(starts_at=local(2026, 11, 27, 18))
    client.get(reverse("statement"))
    assert 'href="/uk/kalendarz/2026/11/27/"' in text(client.get("/uk/deklaracja-dostepnosci/"))
    assert 'href="/en/kalendarz/2026/11/27/"' in text(client.get("/en/deklaracja-dostepnosci/"))


def test_mini_calendar_month_from_query_parameter_and_fragment_endpoint(client, frozen_now):
    EventFactory(starts_at=local(2027, 1, 8, 18))
    page = text(client.get("/deklaracja-dostepnosci/?kalendarz=2027-01"))
    fragment = text(client.get("/kalendarz/mini/?kalendarz=2027-01&strona=/deklaracja-dostepnosci/"))
    for html in (page, fragment):
        assert 'href="/kalendarz/2027/01/08/"' in html
        assert 'href="/deklaracja-dostepnosci/?kalendarz=2026-12#mini-calendar-previous"' in html
    assert "<html" not in fragment


@pytest.mark.parametrize("value", ["2026-13", "abc", "0-0", "99999-01", "2026", "--"])
def test_mini_calendar_ignores_bad_month_parameter(client, frozen_now, value):
    response = client.get(f"/?kalendarz={value}")
    assert response.status_code == 200
    assert "Listopad 2026" in response.content.decode()


def test_mini_fragment_refuses_foreign_page_paths(client, frozen_now):
    html = text(client.get("/kalendarz/mini/?kalendarz=2027-01&strona=https://evil.example/"))
    assert "evil.example" not in html


def test_home_page_lists_upcoming_events(client, frozen_now):
    EventFactory(title="Gala Ekonomii Społecznej", starts_at=local(2026, 12, 4, 18))
    EventFactory(title="Minione", starts_at=local(2026, 11, 2, 18))
    html = text(client.get("/"))
    assert "Gala Ekonomii Społecznej" in html
    assert "Minione" not in html


# -- query counts -----------------------------------------------------------


def _count_queries(django_assert_num_queries, client, path, expected):
    with django_assert_num_queries(expected):
        assert client.get(path).status_code == 200


@pytest.mark.parametrize("many", [False, True], ids=["one-event", "many-with-series"])
@pytest.mark.parametrize(
    ("path", "expected"),
    [
        # 1 site settings (layout), 1 occurrences starting on each day of the visible weeks (counts),
        # 1 the first few of each day and the multi-day ones (with their events), 1 banners
        # (the month page has no mini calendar beside it)
        ("/kalendarz/2026/11/", 4),
        # 1 site settings, 1 count and 1 page of the day's occurrences (with their events), 1 mini calendar, 1 banners
        ("/kalendarz/2026/11/26/", 5),
        # agenda: 1 site settings, 1 categories, 1 districts, 1 organizers (filter selects), 1 multi-day
        # events begun before today, 1 count and 1 page of the others (with their events), 1 mini calendar, 1 banners
        ("/kalendarz/wydarzenia/?page=1", 9),
        # a category or organization filter: + 1 lookup of the chosen one
        ("/kalendarz/wydarzenia/?kategoria=spotkania&bezplatne=1&od=2026-11-26", 10),
        ("/kalendarz/wydarzenia/?organizacja=fundacja-q", 10),
        # 1 site settings (feed name), 1 the chosen events' first, cancelled and moved occurrences (with the events)
        ("/kalendarz.ics", 2),
        # the mini calendar fragment: 1 days of the month's occurrences
        ("/kalendarz/mini/?kalendarz=2026-12", 1),
    ],
)
def test_query_count_is_the_same_for_one_event_and_many(
    client, django_assert_num_queries, site_settings, frozen_now, many, path, expected
):
    organization = Organization.objects.create(
        name="Fundacja Q", slug="fundacja-q", legal_form="fundacja", status="published"
    )
    events = make_many() if many else [EventFactory(category=EventCategoryFactory(slug="spotkania"))]
    Event.objects.filter(pk__in=[e.pk for e in events]).update(organizer=organization)
    _count_queries(django_assert_num_queries, client, path, expected)


@pytest.mark.parametrize("many", [False, True], ids=["one-event", "many-with-series"])
def test_detail_and_ics_query_counts_do_not_depend_on_series_size(
    client, django_assert_num_queries, site_settings, frozen_now, many
):
    event = make_many()[-2] if many else EventFactory()  # [-2]: the weekly series with exceptions
    DocumentFactory.create_batch(3 if many else 1, owner=event)
    # 1 the next dates with the event (category, organizer, district), 1 documents, 1 site settings,
    # 1 mini calendar, 1 banners
    _count_queries(django_assert_num_queries, client, event.get_absolute_url(), 5)
    # 1 the event's first, cancelled and moved occurrences, with the event
    _count_queries(django_assert_num_queries, client, event.get_ics_url(), 1)


@pytest.mark.parametrize("many", [False, True], ids=["one-event", "many-with-series"])
def test_home_and_organization_blocks_cost_one_query_each(many, frozen_now):
    from django.db import connection
    from django.template import Context, Template
    from django.test.utils import CaptureQueriesContext

    organization = Organization.objects.create(
        name="Fundacja Q", slug="fundacja-q", legal_form="fundacja", status="published"
    )
    events = make_many() if many else [EventFactory()]
    Event.objects.filter(pk__in=[e.pk for e in events]).update(organizer=organization)
    template = Template("{% load events %}{% upcoming_events %}{% organization_events organization %}")
    with CaptureQueriesContext(connection) as queries:
        html = template.render(Context({"organization": organization}))
    # each block: 1 the first occurrences (multi-day ones begun before today, then from today on) with their events
    assert len(queries) == 2
    assert html.count("event-card__title") == (5 + 9 if many else 2)  # home shows 5, the organization all 9


def test_organization_page_lists_its_upcoming_events(client, frozen_now):
    organization = Organization.objects.create(
        name="Fundacja Q", slug="fundacja-q", legal_form="fundacja", status="published"
    )
    EventFactory(title="Piknik fundacji", organizer=organization, starts_at=local(2026, 12, 5, 12))
    EventFactory(title="Cudze wydarzenie", starts_at=local(2026, 12, 5, 12))
    html = text(client.get(organization.get_absolute_url()))
    assert "Piknik fundacji" in html
    assert "Cudze wydarzenie" not in html


# -- an end date before the (default) start ---------------------------------


@pytest.mark.parametrize("query", ["do=2026-11-10", "od=abc&do=2025-01-01", "do=2026-11-25"])
def test_agenda_end_date_before_today_is_a_form_error_not_a_500(client, frozen_now, query):
    EventFactory(title="Jutro", starts_at=local(2026, 11, 27, 10))
    response = client.get(f"/kalendarz/wydarzenia/?{query}")
    assert response.status_code == 200
    html = text(response)
    assert "Do dnia: Data końcowa nie może być wcześniejsza niż dzisiejsza" in html
    assert "Jutro" in html  # the bad filter is ignored, as other bad filters are


def test_agenda_end_date_today_without_start_is_fine(client, frozen_now):
    EventFactory(title="Dziś wieczorem", starts_at=local(2026, 11, 26, 18))
    html = text(client.get("/kalendarz/wydarzenia/?do=2026-11-26"))
    assert "Dziś wieczorem" in html and "form-error" not in html


def test_overlapping_with_an_inverted_range_is_empty_not_an_error(frozen_now):
    EventFactory()
    assert list(Occurrence.objects.overlapping(local(2026, 11, 26), local(2026, 11, 1))) == []
    assert Occurrence.objects.overlapping(local(2026, 11, 26), local(2026, 11, 26)).count() == 0


def test_series_with_a_long_gap_before_its_end_shows_its_last_date(client, frozen_now):
    EventFactory(
        title="Kwartalne spotkanie", starts_at=local(2027, 1, 15, 17), ends_at=local(2027, 1, 15, 19),
        repeat=Event.Repeat.MONTHLY, repeat_interval=3, repeat_until=datetime.date(2027, 6, 30),
    )  # fmt: skip
    april = text(client.get("/kalendarz/2027/04/"))
    assert '<span class="month__time">17:00</span> Kwartalne spotkanie' in april
    mini = text(client.get("/kalendarz/mini/?kalendarz=2027-04"))
    assert 'href="/kalendarz/2027/04/15/"><span aria-hidden="true">15</span>' in mini
    assert "Kwartalne spotkanie" in text(client.get("/kalendarz/2027/04/15/"))
    agenda = text(client.get("/kalendarz/wydarzenia/?od=2027-02-01"))
    assert "Kwartalne spotkanie" in agenda and "Czwartek, 15 kwietnia 2027, 17:00" in agenda


def test_mini_fragment_merges_the_month_into_the_page_query_string(client, frozen_now):
    html = client.get(
        "/kalendarz/mini/?kalendarz=2026-04&strona=%2Forganizacje%2F%3Fq%3Dfundacja%26page%3D2%26kalendarz%3D2026-01"
    ).content.decode()
    assert 'href="/organizacje/?q=fundacja&amp;page=2&amp;kalendarz=2026-03#mini-calendar-previous"' in html
    assert 'href="/organizacje/?q=fundacja&amp;page=2&amp;kalendarz=2026-05#mini-calendar-next"' in html
    # the next fragment keeps the page and its query, once
    fragment = re.search(r'data-mini-nav="next" data-fragment-url="([^"]+)"', html).group(1).replace("&amp;", "&")
    from urllib.parse import parse_qs, urlsplit

    assert parse_qs(urlsplit(fragment).query) == {
        "kalendarz": ["2026-05"],
        "strona": ["/organizacje/?q=fundacja&page=2"],
    }


@pytest.mark.parametrize(
    "page", ["//evil.example/", "/\\evil.example/", "https://evil.example/", "evil", "%2F%2Fevil.example%2F%3Fa%3D1"]
)
def test_mini_fragment_keeps_only_same_site_paths(client, frozen_now, page):
    html = client.get(f"/kalendarz/mini/?kalendarz=2027-01&strona={page}").content.decode()
    assert "evil" not in html
    assert 'href="/?kalendarz=2026-12#mini-calendar-previous"' in html


def test_head_requests_are_answered_on_every_calendar_url(client, frozen_now):
    event = EventFactory(slug="gala")
    for path in [
        "/kalendarz/",
        "/kalendarz/2026/11/",
        "/kalendarz/2026/11/26/",
        "/kalendarz/wydarzenia/",
        event.get_absolute_url(),
        event.get_ics_url(),
        "/kalendarz.ics",
        "/kalendarz/mini/?kalendarz=2026-12",
    ]:
        response = client.head(path)
        assert response.status_code == 200, path
        assert response.content == b"", path
    assert client.post("/kalendarz/wydarzenia/").status_code == 405


# -- an organizer from the registry only when the registry shows it --------------


@pytest.mark.parametrize("org_status", ["pending", "rejected"])
@pytest.mark.parametrize("fallback", ["", "Koło Gospodyń Wiejskich"])
def test_unpublished_registry_organizer_is_shown_nowhere(client, frozen_now, org_status, fallback):
    import json

    import icalendar

    organization = Organization.objects.create(
        name="Fundacja Ukryta", slug="fundacja-ukryta", legal_form="fundacja", status=org_status,
        rejection_reason="Brak danych." if org_status == "rejected" else "",
    )  # fmt: skip
    event = EventFactory(organizer=organization, organizer_name=fallback, contact_email="kontakt@example.org")
    assert event.organizer_display == fallback
    pages = {
        "card": client.get("/kalendarz/wydarzenia/").content.decode(),
        "detail": client.get(event.get_absolute_url()).content.decode(),
        "ics": client.get(event.get_ics_url()).content.decode(),
        "feed": client.get("/kalendarz.ics").content.decode(),
    }
    for name, content in pages.items():
        assert "Ukryta" not in content and "fundacja-ukryta" not in content, name
    detail = pages["detail"]
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', detail, re.S).group(1))
    (vevent,) = icalendar.Calendar.from_ical(pages["ics"]).walk("VEVENT")
    if fallback:
        assert data["organizer"] == {"@type": "Organization", "name": fallback}
        assert vevent["ORGANIZER"].params["CN"] == fallback
        assert f"Organizator: {fallback}" in str(vevent["DESCRIPTION"])
        assert f"<dd>{fallback}</dd>" in text(client.get(event.get_absolute_url()))
        assert fallback in pages["card"]
    else:
        assert "organizer" not in data
        assert "ORGANIZER" not in vevent
        assert "Organizator" not in detail.split('<dl class="facts')[1]


def test_published_registry_organizer_is_linked_with_a_co_organizer(client, frozen_now):
    organization = Organization.objects.create(
        name="Fundacja Jawna", slug="fundacja-jawna", legal_form="fundacja", status="published"
    )
    event = EventFactory(organizer=organization, organizer_name="Koło Gospodyń Wiejskich")
    html = text(client.get(event.get_absolute_url()))
    assert '<dd><a href="/organizacje/fundacja-jawna/">Fundacja Jawna</a>, Koło Gospodyń Wiejskich</dd>' in html
    assert event.organizer_display == "Fundacja Jawna"


# -- the organization filter --------------------------------------------------


def test_agenda_has_a_visible_labelled_organizer_select(client, frozen_now):
    listed = Organization.objects.create(
        name="Fundacja Q", slug="fundacja-q", legal_form="fundacja", status="published"
    )
    Organization.objects.create(name="Bez wydarzeń", slug="bez-wydarzen", legal_form="fundacja", status="published")
    hidden = Organization.objects.create(name="Niezweryfikowana", slug="niezweryfikowana", legal_form="fundacja")
    only_drafts = Organization.objects.create(
        name="Same szkice", slug="szkice", legal_form="fundacja", status="published"
    )
    EventFactory(title="Piknik fundacji", organizer=listed)
    EventFactory(title="Cudze", organizer=hidden)
    EventFactory(organizer=only_drafts, status=Event.Status.DRAFT)
    html = text(client.get("/kalendarz/wydarzenia/"))
    assert '<label for="id_organizacja">Organizator</label>' in html
    options = re.search(r'<select name="organizacja" id="id_organizacja">(.*?)</select>', html).group(1)
    assert re.findall(r'<option value="([^"]*)"', options) == ["", "fundacja-q"]
    chosen = text(client.get("/kalendarz/wydarzenia/?organizacja=fundacja-q"))
    assert '<option value="fundacja-q" selected>Fundacja Q</option>' in chosen
    assert "Piknik fundacji" in chosen and ">Cudze<" not in chosen
    assert 'type="hidden" name="organizacja"' not in chosen


def test_organization_page_links_to_all_its_events_even_with_few(client, frozen_now):
    organization = Organization.objects.create(
        name="Fundacja Q", slug="fundacja-q", legal_form="fundacja", status="published"
    )
    EventFactory(title="Piknik fundacji", organizer=organization, starts_at=local(2026, 12, 5, 12))
    html = text(client.get(organization.get_absolute_url()))
    assert '<a href="/kalendarz/wydarzenia/?organizacja=fundacja-q">Wszystkie wydarzenia tej organizacji</a>' in html


def test_agenda_organizer_is_a_text_field_for_the_name_when_there_are_many(client, frozen_now):
    many = AgendaFilterForm.ORGANIZER_LIST_LIMIT + 1
    organizations = Organization.objects.bulk_create(
        Organization(
            name=f"Fundacja Numer {n:03d}", slug=f"fundacja-{n:03d}", legal_form="fundacja", status="published"
        )
        for n in range(many)
    )
    events = [
        Event(
            title=f"Spotkanie {n}",
            starts_at=local(2027, 1, 1, 10),
            ends_at=local(2027, 1, 1, 11),
            organizer=organization,
            status=Event.Status.PUBLISHED,
        )
        for n, organization in enumerate(organizations)
    ]
    for event in events:
        event.normalize()
    Event.objects.bulk_create(events)
    services.occurrences_store(events=events)
    EventFactory(title="Piknik fundacji", organizer=organizations[7])
    html = text(client.get("/kalendarz/wydarzenia/"))
    assert re.search(r'<input type="text" name="organizacja"[^>]*id="id_organizacja"', html)
    assert 'value="fundacja-000"' not in html
    for value in ["Fundacja Numer 007", "fundacja  numer 007", "fundacja-007"]:
        chosen = text(client.get("/kalendarz/wydarzenia/", {"organizacja": value}))
        assert titles(chosen) == ["Piknik fundacji", "Spotkanie 7"]
    unknown = {
        "Fundacja Nieznana": "Nie ma takiego organizatora wydarzeń w Bazie NGO.",
        "Fundacja\x00Numer 007": "Znaki null są niedozwolone.",
    }
    for value, error in unknown.items():
        response = client.get("/kalendarz/wydarzenia/", {"organizacja": value})
        assert response.status_code == 200
        assert error in text(response)
        assert titles(text(response))[:2] == ["Piknik fundacji", "Spotkanie 0"]  # the filter is left out


def titles(html):
    return re.findall(r'class="event-card__title"><a href="[^"]+">([^<]+)</a>', html)


def test_day_lists_an_event_begun_the_day_before_first_and_pages_the_rest(client, frozen_now):
    EventFactory(
        title="Targi", all_day=True, start_date=datetime.date(2026, 11, 25), end_date=datetime.date(2026, 11, 27)
    )
    for n in range(24):
        EventFactory(title=f"Spotkanie {n:02d}", starts_at=local(2026, 11, 26, 8) + datetime.timedelta(minutes=20 * n))
    pages = [text(client.get(f"/kalendarz/2026/11/26/?page={n}")) for n in (1, 2)]
    assert titles(pages[0]) == ["Targi"] + [f"Spotkanie {n:02d}" for n in range(19)]
    assert titles(pages[1]) == [f"Spotkanie {n:02d}" for n in range(19, 24)]
    assert "Wydarzenia — Czwartek, 26 listopada 2026 — strona 2" in pages[1]
    for page in ("abc", "99999", "-1", "%00"):
        assert client.get(f"/kalendarz/2026/11/26/?page={page}").status_code == 200


def test_agenda_lists_an_event_begun_before_today_first_and_counts_it_once(client, frozen_now):
    EventFactory(
        title="Wystawa", all_day=True, start_date=datetime.date(2026, 11, 20), end_date=datetime.date(2026, 12, 20)
    )
    for n in range(25):
        EventFactory(title=f"Pojedyncze {n:02d}", starts_at=local(2026, 12, 1, 8) + datetime.timedelta(days=n))
    pages = [text(client.get(f"/kalendarz/wydarzenia/?page={n}")) for n in (1, 2)]
    assert titles(pages[0]) == ["Wystawa"] + [f"Pojedyncze {n:02d}" for n in range(20)]
    assert titles(pages[1]) == [f"Pojedyncze {n:02d}" for n in range(20, 25)]
    assert "Wyniki: 26" in pages[0] and "Wyniki: 26" in pages[1]
