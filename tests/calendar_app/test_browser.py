"""The calendar in headless Chromium: axe-core in both themes, keyboard use, the mini calendar."""

import datetime

import pytest
from playwright.sync_api import expect

from calendar_app.models import Event, EventException
from organizations.models import Organization
from tests.browser import accessibility_failures, invalid_html
from tests.calendar_app.factories import EventCategoryFactory, EventExceptionFactory, EventFactory, local

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def calendar_data(transactional_db):
    """Events around "today" (the real date: the browser and the live server share the clock)."""
    from pps_portal.demo import seed_site

    seed_site()
    today = datetime.date.today()
    category = EventCategoryFactory(name="Spotkania", slug="spotkania")
    organization = Organization.objects.create(
        name="Fundacja Oczami Brata", slug="fundacja-oczami-brata", legal_form="fundacja", status="published"
    )
    at = lambda days, hour: local(*(today + datetime.timedelta(days=days)).timetuple()[:3], hour)  # noqa: E731
    event = EventFactory(
        title="Gala Ekonomii Społecznej", slug="gala", category=category, starts_at=at(0, 18), ends_at=at(0, 21),
        wheelchair_access=True, description="<p>Nagrody dla organizacji.</p>", organizer=organization,
    )  # fmt: skip
    EventFactory(title="Koncert odwołany", starts_at=at(1, 19), ends_at=at(1, 21), status=Event.Status.CANCELLED)
    EventFactory(
        title="Kiermasz", all_day=True, start_date=today + datetime.timedelta(days=2),
        end_date=today + datetime.timedelta(days=3), is_free=False, price="10 zł",
    )  # fmt: skip
    series = EventFactory(title="Gimnastyka", starts_at=at(-14, 10), ends_at=at(-14, 11), repeat=Event.Repeat.WEEKLY)
    EventExceptionFactory(event=series, occurrence_date=today + datetime.timedelta(days=7), note="Przerwa.")
    EventExceptionFactory(
        event=series, occurrence_date=today + datetime.timedelta(days=14), kind=EventException.Kind.MOVED,
        new_starts_at=at(15, 10), new_ends_at=at(15, 11),
    )  # fmt: skip
    return {"event": event, "today": today}


def month_path(date):
    return f"/kalendarz/{date:%Y}/{date:%m}/"


def calendar_paths(calendar_data):
    today = calendar_data["today"]
    return {
        "month": month_path(today),
        "day": f"/kalendarz/{today:%Y/%m/%d}/",
        "agenda": "/kalendarz/wydarzenia/?kategoria=spotkania",
        "agenda-organizer": "/kalendarz/wydarzenia/?organizacja=fundacja-oczami-brata&do=2020-01-01",
        "agenda-errors": "/kalendarz/wydarzenia/?kategoria=nie-ma&od=2026-02-30",
        "detail": calendar_data["event"].get_absolute_url(),
        "home": "/",
    }


def test_calendar_pages_have_no_axe_violations_and_no_csp_errors(page, live_server, calendar_data):
    assert accessibility_failures(page, live_server.url, list(calendar_paths(calendar_data).values())) == {}


def test_calendar_pages_are_valid_html(client, calendar_data):
    paths = calendar_paths(calendar_data)
    assert invalid_html(client, [paths["month"], "/kalendarz/wydarzenia/", paths["detail"]]) == {}


def tab_to(page, name, limit=200):
    """Press Tab until the focused element's accessible text contains `name`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        text = page.evaluate("() => document.activeElement && document.activeElement.textContent")
        if text and name in " ".join(text.split()):
            return
    raise AssertionError(f"{name!r} never got focus")


def test_month_grid_and_its_navigation_work_by_keyboard_alone(page, live_server, calendar_data):
    today = calendar_data["today"]
    following = (today.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
    page.goto(live_server.url + month_path(today))
    tab_to(page, "Następny miesiąc")
    page.keyboard.press("Enter")
    page.wait_for_url(live_server.url + month_path(following))
    tab_to(page, "Poprzedni miesiąc")
    page.keyboard.press("Enter")
    page.wait_for_url(live_server.url + month_path(today))
    # The day link of today's cell (announced as today), then the event in the cell.
    tab_to(page, "dziś")
    expect(page.locator(":focus")).to_have_attribute("aria-current", "date")
    page.keyboard.press("Enter")
    page.wait_for_url(live_server.url + f"/kalendarz/{today:%Y/%m/%d}/")
    expect(page.locator("h1")).to_contain_text("Wydarzenia")
    page.go_back()
    tab_to(page, "Gala Ekonomii Społecznej")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Gala Ekonomii Społecznej")


def test_mini_calendar_changes_month_without_reloading_and_keeps_focus(page, live_server, calendar_data):
    today = calendar_data["today"]
    following = (today.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
    page.goto(live_server.url + "/deklaracja-dostepnosci/")
    page.evaluate("() => { window.notReloaded = true; }")
    mini = page.locator("[data-mini-calendar]")
    mini.get_by_role("link", name="Następny miesiąc").focus()
    page.keyboard.press("Enter")
    caption = following.strftime("%Y")
    expect(mini.locator(".mini-calendar__month")).to_contain_text(caption)
    expect(mini.locator("[data-mini-calendar-status]")).to_contain_text(caption)
    assert page.evaluate("() => window.notReloaded") is True
    assert page.url == live_server.url + "/deklaracja-dostepnosci/"
    assert page.evaluate("() => document.activeElement.getAttribute('data-mini-nav')") == "next"


def test_mini_calendar_links_keep_the_page_query_after_a_month_change(page, live_server, calendar_data):
    today = calendar_data["today"]
    following = (today.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
    after = (following + datetime.timedelta(days=32)).replace(day=1)
    page.goto(live_server.url + "/kalendarz/wydarzenia/?kategoria=spotkania&page=1")
    mini = page.locator("[data-mini-calendar]")
    mini.get_by_role("link", name="Następny miesiąc").click()
    expect(mini.locator(".mini-calendar__month")).to_contain_text(following.strftime("%Y"))
    expect(mini.get_by_role("link", name="Następny miesiąc")).to_have_attribute(
        "href", f"/kalendarz/wydarzenia/?kategoria=spotkania&page=1&kalendarz={after:%Y-%m}#mini-calendar-next"
    )


def test_mini_calendar_works_without_javascript_and_focus_returns_to_the_link(browser, live_server, calendar_data):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    today = calendar_data["today"]
    following = (today.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
    page.goto(live_server.url + "/deklaracja-dostepnosci/")
    page.locator("[data-mini-calendar]").get_by_role("link", name="Następny miesiąc").click()
    page.wait_for_url(live_server.url + f"/deklaracja-dostepnosci/?kalendarz={following:%Y-%m}#mini-calendar-next")
    # The keyboard user is on the same link of the new month, not back at the top.
    expect(page.locator("[data-mini-calendar]").get_by_role("link", name="Następny miesiąc")).to_be_focused()
    context.close()


def test_mini_calendar_announces_only_the_month_name(page, live_server, calendar_data):
    following = (calendar_data["today"].replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
    page.goto(live_server.url + "/deklaracja-dostepnosci/")
    mini = page.locator("[data-mini-calendar]")
    mini.get_by_role("link", name="Następny miesiąc").click()
    status = mini.locator("[data-mini-calendar-status]")
    expect(status).not_to_be_empty()
    assert status.text_content() == mini.locator("[data-month-name]").text_content()
    assert following.strftime("%Y") in status.text_content()


def test_month_page_has_no_mini_calendar_beside_it(page, live_server, calendar_data):
    page.goto(live_server.url + month_path(calendar_data["today"]))
    expect(page.locator("[data-month-grid]")).to_be_visible()
    expect(page.locator("[data-mini-calendar]")).to_have_count(0)


def test_narrow_month_grid_marks_event_days_without_a_readable_character(browser, live_server, calendar_data):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(live_server.url + month_path(calendar_data["today"]))
    marker = page.evaluate(
        "() => getComputedStyle(document.querySelector('.month__day--events .month__number'), '::after').content"
    )
    assert marker == '""'  # a drawn dot: nothing for a screen reader to read
    context.close()


def test_month_reflows_at_320px_without_horizontal_scrolling(browser, live_server, calendar_data):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(live_server.url + month_path(calendar_data["today"]))
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    context.close()
