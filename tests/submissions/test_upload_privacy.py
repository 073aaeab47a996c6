"""Pictures sent with public submissions, for every form that takes one
(found from the pages): private until an editor approves, and deleted with
a rejected submission."""

from pathlib import Path

import pytest
from django import forms
from django.conf import settings
from django.db import models

from editorial.services import transition
from submissions.models import Submission
from tests.discovery import forms_in, parse_page, url_patterns
from tests.submissions.helpers import VALID_DATA, jpeg_upload

pytestmark = pytest.mark.django_db


def upload_forms(client):
    """(path, form) for every public page with a POST form that takes a file."""
    found = []
    for pattern in url_patterns():
        if pattern.params:
            continue
        path = pattern.path({})
        response = client.get(path)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        posted = {
            name for f in parse_page(response.content.decode()).forms if f["method"] == "post" for name in f["fields"]
        }
        for form in forms_in(response):
            files = [name for name, f in form.fields.items() if isinstance(f, forms.FileField)]
            if files and set(files) <= posted:
                found.append((path, form))
    return found


def files_under(root):
    return {p for p in Path(root).rglob("*") if p.is_file()}


def send_with_pictures(client, path, form):
    """Valid data for the form, with a picture (and its description) in every file field."""
    name = type(form).__name__
    assert name in VALID_DATA, f"{name} on {path}: add valid data to tests/submissions/helpers.VALID_DATA"
    data = VALID_DATA[name]()
    for field_name, field in form.fields.items():
        if isinstance(field, forms.FileField):
            data[field_name] = jpeg_upload("zdjecie.jpg")
            data[f"{field_name}_alt"] = "Opis zdjęcia"
    response = client.post(path, data)
    assert response.status_code == 302, (path, response.content.decode()[:2000])
    return Submission.objects.latest("pk")


def test_every_upload_form_is_found(client, site_settings):
    assert {path for path, _form in upload_forms(client)} >= {
        "/zglos/news/",
        "/zglos/wydarzenie/",
        "/zglos/organizacje/",
    }


def test_a_pending_submissions_picture_is_not_public(client, site_settings):
    before = files_under(settings.MEDIA_ROOT)
    for path, form in upload_forms(client):
        submission = send_with_pictures(client, path, form)
        assert bool(submission.image), path
    assert sorted(files_under(settings.MEDIA_ROOT) - before) == []


def test_a_rejected_submission_leaves_no_file_behind(
    client, site_settings, editor, django_capture_on_commit_callbacks
):
    before = files_under(settings.MEDIA_ROOT) | files_under(settings.PRIVATE_MEDIA_ROOT)
    for path, form in upload_forms(client):
        submission = send_with_pictures(client, path, form)
        with django_capture_on_commit_callbacks(execute=True):
            transition(submission, "reject", actor=editor, reason="Nie na temat.")
    after = files_under(settings.MEDIA_ROOT) | files_under(settings.PRIVATE_MEDIA_ROOT)
    assert sorted(after - before) == []


def test_an_approved_submissions_picture_goes_public_with_its_record(client, site_settings, editor):
    for path, form in upload_forms(client):
        submission = send_with_pictures(client, path, form)
        transition(submission, "approve", actor=editor)
        submission.refresh_from_db()
        record = submission.organization or submission.event or submission.news
        pictures = [getattr(record, f.name) for f in record._meta.concrete_fields if isinstance(f, models.FileField)]
        assert [bool(picture) for picture in pictures] == [True], path
        response = client.get(pictures[0].url)
        b"".join(response.streaming_content)  # read to the end: the test client then closes the file
        assert (response.status_code, getattr(record, pictures[0].field.name + "_alt")) == (200, "Opis zdjęcia"), path
