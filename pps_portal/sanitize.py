"""The one place rich text from editors is cleaned (nh3 allow-list).

Called on save for every rich-text field, so what is stored is already
safe; templates then print it with |safe and nothing else is trusted.
"""

import html as html_lib
import re

import nh3
from django.utils.html import strip_tags

ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "i", "u", "s", "sub", "sup",
    "ul", "ol", "li", "a", "blockquote", "figure", "figcaption", "img", "hr", "code", "pre",
    "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "span",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "ol": {"start", "reversed"},
    "figure": {"class"},
    "span": {"lang"},
    "p": {"lang"},
}
# No javascript:, data: or other schemes; relative URLs (our media) are kept.
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}


def sanitize_html(html):
    """Rich text reduced to the allow-list; scripts, handlers and styles removed.

    `h1` is not allowed (the page has its own); external links get
    rel="noopener noreferrer".
    """
    if not html:
        return ""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


def html_to_text(html):
    """Plain text of stored rich text (for search vectors and headlines)."""
    # Block ends become spaces so "<p>a</p><p>b</p>" does not read "ab".
    spaced = re.sub(r"<(/p|br|/h\d|/li|/td|/th|/blockquote|/figcaption)\b[^>]*>", " ", html or "")
    return re.sub(r"\s+", " ", html_lib.unescape(strip_tags(spaced))).strip()


def sanitize_translations(obj, field, text_field=None):
    """Clean every language's version of a translated rich-text field (title_pl,
    body_uk…, django-modeltranslation), and keep its plain text in `text_field`'s.

    Editors fill each language in admin; every one of them is printed with
    |safe, so none may skip the allow-list.
    """
    from pps_portal.languages import localized_names

    names = localized_names(field)
    text_names = localized_names(text_field) if text_field else [None] * len(names)
    for name, text_name in zip(names, text_names, strict=True):
        value = getattr(obj, name)
        if value is None:  # an untranslated language stays NULL (falls back to Polish)
            continue
        clean = sanitize_html(value)
        setattr(obj, name, clean)
        if text_name:
            setattr(obj, text_name, html_to_text(clean))
