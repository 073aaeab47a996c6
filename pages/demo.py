"""Demo information pages (from the seed article) with real PDFs, the
easy-to-read text and the sign-language page. Idempotent: never overwrites
what editors changed."""

import datetime
import io

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.html import escape
from PIL import Image, ImageDraw

from documents.demo import attach_pdf
from documents.models import Document
from editorial.states import State
from pages.demo_data import EASY_READ, EASY_READ_TITLE, PAGES, SIGN_LANGUAGE_INTRO
from pages.models import EasyReadText, Page, SignLanguagePage

RESPONSIBLE_PERSON = "Anna Redaktorska"


def _scan(title):
    """A PDF with only a picture of a page (no text layer): what a scanned
    document looks like, so it is flagged as not digitally accessible."""
    image = Image.new("L", (1240, 1754), 250)
    draw = ImageDraw.Draw(image)
    draw.rectangle((100, 100, 1140, 220), outline=40, width=4)
    for row in range(12):
        draw.rectangle((100, 300 + row * 100, 1140, 380 + row * 100), outline=90, width=2)
    buffer = io.BytesIO()
    image.save(buffer, "PDF", resolution=150, title=title)
    return buffer.getvalue()


def _seed(entries, parent, now, counter):
    for position, (slug, title, lead, body, unit, documents, children) in enumerate(entries):
        page = Page.objects.filter(parent=parent, slug=slug).first()
        if page is None:
            counter["pages"] += 1
            page = Page.objects.create(
                parent=parent,
                slug=slug,
                title=title,
                lead=lead,
                body="".join(f"<p>{escape(paragraph)}</p>" for paragraph in body),
                responsible_person=RESPONSIBLE_PERSON,
                responsible_unit=unit,
                position=position,
                status=State.PUBLISHED,
                published_at=now - datetime.timedelta(days=30 + counter["pages"]),
            )
        for index, (doc_title, year, paragraphs, accessible) in enumerate(documents):
            issued_on = datetime.date(year, 1 + index % 12, 15)
            if paragraphs is not None:
                counter["documents"] += attach_pdf(page, doc_title, issued_on, paragraphs, position=index)
            elif not Document.objects.attached_to(page).filter(title=doc_title).exists():
                Document.objects.create(
                    owner=page,
                    title=doc_title,
                    issued_on=issued_on,
                    position=index,
                    file=ContentFile(_scan(doc_title), name=f"{doc_title}.pdf"),
                    is_accessible=accessible,
                    accessibility_note=(
                        "Tabela godzin zajęć w 13 ośrodkach. Wersję tekstową wyślemy e-mailem albo odczytamy "
                        "przez telefon: zadzwoń do Częstochowskiego Instytutu Społeczności Lokalnych."
                    ),
                )
                counter["documents"] += 1
        _seed(children, page, now, counter)


def seed_pages(*, scale=1):
    """Information pages in three levels with their documents, the ETR text
    and the PJM page. `scale` does not apply."""
    counter = {"pages": 0, "documents": 0}
    _seed(PAGES, None, timezone.now().replace(second=0, microsecond=0), counter)
    easy_read = EasyReadText.load()
    if not easy_read.body:
        easy_read.title = EASY_READ_TITLE
        easy_read.body = "".join(f"<{tag}>{escape(text)}</{tag}>" for tag, text in EASY_READ)
        easy_read.save()
    sign_language = SignLanguagePage.load()
    if not sign_language.intro:
        sign_language.intro = "".join(f"<p>{escape(text)}</p>" for text in SIGN_LANGUAGE_INTRO)
        sign_language.save()
    return f"Pages: {counter['pages']} created, {counter['documents']} document(s) attached; ETR and PJM ready."
