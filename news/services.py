"""Writes to news beyond a plain save.

Publishing and withdrawing are transitions of the editorial core
(`News.workflow`, performed by `editorial.services.transition`).
"""

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.html import escape, linebreaks
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from editorial.models import HistoryEntry
from editorial.services import record_change
from news.models import News
from pps_portal.text import unique_slug


@transaction.atomic
def news_draft(*, title, text, source="", image=None, image_alt="", author=None, detail=""):
    """A draft article from plain text (a resident's news submission): the
    text as escaped paragraphs, the lead from its beginning, the picture
    copied into public media (from private storage, `image` is a FieldFile)."""
    body = linebreaks(escape(text))
    if source:
        body += "<p>" + escape(_("Źródło: %(source)s") % {"source": source}) + "</p>"
    news = News(
        title=title,
        slug=unique_slug(News, title, fallback="zgloszenie", max_length=184),
        lead=Truncator(" ".join(text.split())).chars(300),
        body=body,
        status=News.workflow.initial,
        author=author,
        image_alt=image_alt if image else "",
    )
    if image:
        with image.open("rb") as source_file:
            news.image.save(image.name.rsplit("/", 1)[-1], ContentFile(source_file.read()), save=False)
    news.save()
    record_change(news, HistoryEntry.Action.CREATED, actor=author, detail=detail)
    return news
