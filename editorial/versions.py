"""Versions of editorial content, kept by django-reversion.

`register(Model)` puts a kind under version control (generated search
columns are left out: PostgreSQL recomputes them). A version is saved
explicitly by `save_version()` after each write the editorial core makes
(admin add/change, transition, restore), never by a signal, so each
version has exactly one history entry and a shell script's bulk update
does not fill the table. `compare()` and `word_diff()` build the
field-by-field comparison editors see in admin.
"""

import difflib
import re

import reversion
from django.db import models
from django.utils import formats, timezone
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django_ckeditor_5.fields import CKEditor5Field
from reversion.models import Version

from pps_portal.sanitize import html_to_text


def register(model, *, exclude=(), follow=()):
    """Keep versions of `model` (minus generated columns and `exclude`)."""
    generated = [f.name for f in model._meta.concrete_fields if isinstance(f, models.GeneratedField)]
    reversion.register(model, exclude=(*generated, *exclude), follow=follow)


def is_versioned(model):
    return reversion.is_registered(model)


def versions_for(obj):
    """The object's versions, oldest first (version 1 is the first)."""
    return Version.objects.get_for_object(obj).select_related("revision").order_by("pk")


def number_of(version):
    """Its ordinal among the object's versions (1-based)."""
    return Version.objects.filter(
        content_type_id=version.content_type_id, object_id=version.object_id, pk__lte=version.pk
    ).count()


def save_version(obj, *, actor=None, comment=""):
    """Store the object's current state as a new version; return it (None if not versioned)."""
    if not is_versioned(type(obj)):
        return None
    with reversion.create_revision(manage_manually=True):
        reversion.set_user(actor)
        reversion.set_comment(comment)
        reversion.add_to_revision(obj)
    return Version.objects.get_for_object(obj).order_by("-pk").first()


def versioned_fields(model):
    """The model fields a version holds, in the model's order."""
    from reversion.revisions import _get_options

    names = set(_get_options(model).fields)
    return [f for f in model._meta.get_fields() if f.name in names and (f.concrete or f.many_to_many)]


# -- comparing -------------------------------------------------------------

# Words, and paragraph breaks kept as their own token.
_TOKEN = re.compile(r"\n|[^\s]+")


def _render(tokens):
    """Words joined by spaces; a line break stays a line break."""
    html = []
    for token in tokens:
        if token == "\n":
            html.append(mark_safe("<br>"))
        else:
            if html and html[-1] != "<br>":
                html.append(" ")
            html.append(escape(token))
    return mark_safe("".join(html))


def word_diff(old, new):
    """A readable word-by-word diff of two texts as HTML (<del>/<ins>), escaped.

    Compared word by word (whitespace is not a change), so a rewritten
    phrase reads "<del>we wtorki</del> <ins>w środy</ins>".
    """
    old_words, new_words = _TOKEN.findall(old or ""), _TOKEN.findall(new or "")
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    parts = []
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(_render(old_words[a1:a2]))
            continue
        if a2 > a1:
            parts.append(format_html("<del>{}</del>", _render(old_words[a1:a2])))
        if b2 > b1:
            parts.append(format_html("<ins>{}</ins>", _render(new_words[b1:b2])))
    return mark_safe(" ".join(parts).replace("<br> ", "<br>").replace(" <br>", "<br>"))


def _is_rich_text(field):
    return isinstance(field, CKEditor5Field)


def display_value(field, value):
    """A field's stored value as editors read it."""
    if field.many_to_many:
        if not value:
            return "—"
        names = {obj.pk: str(obj) for obj in field.related_model._base_manager.filter(pk__in=value)}
        return ", ".join(names.get(pk, _("(usunięty, id %(pk)s)") % {"pk": pk}) for pk in value)
    if value in (None, ""):
        return "—"
    if field.is_relation:
        obj = field.related_model._base_manager.filter(pk=value).first()
        return str(obj) if obj is not None else _("(usunięty, id %(pk)s)") % {"pk": value}
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("tak") if value else _("nie")
    if hasattr(value, "tzinfo") and hasattr(value, "hour"):
        return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")
    if _is_rich_text(field):
        return html_to_text(value)
    return str(value)


class FieldComparison:
    def __init__(self, field, old, new):
        self.field = field
        self.label = field.verbose_name
        self.old, self.new = old, new
        self.old_text = display_value(field, old)
        self.new_text = display_value(field, new)
        # As editors see it: a time saved again to the second is no change.
        self.changed = self.old_text != self.new_text

    @property
    def diff(self):
        """Rich and long text as a word diff; short values side by side."""
        return word_diff(self.old_text, self.new_text)


def _values(version, field):
    data = version.field_dict
    return data.get(field.attname, data.get(field.name))


def compare(old_version, new_version):
    """Every versioned field of the two versions, changed or not (FieldComparison).

    "Created/updated at" stamps are left out: every version differs there.
    """
    model = old_version._model
    return [
        FieldComparison(f, _values(old_version, f), _values(new_version, f))
        for f in versioned_fields(model)
        if not (getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False))
    ]
