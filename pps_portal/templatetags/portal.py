import json
from urllib.parse import urlsplit

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http.request import split_domain_port, validate_host
from django.utils import timezone, translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from pps_portal import languages
from pps_portal.models import Banner
from pps_portal.text import format_pln

register = template.Library()


@register.inclusion_tag("includes/banners.html")
def banners():
    """The side column's link banners (one query)."""
    return {"banners": list(Banner.objects.active())}


_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag
def json_ld(data):
    """A schema.org JSON-LD data block. Not executed as script, so a strict
    CSP allows it; <, > and & are escaped so text cannot close the tag."""
    payload = json.dumps(data, ensure_ascii=False, cls=DjangoJSONEncoder).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))


@register.simple_tag(takes_context=True)
def absolute_url(context, path):
    return context["request"].build_absolute_uri(path)


@register.filter
def isodatetime(value):
    """Local ISO 8601 to the second ("2026-11-26T09:00:00+01:00"): the form
    HTML's <time datetime> and Open Graph accept (|date:"c" adds microseconds)."""
    if not value:
        return ""
    return timezone.localtime(value).isoformat(timespec="seconds")


@register.filter
def pln(amount):
    """An amount in złoty, Polish style: "1 250 000,00 zł" (pps_portal.text.format_pln)."""
    return format_pln(amount)


def is_external(url):
    """A link to another site: an absolute http(s) URL for a host this site
    does not answer to (paths and our own hosts are internal)."""
    parts = urlsplit(str(url or "").strip())
    if parts.scheme not in ("http", "https", "") or not parts.netloc:
        return False
    host, _port = split_domain_port(parts.netloc.rpartition("@")[2])
    return not validate_host(host, settings.ALLOWED_HOSTS)


@register.simple_tag
def external_mark(url):
    """After a link's text: an arrow for the eye (CSS) and words for a screen
    reader, when the link leads to another site."""
    if not is_external(url):
        return ""
    return format_html(
        '<span class="external-mark"><span class="visually-hidden"> {}</span></span>', _("(strona zewnętrzna)")
    )


@register.simple_tag
def lang_attr(obj, field):
    """` lang="pl"` on an element whose text fell back to Polish on a page in
    another language (screen readers switch voice; WCAG 3.1.2), else nothing."""
    shown = languages.shown_language(obj, field)
    if shown == translation.get_language():
        return ""
    return format_html(' lang="{}"', shown)


@register.inclusion_tag("includes/translation_note.html")
def translation_note(obj, *fields):
    """The visitor's-language note above content that is (partly) only in Polish."""
    return {"is_untranslated": languages.is_untranslated(obj, *(fields or ("title", "body")))}


@register.simple_tag
def source_lang():
    """` lang="pl"` on text only editors' Polish exists for (site settings), on a page in another language."""
    if translation.get_language() == settings.LANGUAGE_CODE:
        return ""
    return format_html(' lang="{}"', settings.LANGUAGE_CODE)


@register.filter
def source_text(value):
    """Text only editors' Polish exists for, in a `lang="pl"` span on a page in another language."""
    if translation.get_language() == settings.LANGUAGE_CODE:
        return value
    return format_html('<span lang="{}">{}</span>', settings.LANGUAGE_CODE, value)


@register.filter
def in_current_language(url):
    """An editor's path on this site, as the same page in the visitor's language."""
    return languages.in_current_language(url)


@register.simple_tag
def og_locale():
    return languages.OG_LOCALES.get(translation.get_language(), languages.OG_LOCALES["pl"])
