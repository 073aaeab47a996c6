"""Demo documents: real PDFs written by documents.pdf, attached to the seed
article and to an event. Information pages attach their own (pages.demo)."""

import datetime

from django.core.files.base import ContentFile

from calendar_app.models import Event
from documents.models import Document
from documents.pdf import make_pdf
from news.models import News

SEED_ARTICLE_DOCUMENTS = [
    (
        "Komunikat o certyfikatach Znak Jakości Ekonomii Społecznej i Solidarnej 2020",
        datetime.date(2020, 12, 10),
        [
            "Gmina Miasto Częstochowa zdobyła certyfikat Znak Jakości Ekonomii Społecznej i Solidarnej 2020 "
            "w kategorii „Społecznie odpowiedzialny samorząd”.",
            "Fundacja Oczami Brata otrzymała certyfikat w kategorii „Najlepszy Pracodawca”, a Sztab Ratownictwa "
            "i Łączności w Częstochowie RESCUE TEAM w kategorii „Sukces Rynkowy”.",
            "Konkurs organizuje Ministerstwo Rodziny i Polityki Społecznej.",
        ],
    ),
]
EVENT_DOCUMENTS = {
    "Rodzinny Piknik Organizacji Pozarządowych": [
        (
            "Regulamin udziału organizacji w Rodzinnym Pikniku",
            datetime.date(2026, 4, 15),
            [
                "W pikniku mogą wziąć udział organizacje pozarządowe działające na rzecz mieszkańców miasta.",
                "Zgłoszenia przyjmuje Wydział Polityki Społecznej do 15 maja. Każda organizacja otrzymuje "
                "stoisko, stół i dwa krzesła.",
                "Organizacje prowadzą na stoiskach bezpłatne zajęcia dla dzieci i dorosłych.",
            ],
        )
    ],
}


def attach_pdf(owner, title, issued_on, paragraphs, *, position=0, **fields):
    """Attach a generated PDF to `owner` unless a document of that title is there already."""
    if Document.objects.attached_to(owner).filter(title=title).exists():
        return 0
    Document.objects.create(
        owner=owner,
        title=title,
        issued_on=issued_on,
        position=position,
        file=ContentFile(make_pdf(title, paragraphs), name=f"{title}.pdf"),
        **fields,
    )
    return 1


def seed_documents(*, scale=1):
    """PDFs for the seed article and the NGO picnic. Idempotent; `scale` does not apply."""
    created = 0
    article = News.objects.filter(title__startswith="Częstochowa – społecznie odpowiedzialny").first()
    if article:
        for title, issued_on, paragraphs in SEED_ARTICLE_DOCUMENTS:
            created += attach_pdf(article, title, issued_on, paragraphs)
    for event_title, documents in EVENT_DOCUMENTS.items():
        event = Event.objects.filter(title=event_title).first()
        if event:
            for title, issued_on, paragraphs in documents:
                created += attach_pdf(event, title, issued_on, paragraphs)
    return f"Documents: {created} created."
