"""The portal's languages: Polish (the source, unprefixed addresses), Ukrainian and English.

One place for what every page needs to know about them: the same page's
address in each language (the top bar's switcher and the <link rel=alternate
hreflang> tags), and which language a piece of translated content is
actually shown in (a missing translation falls back to Polish, and the page
says so and marks that text `lang="pl"`).
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.db import models
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils import translation
from modeltranslation.utils import build_localized_fieldname

# Open Graph wants a territory with the language.
OG_LOCALES = {"pl": "pl_PL", "uk": "uk_UA", "en": "en_GB"}


@dataclass(frozen=True)
class PageLanguage:
    code: str
    name: str  # in the language itself: "Українська"
    url: str  # this page's path in that language (the home page's when this page has no route)
    is_current: bool
    is_same_page: bool  # False on a page the URL conf does not know (a 404)
    absolute_url: str | None  # for hreflang alternates; None when the request's host is not ours (the 400 page)


def _path_in(code, match, query):
    with translation.override(code):
        try:
            path = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
        except NoReverseMatch:
            return None
    return f"{path}?{query}" if query else path


def page_languages(request):
    """This page in every language, current one included (no query: URL resolving and reversing only).

    The same route reversed under each language's prefix, with the same
    query string. A page the URL conf does not know (a 404, whatever its
    address looks like) links each language's home page instead: an
    unknown path is never echoed into a link.
    """
    current = translation.get_language()
    query = request.META.get("QUERY_STRING", "")
    try:
        match = resolve(request.path_info)
    except Resolver404:
        match = None
    languages = []
    for code, name in settings.LANGUAGES:
        url = _path_in(code, match, query) if match else None
        is_same_page = url is not None
        if url is None:
            with translation.override(code):
                url = reverse("home")
        try:
            absolute = request.build_absolute_uri(url)
        except DisallowedHost:
            absolute = None
        languages.append(PageLanguage(code, name, url, code == current, is_same_page, absolute))
    return languages


def in_current_language(url):
    """A Polish path on this site that an editor typed ("/organizacje/opp/") as
    the same page in the visitor's language ("/uk/organizacje/opp/"); full
    URLs and paths outside the translated pages stay as they are."""
    current = translation.get_language()
    if current == settings.LANGUAGE_CODE or not url.startswith("/") or url.startswith("//"):
        return url
    path, _sep, query = url.partition("?")
    with translation.override(settings.LANGUAGE_CODE):
        try:
            match = resolve(path)
        except Resolver404:
            return url
    return _path_in(current, match, query) or url


def for_editors():
    """A context in Polish for what a public page stores or sends to editors
    (history entries, notices): editors read them in admin, which is Polish,
    whatever language the visitor's page was in."""
    return translation.override(settings.LANGUAGE_CODE)


def unprefixed_path(path):
    """ "/uk/aktualnosci/x/" → "/aktualnosci/x/" (a Polish path stays as it is)."""
    code = translation.get_language_from_path(path)
    if code and code != settings.LANGUAGE_CODE:
        return path.removeprefix(f"/{code}")
    return path


def shown_language(obj, field):
    """The language `obj.<field>` is shown in now: the visitor's, or Polish when
    that translation is empty (django-modeltranslation's fallback)."""
    current = translation.get_language() or settings.LANGUAGE_CODE
    if current == settings.LANGUAGE_CODE:
        return current
    if getattr(obj, build_localized_fieldname(field, current), None):
        return current
    # An empty Polish text has nothing to translate.
    source = getattr(obj, build_localized_fieldname(field, settings.LANGUAGE_CODE), None)
    return settings.LANGUAGE_CODE if source else current


def is_untranslated(obj, *fields):
    """Is any of `fields` shown in Polish on a page in another language?"""
    return any(shown_language(obj, field) != translation.get_language() for field in fields)


def localized_names(field):
    """`field`'s column in every language: ["body_pl", "body_uk", "body_en"]."""
    return [build_localized_fieldname(field, code) for code, _name in settings.LANGUAGES]


# Text search per language: Polish and Ukrainian have no stemmer in
# PostgreSQL (pps_search: simple + unaccent), English has one.
SEARCH_CONFIGS = {"pl": "pps_search", "uk": "pps_search", "en": "english"}


def search_config(code):
    return SEARCH_CONFIGS.get(code, "pps_search")


def translated_search_vector(code, *, a, b=(), c=()):
    """The generated search column of one translation (`search_vector_uk`):
    its title (weight A), summary (B) and body (C) columns in language `code`."""
    from django.contrib.postgres.search import SearchVector

    config = search_config(code)
    vector = SearchVector(*(build_localized_fieldname(f, code) for f in a), weight="A", config=config)
    for weight, fields in (("B", b), ("C", c)):
        if fields:
            vector += SearchVector(*(build_localized_fieldname(f, code) for f in fields), weight=weight, config=config)
    return vector


# Every language's search column of a translated kind: never loaded for display.
SEARCH_COLUMNS = ("search_vector", *(f"search_vector_{code}" for code in SEARCH_CONFIGS if code != "pl"))


def translated_search_field(code, **columns):
    """The generated, stored search column of one translation:
    `search_vector_uk = translated_search_field("uk", a=["title"], …)`."""
    from django.contrib.postgres.search import SearchVectorField

    return models.GeneratedField(
        expression=translated_search_vector(code, **columns), output_field=SearchVectorField(), db_persist=True
    )


class SourceLanguageColumns(models.Model):
    """A translated model whose original columns (`title`, `body`…) always hold the Polish text.

    django-modeltranslation writes the visitor's language into them on save;
    the Polish search columns are generated from them, so a save always
    happens with Polish active (each language's own column is written as set).
    """

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self._state.adding:
            self._start_in_source_language()
        with translation.override(settings.LANGUAGE_CODE):
            super().save(*args, **kwargs)

    def full_clean(self, *args, **kwargs):
        if self._state.adding:
            self._start_in_source_language()
        super().full_clean(*args, **kwargs)

    def _start_in_source_language(self):
        """New content whose text was set on a /uk/ or /en/ page (a resident's
        event submission: the form writes the visitor's language's columns)
        starts as the source text: it moves to the Polish columns, which every
        language falls back to, and editors add the translations."""
        from modeltranslation.translator import translator

        others = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
        for field in translator.get_options_for_model(type(self)).get_field_names():
            source = build_localized_fieldname(field, settings.LANGUAGE_CODE)
            if getattr(self, source):
                continue
            for code in others:
                written = build_localized_fieldname(field, code)
                if getattr(self, written):
                    setattr(self, source, getattr(self, written))
                    setattr(self, written, None)
                    break


class TranslationsAdmin:
    """Mixin for a translated kind's ModelAdmin: the form stays as it was (its
    fields are the Polish text), and each other language gets a fieldset with
    its versions of the translated fields, all optional.

    Admin always runs in Polish (its addresses have no language prefix), so
    the original fields read and write the `_pl` columns.
    """

    def get_fieldsets(self, request, obj=None):
        from django.utils.translation import gettext
        from modeltranslation.translator import translator

        options = translator.get_options_for_model(self.model)
        editable = [name for name in options.get_field_names() if self.model._meta.get_field(name).editable]
        fieldsets = list(super().get_fieldsets(request, obj))
        for code, name in settings.LANGUAGES:
            if code == settings.LANGUAGE_CODE:
                continue
            fields = [build_localized_fieldname(field, code) for field in editable]
            description = gettext("Puste pola: czytelnicy zobaczą tekst polski z informacją, że nie ma tłumaczenia.")
            fieldsets.append(
                (gettext("Wersja: %(language)s") % {"language": name}, {"fields": fields, "description": description})
            )
        return fieldsets

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        """A rich-text version in another language is edited as that language:
        CKEditor marks its editing area with the content's `lang` (screen
        readers and spell-checkers follow it); its toolbar stays Polish."""
        from django_ckeditor_5.widgets import CKEditor5Widget

        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        language = getattr(db_field, "language", None)  # a modeltranslation column
        if formfield and language and isinstance(formfield.widget, CKEditor5Widget):
            # The widget's config is its own copy of settings.CKEDITOR_5_CONFIGS["default"].
            formfield.widget.config["language"] = {"ui": settings.LANGUAGE_CODE, "content": language}
        return formfield


def _visitor_language():
    code = translation.get_language() or settings.LANGUAGE_CODE
    return code if code in SEARCH_CONFIGS and code != settings.LANGUAGE_CODE else None


def search_match(text):
    """What the site's searches filter and rank by: the Polish search column
    and, on a page in another language, that translation's column too.

    Returns (condition, rank expression, query for headlines). Every kind
    with translations has `search_vector` and `search_vector_<code>`.
    """
    from django.contrib.postgres.search import SearchQuery, SearchRank
    from django.db.models import F, Q

    query = SearchQuery(text, config=search_config(settings.LANGUAGE_CODE), search_type="websearch")
    condition = Q(search_vector=query)
    rank = SearchRank(F("search_vector"), query)
    code = _visitor_language()
    if code:
        own = SearchQuery(text, config=search_config(code), search_type="websearch")
        condition |= Q(**{f"search_vector_{code}": own})
        rank = rank + SearchRank(F(f"search_vector_{code}"), own)
        query = query | own
    return condition, rank, query


def title_contains(text, field="title"):
    """A part of the title, in Polish or the visitor's language, diacritics aside."""
    from django.db.models import Q

    condition = Q(**{f"{build_localized_fieldname(field, settings.LANGUAGE_CODE)}__unaccent__icontains": text})
    code = _visitor_language()
    if code:
        condition |= Q(**{f"{build_localized_fieldname(field, code)}__unaccent__icontains": text})
    return condition


def shown_text(field, output_field=None):
    """The visitor's language's column, the Polish one where it is empty (for SQL expressions).

    `output_field` for a column across a relation ("event__title"), which Django cannot type.
    """
    from django.db.models import F, Value
    from django.db.models.functions import Coalesce, NullIf

    code = _visitor_language()
    polish = F(build_localized_fieldname(field, settings.LANGUAGE_CODE))
    if not code:
        return polish
    return Coalesce(NullIf(F(build_localized_fieldname(field, code)), Value("")), polish, output_field=output_field)


def copy_to_source_language_operation(app_label, translated):
    """A migration step for a kind that gains translations: the texts written
    so far are Polish, so they become its `_pl` columns.

    `translated`: {model name: [translated field names]}.
    """
    from django.db import migrations
    from django.db.models import F

    def copy(apps, schema_editor):
        for model_name, fields in translated.items():
            model = apps.get_model(app_label, model_name)
            source = settings.LANGUAGE_CODE
            model.objects.update(**{build_localized_fieldname(field, source): F(field) for field in fields})

    return migrations.RunPython(copy, migrations.RunPython.noop)
