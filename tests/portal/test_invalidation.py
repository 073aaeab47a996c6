"""Every change of public content is on the very next request, however it is made.

Each test warms the cache (a hit proves the page is stored), changes
something the way editors, services or bulk code do, and asserts that the
next request is rendered again and shows the change. Time-based changes
(scheduled publication, an event ending, midnight) are exact to the second
with no command run. Transactional, against the database cache and Redis.
"""

import datetime

import pytest
import time_machine
from django.apps import apps
from django.db import connection
from django.db.models import F
from django.test import Client
from django.utils import timezone

from calendar_app import recurrence
from calendar_app.models import Event, EventCategory
from documents.models import Document
from editorial import services as editorial_services
from news.models import Category, News
from organizations.models import District, Organization
from pps_portal import invalidation
from pps_portal.models import Banner, SiteSettings
from submissions.models import Submission
from tests.admin_forms import change_form_data
from tests.calendar_app.factories import EventExceptionFactory, EventFactory
from tests.documents.factories import DocumentFactory
from tests.grants.factories import GrantCallFactory
from tests.news.factories import NewsFactory
from tests.organizations.factories import AreaFactory, DistrictFactory, OrganizationFactory, pending
from tests.pages.factories import PageFactory
from tests.submissions.helpers import contact_data

pytestmark = pytest.mark.django_db(transaction=True)


def local(year, month, day, hour=0, minute=0, second=0):
    """An aware datetime in Europe/Warsaw wall-clock time."""
    return recurrence.aware(datetime.datetime(year, month, day, hour, minute, second))


@pytest.fixture
def visitor(shared_cache, site_settings):
    return Client()


def warm(visitor, path):
    """Load `path` until it is a cache hit (at most three requests); its text.

    Usually the second request is the hit. A calendar page for dates beyond
    the stored horizon first stores them (calendar_app.services), a write the
    cache keeps no page across: then it is the third.
    """
    for _attempt in range(3):
        response = visitor.get(path)
        if response["X-Page-Cache"] == "hit":
            break
    assert response["X-Page-Cache"] == "hit", path
    return response.content.decode()


def fresh(visitor, path):
    """The next request for `path`: rendered again, not served from the cache; its text."""
    response = visitor.get(path)
    assert response["X-Page-Cache"] == "miss", path
    return response.content.decode()


def admin_change(client, obj, **changes):
    """Save `obj`'s admin change form as a browser would, with `changes`."""
    url = f"/admin/{obj._meta.app_label}/{obj._meta.model_name}/{obj.pk}/change/"
    response = client.post(url, change_form_data(client.get(url), **changes))
    assert response.status_code == 302, response.content.decode()[:3000]


def admin_action(client, model, action, objects, **extra):
    url = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
    response = client.post(url, {"action": action, "_selected_action": [o.pk for o in objects], **extra})
    assert response.status_code == 302, response.content.decode()[:3000]
    return response


# -- through admin -------------------------------------------------------------


def test_an_article_edited_in_admin_is_on_the_next_request(visitor, editor_client):
    article = NewsFactory(title="Dotacje na rok 2027")
    assert "Dotacje na rok 2027" in warm(visitor, "/")
    admin_change(editor_client, article, title="Dotacje na rok 2027 — termin przedłużony")
    assert "termin przedłużony" in fresh(visitor, "/")
    assert "termin przedłużony" in fresh(visitor, article.get_absolute_url())


def test_an_article_published_and_withdrawn_by_admin_actions(visitor, editor_client):
    draft = NewsFactory(title="Nowy punkt pomocy", status=News.Status.DRAFT, published_at=None)
    assert "Nowy punkt pomocy" not in warm(visitor, "/aktualnosci/")
    admin_action(editor_client, News, "transition_publish", [draft], apply="1", reason="")
    assert "Nowy punkt pomocy" in fresh(visitor, "/aktualnosci/")
    warm(visitor, "/aktualnosci/rss/")
    admin_action(editor_client, News, "transition_withdraw", [draft], apply="1", reason="")
    assert "Nowy punkt pomocy" not in fresh(visitor, "/aktualnosci/rss/")


def test_an_article_deleted_in_admin_leaves_every_page(visitor, editor_client):
    article = NewsFactory(title="Artykuł do usunięcia")
    warm(visitor, "/")
    warm(visitor, "/sitemap-news.xml")
    admin_action(editor_client, News, "delete_selected", [article], post="yes")
    assert not News.objects.exists()
    assert "Artykuł do usunięcia" not in fresh(visitor, "/")
    assert article.get_absolute_url() not in fresh(visitor, "/sitemap-news.xml")


def test_site_settings_edited_in_admin_change_every_footer(visitor, editor_client):
    warm(visitor, "/kalendarz/")
    admin_change(editor_client, SiteSettings.load(), office_emails="nowy-adres@czestochowa.example.pl")
    assert "nowy-adres@czestochowa.example.pl" in fresh(visitor, "/kalendarz/")


def test_a_banner_edited_in_admin_and_one_hidden_by_update(visitor, editor_client):
    banner = Banner.objects.published().order_by("pk").first()
    warm(visitor, "/")
    admin_change(editor_client, banner, title="Generator ofert 2027")
    assert "Generator ofert 2027" in fresh(visitor, "/")
    warm(visitor, "/")
    Banner.objects.filter(pk=banner.pk).update(status="withdrawn")
    assert "Generator ofert 2027" not in fresh(visitor, "/")


def test_an_event_edited_in_admin_and_a_date_of_its_series_cancelled(visitor, editor_client, editor):
    event = EventFactory(
        title="Klub seniora",
        repeat=Event.Repeat.WEEKLY,
        starts_at=local(2030, 3, 5, 10),
        ends_at=local(2030, 3, 5, 12),
    )
    warm(visitor, event.get_absolute_url())
    admin_change(editor_client, event, title="Klub seniora przy Focha")
    assert "Klub seniora przy Focha" in fresh(visitor, event.get_absolute_url())
    warm(visitor, "/kalendarz/2030/3/12/")
    # As admin saves it: the exception, then the series' stored dates (EventExceptionFactory does both).
    EventExceptionFactory(event=event, occurrence_date=datetime.date(2030, 3, 12), note="Sala zajęta")
    assert "Sala zajęta" in fresh(visitor, "/kalendarz/2030/3/12/")


def test_organizations_published_by_the_bulk_admin_action(visitor, editor_client):
    waiting = pending(name="Stowarzyszenie Nowa Droga")
    assert "Stowarzyszenie Nowa Droga" not in warm(visitor, "/organizacje/")
    admin_action(editor_client, Organization, "transition_publish", [waiting], apply="1", reason="")
    assert Organization.objects.get(pk=waiting.pk).status == Organization.Status.PUBLISHED
    assert "Stowarzyszenie Nowa Droga" in fresh(visitor, "/organizacje/")


def test_an_information_page_edited_and_moved_in_admin_answers_at_once(visitor, editor_client):
    page = PageFactory(title="Świadczenia rodzinne", slug="swiadczenia")
    assert "Świadczenia rodzinne" in warm(visitor, "/informacje/")
    warm(visitor, "/informacje/swiadczenia/")
    admin_change(editor_client, page, title="Świadczenia rodzinne 2027", slug="swiadczenia-2027")
    assert "Świadczenia rodzinne 2027" in fresh(visitor, "/informacje/")
    # The old address's cached page is gone: it answers the redirect the move recorded.
    moved = visitor.get("/informacje/swiadczenia/")
    assert (moved.status_code, moved["Location"]) == (301, "/informacje/swiadczenia-2027/")


def test_a_document_withdrawn_in_admin_leaves_the_library_and_its_article(visitor, editor_client):
    document = DocumentFactory(title="Regulamin naboru 2027")
    article = document.owner.get_absolute_url()
    assert "Regulamin naboru 2027" in warm(visitor, "/dokumenty/")
    assert "Regulamin naboru 2027" in warm(visitor, article)
    admin_action(editor_client, Document, "transition_withdraw", [document], apply="1", reason="")
    assert "Regulamin naboru 2027" not in fresh(visitor, "/dokumenty/")
    assert "Regulamin naboru 2027" not in fresh(visitor, article)


# -- through services and bulk code --------------------------------------------


def test_an_information_page_and_a_document_through_the_editorial_service(visitor, editor):
    page = PageFactory(title="Karta Dużej Rodziny")
    document = DocumentFactory(title="Wniosek o kartę", owner=page)
    assert "Wniosek o kartę" in warm(visitor, page.get_absolute_url())
    editorial_services.transition(document, "withdraw", actor=editor, reason="Nowy wzór wniosku")
    assert "Wniosek o kartę" not in fresh(visitor, page.get_absolute_url())
    warm(visitor, "/informacje/")
    editorial_services.transition(page, "withdraw", actor=editor, reason="")
    assert "Karta Dużej Rodziny" not in fresh(visitor, "/informacje/")
    assert visitor.get(page.get_absolute_url()).status_code == 404


def test_the_editorial_service_publishes_and_withdraws(visitor, editor):
    draft = NewsFactory(title="Bon senioralny", status=News.Status.DRAFT, published_at=None)
    warm(visitor, "/")
    editorial_services.transition(draft, "publish", actor=editor)
    assert "Bon senioralny" in fresh(visitor, "/")
    warm(visitor, "/szukaj/?q=senioralny")
    editorial_services.transition(draft, "withdraw", actor=editor, reason="")
    assert "Bon senioralny" not in fresh(visitor, "/szukaj/?q=senioralny")


def test_bulk_transitions_of_organizations_invalidate(visitor, editor):
    organization = OrganizationFactory(name="Fundacja Światło")
    warm(visitor, organization.get_absolute_url())
    editorial_services.transition_many([organization], "withdraw", actor=editor, reason="Wykreślona z KRS.")
    assert visitor.get(organization.get_absolute_url()).status_code == 404
    warm(visitor, "/organizacje/")
    editorial_services.transition_many([organization], "publish", actor=editor)
    assert "Fundacja Światło" in fresh(visitor, "/organizacje/")


def test_calendar_transitions_cancel_and_publish(visitor, editor):
    event = EventFactory(title="Koncert charytatywny", starts_at=local(2030, 6, 1, 18), ends_at=local(2030, 6, 1, 20))
    warm(visitor, event.get_absolute_url())
    editorial_services.transition(event, "cancel", actor=editor, reason="Choroba wykonawcy")
    assert "Odwołane" in fresh(visitor, event.get_absolute_url())
    draft = EventFactory(title="Warsztaty kulinarne", status=Event.Status.PENDING, starts_at=local(2030, 6, 2, 10))
    warm(visitor, "/kalendarz/2030/6/")
    editorial_services.transition(draft, "publish", actor=editor)
    assert "Warsztaty kulinarne" in fresh(visitor, "/kalendarz/2030/6/")


def test_categories_areas_and_districts_renamed_reach_the_pages_that_show_them(visitor):
    news_category = NewsFactory().category
    area = AreaFactory(name="Pomoc społeczna")
    district = DistrictFactory(name="Tysiąclecie")
    organization = OrganizationFactory(areas=[area], district=district)
    event_category = EventCategory.objects.create(name="Warsztaty", slug="warsztaty")
    EventFactory(category=event_category, starts_at=local(2030, 6, 3, 10))
    warm(visitor, "/aktualnosci/")
    Category.objects.filter(pk=news_category.pk).update(name="Seniorzy")
    assert "Seniorzy" in fresh(visitor, "/aktualnosci/")
    warm(visitor, organization.get_absolute_url())
    area.name = "Wsparcie rodzin"
    area.save()
    assert "Wsparcie rodzin" in fresh(visitor, organization.get_absolute_url())
    warm(visitor, organization.get_absolute_url())
    District.objects.filter(pk=district.pk).update(name="Wrzosowiak")
    assert "Wrzosowiak" in fresh(visitor, organization.get_absolute_url())
    warm(visitor, "/kalendarz/wydarzenia/")
    EventCategory.objects.filter(pk=event_category.pk).update(name="Spotkania")
    assert "Spotkania" in fresh(visitor, "/kalendarz/wydarzenia/")


def test_many_to_many_changes_invalidate(visitor):
    area = AreaFactory(name="Kultura")
    organization = OrganizationFactory(name="Teatr Mały")
    path = f"/organizacje/?obszar={area.slug}"
    assert "Teatr Mały" not in warm(visitor, path)
    organization.areas.add(area)
    assert "Teatr Mały" in fresh(visitor, path)
    warm(visitor, path)
    organization.areas.clear()
    assert "Teatr Mały" not in fresh(visitor, path)


def test_bulk_create_and_raw_sql_through_django_invalidate(visitor):
    category = NewsFactory().category
    warm(visitor, "/aktualnosci/")
    News.objects.bulk_create(
        [
            News(title=f"Komunikat {n}", slug=f"komunikat-{n}", lead="Lead", category=category,
                 status=News.Status.PUBLISHED, published_at=timezone.now())
            for n in range(3)
        ]
    )  # fmt: skip
    assert "Komunikat 2" in fresh(visitor, "/aktualnosci/")
    warm(visitor, "/aktualnosci/")
    with connection.cursor() as cursor:
        # title_pl: the Polish column pages print (django-modeltranslation; `title` holds the same text).
        cursor.execute(
            "UPDATE news_news SET title = 'Komunikat poprawiony', title_pl = 'Komunikat poprawiony' WHERE slug = %s",
            ["komunikat-1"],
        )
    assert "Komunikat poprawiony" in fresh(visitor, "/aktualnosci/")


def test_a_rolled_back_write_leaves_the_cache_alone(visitor):
    NewsFactory(title="Stały artykuł")
    warm(visitor, "/")
    with pytest.raises(RuntimeError), transaction_atomic():
        News.objects.update(title="Nigdy zapisany")
        raise RuntimeError
    assert visitor.get("/")["X-Page-Cache"] == "hit"


def transaction_atomic():
    from django.db import transaction

    return transaction.atomic()


def test_every_content_model_invalidates_and_the_moderation_queue_does_not(visitor):
    """Discovered from the app registry: a model added later by any app is covered (or named as ignored)."""
    checked = []
    for model in apps.get_models(include_auto_created=True):
        if model._meta.proxy or not model._meta.managed:
            continue
        warm(visitor, "/")
        # An UPDATE matching no row: nothing changes, but Django sends the statement.
        key = model._meta.pk.name
        model._base_manager.filter(**{f"{key}__isnull": True}).update(**{key: F(key)})
        expected = "miss" if model._meta.db_table in invalidation.content_tables() else "hit"
        assert visitor.get("/")["X-Page-Cache"] == expected, model._meta.label
        checked.append((model._meta.label, expected))
    assert {
        ("news.News", "miss"),
        ("calendar_app.EventException", "miss"),
        ("organizations.Organization_areas", "miss"),
        ("pps_portal.SiteSettings", "miss"),
        ("submissions.Submission", "hit"),
        ("sessions.Session", "hit"),
    } <= set(checked)


def test_a_public_submission_leaves_cached_pages_alone(visitor):
    warm(visitor, "/")
    Client().post("/kontakt/", contact_data())
    assert Submission.objects.count() == 1
    assert visitor.get("/")["X-Page-Cache"] == "hit"


def test_asking_for_an_update_link_leaves_cached_pages_alone(visitor):
    from organizations.models import UpdateLink
    from tests.organizations.factories import OrganizationFactory
    from tests.submissions.helpers import update_link_request_data

    organization = OrganizationFactory(email="biuro@example.org")
    warm(visitor, "/")
    Client().post(f"/organizacje/{organization.slug}/aktualizacja/", update_link_request_data())
    assert UpdateLink.objects.count() == 1
    assert visitor.get("/")["X-Page-Cache"] == "hit"


# -- time ----------------------------------------------------------------------


def test_a_scheduled_article_appears_at_its_minute_with_the_cache_warm(visitor):
    with time_machine.travel(local(2030, 5, 4, 9, 0), tick=False) as traveller:
        NewsFactory(title="Rusza nabór do programu", published_at=local(2030, 5, 4, 10, 0))
        assert "Rusza nabór do programu" not in warm(visitor, "/")
        traveller.move_to(local(2030, 5, 4, 9, 59, 59))
        assert "Rusza nabór do programu" not in warm(visitor, "/")
        traveller.move_to(local(2030, 5, 4, 10, 0))
        assert "Rusza nabór do programu" in fresh(visitor, "/")
        assert "Rusza nabór do programu" in fresh(visitor, "/aktualnosci/rss/")


def test_an_article_and_a_banner_expire_at_their_minute_with_the_cache_warm(visitor):
    with time_machine.travel(local(2030, 5, 4, 9, 0), tick=False) as traveller:
        NewsFactory(title="Nabór do piątku", visible_until=local(2030, 5, 4, 16, 0))
        Banner.objects.create(
            title="Zapisy do 15:00", url="/kalendarz/", status="published", visible_until=local(2030, 5, 4, 15, 0)
        )
        page = warm(visitor, "/")
        assert "Nabór do piątku" in page and "Zapisy do 15:00" in page
        traveller.move_to(local(2030, 5, 4, 14, 59, 59))
        assert "Zapisy do 15:00" in warm(visitor, "/")
        traveller.move_to(local(2030, 5, 4, 15, 0))
        page = fresh(visitor, "/")
        assert "Zapisy do 15:00" not in page and "Nabór do piątku" in page
        traveller.move_to(local(2030, 5, 4, 15, 59, 59))
        assert "Nabór do piątku" in warm(visitor, "/aktualnosci/atom/")
        traveller.move_to(local(2030, 5, 4, 16, 0))
        assert "Nabór do piątku" not in fresh(visitor, "/aktualnosci/atom/")
        assert "Nabór do piątku" not in fresh(visitor, "/")


def test_a_document_expires_at_its_minute_with_the_cache_warm(visitor):
    with time_machine.travel(local(2030, 5, 4, 9, 0), tick=False) as traveller:
        DocumentFactory(title="Ogłoszenie o naborze", visible_until=local(2030, 5, 4, 12, 0))
        traveller.move_to(local(2030, 5, 4, 11, 59, 59))
        assert "Ogłoszenie o naborze" in warm(visitor, "/dokumenty/")
        traveller.move_to(local(2030, 5, 4, 12, 0))
        assert "Ogłoszenie o naborze" not in fresh(visitor, "/dokumenty/")


def test_every_date_time_column_of_content_ends_a_cached_pages_life(visitor):
    """Without any app registering it: a grant call's deadline, an event's start, any later kind's moment."""
    fields = {
        (model._meta.label, name) for model, names in invalidation.stored_moment_fields().items() for name in names
    }
    assert {("calendar_app.Event", "starts_at"), ("calendar_app.EventException", "new_starts_at")} <= fields
    # Stamped by Django (always past), or asked by the workflow for public items only.
    assert not {("news.News", "created_at"), ("news.News", "published_at"), ("pages.Page", "updated_at")} & fields
    with time_machine.travel(local(2030, 5, 4, 12, 0), tick=False) as traveller:
        EventFactory(title="Dyżur doradcy", starts_at=local(2030, 5, 4, 12, 20), ends_at=local(2030, 5, 4, 16, 0))
        warm(visitor, "/organizacje/")
        traveller.move_to(local(2030, 5, 4, 12, 19, 59))
        assert visitor.get("/organizacje/")["X-Page-Cache"] == "hit"
        traveller.move_to(local(2030, 5, 4, 12, 20))
        assert visitor.get("/organizacje/")["X-Page-Cache"] == "miss"


def test_a_finished_event_leaves_the_upcoming_lists_when_it_ends(visitor):
    with time_machine.travel(local(2030, 5, 4, 17, 0), tick=False) as traveller:
        event = EventFactory(title="Festyn rodzinny", starts_at=local(2030, 5, 4, 15), ends_at=local(2030, 5, 4, 18))
        assert "Festyn rodzinny" in warm(visitor, "/kalendarz/wydarzenia/")
        assert "Festyn rodzinny" in warm(visitor, "/")
        traveller.move_to(local(2030, 5, 4, 17, 59, 59))
        assert "Festyn rodzinny" in warm(visitor, "/kalendarz/wydarzenia/")
        # Listed up to and including its last instant; a page rendered then is not kept past it.
        traveller.move_to(local(2030, 5, 4, 18, 0))
        fresh(visitor, "/kalendarz/wydarzenia/")
        traveller.move_to(local(2030, 5, 4, 18, 0, 1))
        assert "Festyn rodzinny" not in fresh(visitor, "/kalendarz/wydarzenia/")
        assert "Festyn rodzinny" not in fresh(visitor, "/")
        assert "Termin (minął)" in fresh(visitor, event.get_absolute_url())


def test_a_series_moves_to_its_next_date_when_one_ends(visitor):
    with time_machine.travel(local(2030, 5, 6, 9, 0), tick=False) as traveller:
        event = EventFactory(
            title="Joga w parku",
            repeat=Event.Repeat.WEEKLY,
            starts_at=local(2030, 5, 6, 8),
            ends_at=local(2030, 5, 6, 10),
        )
        assert "6 maja 2030" in warm(visitor, event.get_absolute_url())
        traveller.move_to(local(2030, 5, 6, 10, 0))
        html = fresh(visitor, event.get_absolute_url())
        assert "13 maja 2030" in html.split("Najbliższy termin")[1][:400]


def test_the_feed_drops_an_event_a_month_after_it_ends(visitor):
    with time_machine.travel(local(2030, 5, 4, 12, 0), tick=False) as traveller:
        EventFactory(title="Dzień otwarty", starts_at=local(2030, 5, 4, 9), ends_at=local(2030, 5, 4, 11))
        assert "Dzień otwarty" in warm(visitor, "/kalendarz.ics")
        traveller.move_to(local(2030, 6, 4, 10, 59))
        assert "Dzień otwarty" in warm(visitor, "/kalendarz.ics")
        traveller.move_to(local(2030, 6, 4, 11, 0))
        fresh(visitor, "/kalendarz.ics")
        traveller.move_to(local(2030, 6, 4, 11, 0, 1))
        assert "Dzień otwarty" not in fresh(visitor, "/kalendarz.ics")


def test_a_grant_call_closes_at_its_deadline_and_leaves_the_feed_a_month_later(visitor):
    """Its phase follows its date-time columns (registered by nobody); the feed's month is the app's own."""
    with time_machine.travel(local(2030, 5, 4, 9, 0), tick=False) as traveller:
        call = GrantCallFactory(
            title="Konkurs Seniorzy 2030",
            applications_open_at=local(2030, 5, 4, 10, 0),
            deadline_at=local(2030, 5, 4, 15, 0),
        )
        assert "Zapowiedziany" in warm(visitor, call.get_absolute_url())
        traveller.move_to(local(2030, 5, 4, 10, 0, 1))
        assert "Trwa nabór" in fresh(visitor, call.get_absolute_url())
        assert "Konkurs Seniorzy 2030" in warm(visitor, "/")  # the home page's open calls
        traveller.move_to(local(2030, 5, 4, 14, 59, 59))
        assert "Trwa nabór" in warm(visitor, call.get_absolute_url())
        traveller.move_to(local(2030, 5, 4, 15, 0))
        assert "Ocena ofert" in fresh(visitor, call.get_absolute_url())
        assert "Konkurs Seniorzy 2030" not in fresh(visitor, "/")
        traveller.move_to(local(2030, 6, 4, 14, 59))
        assert "Konkurs Seniorzy 2030" in warm(visitor, "/konkursy.ics")
        traveller.move_to(local(2030, 6, 4, 15, 0, 1))
        assert "Konkurs Seniorzy 2030" not in fresh(visitor, "/konkursy.ics")


def test_the_mini_calendar_moves_today_at_midnight_in_warsaw(visitor):
    def today_cell(html):
        return html.split('aria-current="date"')[1][:200]

    with time_machine.travel(local(2030, 5, 4, 23, 59, 59), tick=False) as traveller:
        assert "4 maja, dziś" in today_cell(warm(visitor, "/aktualnosci/"))
        traveller.move_to(local(2030, 5, 5, 0, 0))
        assert "5 maja, dziś" in today_cell(fresh(visitor, "/aktualnosci/"))


def test_apps_declare_their_own_time_based_changes(visitor):
    """The registry later apps use (expiry, grant call deadlines): a page lives until the earliest moment."""
    with time_machine.travel(local(2030, 5, 4, 12, 0), tick=False) as traveller:
        moment = local(2030, 5, 4, 12, 30)

        def deadline(now, horizon):
            return moment

        invalidation.register_time_based_change(deadline)
        try:
            invalidation.bump_generation()
            warm(visitor, "/organizacje/")
            traveller.move_to(local(2030, 5, 4, 12, 29, 59))
            assert visitor.get("/organizacje/")["X-Page-Cache"] == "hit"
            traveller.move_to(moment)
            assert visitor.get("/organizacje/")["X-Page-Cache"] == "miss"
        finally:
            invalidation.unregister_time_based_change(deadline)
