from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from django_ckeditor_5.fields import CKEditor5Field

from documents.models import DocumentsRelation
from editorial import versions
from editorial.fields import publication_window_constraints, publication_window_errors, visible_until_field
from editorial.states import State
from editorial.workflow import EditorialModel, EditorialQuerySet, Workflow, publish_step, withdraw_step
from pps_portal import redirects
from pps_portal.languages import SEARCH_COLUMNS, SourceLanguageColumns, search_match, translated_search_field
from pps_portal.models import ImageWithAltText
from pps_portal.sanitize import sanitize_translations


class Category(SourceLanguageColumns):
    name = models.CharField(_("nazwa"), max_length=100, unique=True)
    slug = models.SlugField(_("adres (slug)"), max_length=100, unique=True)
    description = models.TextField(_("opis"), blank=True)
    position = models.PositiveSmallIntegerField(_("kolejność"), default=0)

    class Meta:
        verbose_name = _("kategoria")
        verbose_name_plural = _("kategorie")
        ordering = ["position", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("news:category", args=[self.slug])


class NewsQuerySet(EditorialQuerySet):
    """`published()` (from the editorial core): published, due and not expired.
    A scheduled article appears and an expiring one disappears by itself at
    its minute; no job is needed."""

    def for_listing(self):
        """Published, pinned first then newest, with what cards print (the
        body and the search columns stay in the database)."""
        return (
            self.published()
            .select_related("category")
            .defer("body", "body_text", *SEARCH_COLUMNS)
            .order_by("-is_pinned", "-published_at", "-pk")
        )

    def search(self, text):
        """Full-text search (diacritics-insensitive) in Polish and the
        visitor's language, best match first."""
        condition, rank, _query = search_match(text)
        return self.filter(condition).annotate(rank=rank).order_by("-rank", "-published_at", "-pk")


class News(SourceLanguageColumns, EditorialModel, ImageWithAltText):
    workflow = Workflow(
        states=[State.DRAFT, State.PUBLISHED, State.WITHDRAWN],
        initial=State.DRAFT,
        schedule_field="published_at",
        expiry_field="visible_until",
        counted=ngettext_lazy("%(count)d artykuł", "%(count)d artykułów", "count"),
        transitions=[
            publish_step([State.DRAFT, State.WITHDRAWN]),
            withdraw_step([State.PUBLISHED]),
        ],
    )
    Status = State

    title = models.CharField(_("tytuł"), max_length=200)
    slug = models.SlugField(_("adres (slug)"), max_length=220, unique=True)
    lead = models.TextField(
        _("zajawka"), max_length=600, help_text=_("Krótkie streszczenie: lista, kanały RSS, wyniki wyszukiwania.")
    )
    body = CKEditor5Field(_("treść"), config_name="default", blank=True)
    # Plain text of the body, kept for search and headlines.
    body_text = models.TextField(editable=False, blank=True)
    category = models.ForeignKey(
        Category, verbose_name=_("kategoria"), on_delete=models.PROTECT, related_name="news", null=True, blank=True
    )
    is_pinned = models.BooleanField(_("przypięty"), default=False, help_text=_("Przypięte są na początku listy."))
    status = workflow.state_field_definition(_("status"))
    published_at = models.DateTimeField(
        _("data publikacji"),
        null=True,
        blank=True,
        help_text=_(
            "Artykuł opublikowany z datą w przyszłości pojawi się sam o tej godzinie. "
            "Pusta — data ustawi się przy publikacji."
        ),
    )
    visible_until = visible_until_field()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("autor"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("utworzono"), auto_now_add=True)
    updated_at = models.DateTimeField(_("zmieniono"), auto_now=True)
    search_vector = models.GeneratedField(
        expression=SearchVector("title", weight="A", config="pps_search")
        + SearchVector("lead", weight="B", config="pps_search")
        + SearchVector("body_text", weight="C", config="pps_search"),
        output_field=SearchVectorField(),
        db_persist=True,
    )
    # The translations' own search columns (/uk/szukaj/, /en/szukaj/ search them and the Polish one).
    search_vector_uk = translated_search_field("uk", a=["title"], b=["lead"], c=["body_text"])
    search_vector_en = translated_search_field("en", a=["title"], b=["lead"], c=["body_text"])

    documents = DocumentsRelation()

    objects = NewsQuerySet.as_manager()

    class Meta:
        verbose_name = _("aktualność")
        verbose_name_plural = _("aktualności")
        ordering = ["-is_pinned", "-published_at", "-pk"]
        indexes = [
            # The public list: status filter, pinned first, newest first.
            models.Index(fields=["status", "-is_pinned", "-published_at"], name="news_listing_idx"),
            # "Pozostałe aktualności", feeds, sitemap: newest published first.
            models.Index(
                fields=["-published_at", "-id"], condition=Q(status="published"), name="news_published_recent_idx"
            ),
            # /szukaj/: full-text match on the generated vector.
            GinIndex(fields=["search_vector"], name="news_search_idx"),
            GinIndex(fields=["search_vector_uk"], name="news_search_uk_idx"),
            GinIndex(fields=["search_vector_en"], name="news_search_en_idx"),
        ]
        permissions = [("moderate_news", "Może publikować i wycofywać aktualności")]
        constraints = [
            *publication_window_constraints("news"),
            *ImageWithAltText.Meta.constraints,
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # Stored sanitized: templates print the body as is.
        sanitize_translations(self, "body", "body_text")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("news:detail", args=[self.slug])

    def clean(self):
        super().clean()
        errors = publication_window_errors(self)
        if errors:
            raise ValidationError(errors)

    @property
    def description(self):
        """One-paragraph summary for meta tags and feeds."""
        return Truncator(self.lead).chars(300)


versions.register(News, exclude=["body_text"])
redirects.track(News)
