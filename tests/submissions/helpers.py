import datetime
import io
import secrets
import smtplib
import time

from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone
from PIL import Image

from submissions import protection


def days_ahead(days):
    """A local date `days` from today: test data must not go stale."""
    return timezone.localdate() + datetime.timedelta(days=days)


def old_token(form_name, seconds_ago=60):
    """A fresh single-use token for `form_name`, as if shown `seconds_ago`."""
    return signing.dumps([int(time.time()) - seconds_ago, secrets.token_hex(8), form_name], salt=protection._SALT)


def jpeg_upload(name="zdjecie.jpg"):
    buffer = io.BytesIO()
    Image.new("RGB", (640, 480), (10, 90, 160)).save(buffer, "JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), "image/jpeg")


class FailingEmailBackend(BaseEmailBackend):
    """A mail server that is down."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


CONSENT = {"consent": "on"}


def news_data(**extra):
    return {
        "title": "Piknik sąsiedzki na Tysiącleciu",
        "text": "Zapraszamy mieszkańców na piknik.\n\nBędą gry i konkursy.",
        "organization_name": "Stowarzyszenie Sąsiedzi",
        "contact_name": "Jan Kowalski",
        "contact_email": "jan@example.pl",
        "contact_phone": "600 100 200",
        "form_token": old_token("NewsSubmissionForm"),
        **CONSENT,
        **extra,
    }


def error_data(**extra):
    return {
        "page_url": "/aktualnosci/",
        "description": "Link do regulaminu nie działa.",
        "contact_email": "",
        "form_token": old_token("ErrorReportForm"),
        **CONSENT,
        **extra,
    }


def contact_data(**extra):
    return {
        "contact_name": "Anna Nowak",
        "contact_email": "anna@example.pl",
        "subject": "Pytanie o dotacje",
        "message": "Kiedy ruszy nabór?",
        "form_token": old_token("ContactForm"),
        **CONSENT,
        **extra,
    }


def organization_data(**extra):
    return {
        "name": "Fundacja Testowa Pomocy",
        "legal_form": "fundacja",
        "krs": "0000123456",
        "nip": "5260250274",
        "regon": "",
        "description": "Pomagamy seniorom.",
        "city": "Częstochowa",
        "contact_name": "Ewa Zielińska",
        "contact_email": "ewa@example.pl",
        "form_token": old_token("OrganizationSubmissionForm"),
        **CONSENT,
        **extra,
    }


def event_data(**extra):
    return {
        "title": "Warsztaty dla seniorów",
        "start_day": days_ahead(10).isoformat(),
        "start_time": "17:00",
        "end_day": "",
        "end_time": "19:00",
        "description_text": "Warsztaty komputerowe dla seniorów.",
        "venue_name": "Klub Seniora",
        "address": "ul. Śląska 11/13",
        "city": "Częstochowa",
        "organizer_name": "Klub Seniora Raków",
        "is_free": "on",
        "wheelchair_access": "true",
        "induction_loop": "unknown",
        "sign_language": "unknown",
        "contact_name": "Piotr Wiśniewski",
        "contact_email": "piotr@example.pl",
        "form_token": old_token("EventSubmissionForm"),
        **CONSENT,
        **extra,
    }


def update_link_request_data(**extra):
    """ "Zaktualizuj dane" on an organization's page: nothing to fill but the bot protection."""
    return {"form_token": old_token("UpdateLinkRequestForm"), **extra}


# Valid data for each public form, by form class: the discovery-based tests
# (uploads, hostile input, concurrency) find the forms themselves and fail
# with a clear message when a new form has no entry here.
VALID_DATA = {
    "NewsSubmissionForm": news_data,
    "ErrorReportForm": error_data,
    "ContactForm": contact_data,
    "OrganizationSubmissionForm": organization_data,
    "EventSubmissionForm": event_data,
    "UpdateLinkRequestForm": update_link_request_data,
}
