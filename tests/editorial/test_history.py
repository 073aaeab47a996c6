"""One history per object: each transition and each admin edit leaves exactly one entry with actor and time."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from editorial import services
from editorial.models import HistoryEntry
from pps_portal.models import SiteSettings
from tests.admin_forms import change_form_data
from tests.editorial.kinds import KINDS

pytestmark = pytest.mark.django_db

# Admin change pages: kind → (make an object, a text field editors change)
EDITABLE = {
    "news": (lambda: KINDS["news"][1]("published"), "title"),
    "banner": (lambda: KINDS["banner"][1]("published"), "title"),
    "sitesettings": (SiteSettings.load, "tagline"),
    "organization": (lambda: KINDS["organization"][1]("published"), "name"),
    "event": (lambda: KINDS["event"][1]("published"), "title"),
}


def entries(obj):
    return list(
        HistoryEntry.objects.for_object(obj)
        .exclude(action=HistoryEntry.Action.BASELINE)
        .values_list("action", "actor", "at")
    )


def admin_url(obj, view="change"):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=[obj.pk])


@pytest.mark.parametrize("kind", EDITABLE)
def test_each_admin_edit_leaves_one_entry_with_editor_and_time(editor_client, site_settings, kind):
    make, field = EDITABLE[kind]
    obj = make()
    moment = timezone.now().replace(microsecond=0) + datetime.timedelta(minutes=5)
    with time_machine.travel(moment, tick=False):
        data = change_form_data(editor_client.get(admin_url(obj)), **{field: "Zmieniony tekst"})
        response = editor_client.post(admin_url(obj), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert entries(obj) == [("edited", editor_client.user.pk, moment)]


@pytest.mark.parametrize("kind", KINDS)
def test_each_transition_leaves_one_entry_with_editor_and_time(editor, kind):
    model, make = KINDS[kind]
    step = model.workflow.transitions[0]
    obj = make(step.sources[0], step.name)
    moment = timezone.now().replace(microsecond=0) + datetime.timedelta(minutes=5)
    with time_machine.travel(moment, tick=False):
        services.transition(obj, step.name, actor=editor, reason="Powód.")
    assert entries(obj) == [("transition", editor.pk, moment)]


def test_a_note_on_a_submission_is_its_one_entry(editor_client):
    submission = KINDS["submission"][1]("pending")
    url = admin_url(submission)
    response = editor_client.post(url, change_form_data(editor_client.get(url), note="Zadzwonić do nadawcy."))
    assert response.status_code == 302
    assert list(HistoryEntry.objects.for_object(submission).values_list("action", "actor", "detail")) == [
        ("note", editor_client.user.pk, "Zadzwonić do nadawcy.")
    ]


@pytest.mark.parametrize("kind", EDITABLE)
def test_history_page_shows_edits_and_transitions_in_one_place(editor_client, site_settings, kind):
    make, field = EDITABLE[kind]
    obj = make()
    data = change_form_data(editor_client.get(admin_url(obj)), **{field: "Zmieniony tekst"})
    editor_client.post(admin_url(obj), data)
    if hasattr(obj, "workflow"):
        obj = services.transition(obj, "withdraw", actor=editor_client.user, reason="Nieaktualne.")
    html = editor_client.get(admin_url(obj, "history")).content.decode()
    assert "redaktorka" in html and "zmieniono" in html
    assert ("opublikowane → wycofane" in html and "Nieaktualne." in html) == hasattr(obj, "workflow")
