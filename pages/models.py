from django.contrib.postgres.expressions import ArraySubquery
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from django_ckeditor_5.fields import CKEditor5Field

from documents.models import DocumentsRelation
from editorial import versions
from editorial.fields import visible_until_field
from editorial.states import State
from editorial.workflow import EditorialModel, EditorialQuerySet, Workflow, publish_step, withdraw_step
from pages import media
from pps_portal import redirects
from pps_portal.languages import SEARCH_COLUMNS, SourceLanguageColumns, search_match, translated_search_field
from pps_portal.models import ImageWithAltText
from pps_portal.sanitize import html_to_text, sanitize_html, sanitize_translations


class PageQuerySet(EditorialQuerySet):
    def published(self):
        """Public pages: published, due and not expired (the editorial core),
        and so is every page above them — a withdrawn section hides its
        whole subtree from pages, navigation, the sitemap and search."""
        # Uncorrelated: the ids of pages not public now, computed once per query.
        hidden = ArraySubquery(Page._base_manager.exclude(Page.workflow.public_q()).order_by().values("pk"))
        return super().published().exclude(ancestor_ids__overlap=hidden)

    def in_order(self):
        """Siblings in the editors' order."""
        return self.order_by("position", "title", "pk")

    def in_tree_order(self):
        """Every page after its parent, siblings in the editors' order (admin's tree)."""
        return self.order_by("tree_order")

    def for_listing(self):
        """What lists and navigation print (bodies stay in the database)."""
        return self.defer("body", "body_text", *SEARCH_COLUMNS)

    def search(self, text):
        """Full-text search (diacritics-insensitive) in Polish and the
        visitor's language, best match first."""
        condition, rank, _query = search_match(text)
        return self.filter(condition).annotate(rank=rank).order_by("-rank", "title", "pk")


class Page(SourceLanguageColumns, EditorialModel, ImageWithAltText):
    """An information page under /informacje/: a tree as deep as editors need.

    The tree is a parent link plus three stored columns derived from it and
    rewritten for the whole subtree in the same transaction when a page
    moves or is renamed: `path` (the address: slugs of the page and its
    ancestors), `ancestor_ids` (breadcrumb in one query, and the "every
    ancestor public" rule in SQL) and `tree_order` (admin lists the tree in
    order with a plain ORDER BY).
    """

    workflow = Workflow(
        states=[State.DRAFT, State.PUBLISHED, State.WITHDRAWN],
        initial=State.DRAFT,
        schedule_field="published_at",
        expiry_field="visible_until",
        counted=ngettext_lazy("%(count)d stronę", "%(count)d stron", "count"),
        transitions=[
            publish_step([State.DRAFT, State.WITHDRAWN]),
            withdraw_step([State.PUBLISHED]),
        ],
    )

    parent = models.ForeignKey(
        "self",
        verbose_name=_("strona nadrzędna"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        help_text=_("Pusta — strona główna działu, widoczna w spisie „Informacje”."),
    )
    title = models.CharField(_("tytuł"), max_length=200)
    slug = models.SlugField(
        _("adres (slug)"),
        max_length=100,
        help_text=_("Ostatnia część adresu. Po zmianie stary adres nadal działa (przekierowanie)."),
    )
    lead = models.TextField(
        _("wstęp"), max_length=600, help_text=_("Jedno-dwa zdania: spis stron, wyniki wyszukiwania, udostępnianie.")
    )
    body = CKEditor5Field(_("treść"), config_name="default", blank=True)
    # Plain text of the body, kept for search.
    body_text = models.TextField(editable=False, blank=True)
    responsible_person = models.CharField(
        _("osoba odpowiedzialna"), max_length=200, blank=True, help_text=_("Kto odpowiada za treść strony.")
    )
    responsible_unit = models.CharField(
        _("komórka organizacyjna"), max_length=200, blank=True, help_text=_("np. Referat Ekonomii Społecznej")
    )
    position = models.PositiveSmallIntegerField(_("kolejność"), default=0, help_text=_("Mniejsza — wyżej."))
    path = models.CharField(_("ścieżka"), max_length=1000, unique=True, editable=False)
    ancestor_ids = ArrayField(models.BigIntegerField(), default=list, editable=False)
    tree_order = ArrayField(models.IntegerField(), default=list, editable=False)
    status = workflow.state_field_definition()
    published_at = models.DateTimeField(
        _("data publikacji"),
        null=True,
        blank=True,
        help_text=_("Opublikowana z datą w przyszłości pojawi się sama. Pusta — ustawi się przy publikacji."),
    )
    visible_until = visible_until_field()
    created_at = models.DateTimeField(_("utworzono"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ostatnia aktualizacja"), auto_now=True)
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

    objects = PageQuerySet.as_manager()

    class Meta:
        verbose_name = _("strona informacyjna")
        verbose_name_plural = _("strony informacyjne")
        ordering = ["tree_order"]
        permissions = [("moderate_page", "Może publikować i wycofywać strony informacyjne")]
        indexes = [
            # Children and siblings: WHERE parent_id = … ORDER BY position.
            models.Index(fields=["parent", "position"], name="page_children_idx"),
            # /szukaj/: full-text match on the generated vector.
            GinIndex(fields=["search_vector"], name="page_search_idx"),
            GinIndex(fields=["search_vector_uk"], name="page_search_uk_idx"),
            GinIndex(fields=["search_vector_en"], name="page_search_en_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["parent", "slug"],
                name="page_slug_unique_among_siblings",
                violation_error_message=_("Pod tą stroną nadrzędną jest już strona z takim adresem."),
            ),
            models.UniqueConstraint(
                fields=["slug"],
                condition=Q(parent__isnull=True),
                name="page_slug_unique_at_top",
                violation_error_message=_("Jest już strona główna działu z takim adresem."),
            ),
            models.CheckConstraint(condition=~Q(parent=F("pk")), name="page_not_its_own_parent"),
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False), name="page_published_has_date"
            ),
            *ImageWithAltText.Meta.constraints,
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # Stored sanitized: templates print the body as is.
        sanitize_translations(self, "body", "body_text")
        with transaction.atomic():
            before = None
            if self.pk:
                before = Page._base_manager.filter(pk=self.pk).values("path", "tree_order", "status").first()
            parent = self.parent
            if parent is not None and self.pk and (parent.pk == self.pk or self.pk in parent.ancestor_ids):
                raise ValidationError(_("Strony nie można przenieść pod nią samą ani pod jej stronę podrzędną."))
            self.path = f"{parent.path}/{self.slug}" if parent else self.slug
            self.ancestor_ids = [*parent.ancestor_ids, parent.pk] if parent else []
            super().save(*args, **kwargs)
            tree_order = [*(parent.tree_order if parent else []), self.position, self.pk]
            if tree_order != self.tree_order:
                self.tree_order = tree_order
                Page._base_manager.filter(pk=self.pk).update(tree_order=tree_order)
            if before is None:
                redirects.forget([self.get_absolute_url()])
            elif before["path"] != self.path or before["tree_order"] != self.tree_order:
                self._rewrite_subtree(before)

    def get_absolute_url(self):
        return _url(self.path)

    def _rewrite_subtree(self, before):
        """After a move, rename or reorder: the descendants' stored paths and
        order follow, and every address that changed keeps answering (301)."""
        moves = []
        if before["status"] != self.workflow.initial and before["path"] != self.path:
            moves.append((_url(before["path"]), self.get_absolute_url()))
        placed = {self.pk: self}
        descendants = sorted(
            Page._base_manager.filter(ancestor_ids__contains=[self.pk]).only(
                "parent", "slug", "position", "path", "status", "ancestor_ids", "tree_order"
            ),
            key=lambda page: len(page.ancestor_ids),
        )
        for page in descendants:
            parent = placed[page.parent_id]
            old_path = page.path
            page.path = f"{parent.path}/{page.slug}"
            page.ancestor_ids = [*parent.ancestor_ids, parent.pk]
            page.tree_order = [*parent.tree_order, page.position, page.pk]
            placed[page.pk] = page
            if page.status != self.workflow.initial and old_path != page.path:
                moves.append((_url(old_path), page.get_absolute_url()))
        Page._base_manager.bulk_update(descendants, ["path", "ancestor_ids", "tree_order"])
        redirects.record_moves(moves)

    def clean(self):
        errors = {}
        try:
            super().clean()  # the picture's alt text
        except ValidationError as error:
            errors.update(error.message_dict)
        if self.parent_id and self.pk and (self.parent_id == self.pk or self.pk in self.parent.ancestor_ids):
            errors["parent"] = _("Strony nie można przenieść pod nią samą ani pod jej stronę podrzędną.")
        if self.visible_until and self.published_at and self.visible_until <= self.published_at:
            errors["visible_until"] = _("„Widoczne do” musi być później niż data publikacji.")
        if errors:
            raise ValidationError(errors)

    @property
    def depth(self):
        """0 for a top-level page."""
        return len(self.ancestor_ids)

    @property
    def description(self):
        """One-paragraph summary for meta tags."""
        return Truncator(self.lead).chars(300)


def _url(path):
    return reverse("pages:detail", kwargs={"path": path})


class Singleton(models.Model):
    """A page that exists exactly once (the law requires it): one row, made on first use."""

    SINGLETON_ID = 1

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.pk = self.SINGLETON_ID
        super().save(*args, **kwargs)

    @classmethod
    def load(cls):
        obj, _created = cls.objects.get_or_create(pk=cls.SINGLETON_ID)
        return obj


class EasyReadText(SourceLanguageColumns, Singleton):
    """Tekst łatwy do czytania (ETR): what the department does, in plain words.

    Required of every public body's site (act of 19 July 2019 on ensuring
    accessibility, art. 6 point 3 c); linked from every page's top bar.
    """

    title = models.CharField(_("tytuł"), max_length=200, default="Tekst łatwy do czytania")
    body = CKEditor5Field(
        _("treść"),
        config_name="default",
        blank=True,
        help_text=_("Krótkie zdania, jedna myśl w zdaniu, proste słowa. Możesz dodać obrazki z opisem."),
    )
    updated_at = models.DateTimeField(_("ostatnia aktualizacja"), auto_now=True)

    class Meta:
        verbose_name = _("tekst łatwy do czytania")
        verbose_name_plural = _("tekst łatwy do czytania")
        constraints = [models.CheckConstraint(condition=Q(id=1), name="easyreadtext_singleton")]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        sanitize_translations(self, "body")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("easy-read")


class SignLanguagePage(Singleton):
    """Informacje w polskim języku migowym (PJM): a video with captions and a
    transcript, and how deaf people reach the department (site settings)."""

    title = models.CharField(_("tytuł"), max_length=200, default="Informacje w polskim języku migowym")
    intro = CKEditor5Field(_("wstęp"), config_name="default", blank=True)
    video = models.FileField(
        _("nagranie w PJM"),
        upload_to=media.random_name("pjm"),
        validators=[media.validate_video],
        blank=True,
        max_length=200,
        help_text=_("Plik MP4 lub WebM (do %(max)d MB), odtwarzany z tej strony.") % {"max": media.VIDEO_MAX_MB},
    )
    video_type = models.CharField(max_length=20, blank=True, editable=False)
    captions = models.FileField(
        _("napisy (WebVTT)"),
        upload_to=media.random_name("pjm"),
        validators=[media.validate_captions],
        blank=True,
        max_length=200,
        help_text=_("Plik .vtt z napisami do nagrania: wymagany, gdy jest nagranie."),
    )
    transcript = CKEditor5Field(
        _("transkrypcja"),
        config_name="default",
        blank=True,
        help_text=_("Pełny tekst tego, co mówi nagranie: wymagany, gdy jest nagranie."),
    )
    updated_at = models.DateTimeField(_("ostatnia aktualizacja"), auto_now=True)

    class Meta:
        verbose_name = _("informacje w języku migowym")
        verbose_name_plural = _("informacje w języku migowym")
        constraints = [
            models.CheckConstraint(condition=Q(id=1), name="signlanguagepage_singleton"),
            models.CheckConstraint(
                condition=Q(video="") | (~Q(captions="") & ~Q(transcript="")),
                name="signlanguage_video_has_captions_and_transcript",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.intro = sanitize_html(self.intro)
        self.transcript = sanitize_html(self.transcript)
        # Read from the file's first bytes (for the <source type>), whichever way it was stored.
        if not self.video:
            self.video_type = ""
        elif not self.video._committed:
            self.video_type = media.video_type(self.video)
        elif not self.video_type:
            with self.video.storage.open(self.video.name) as stored:
                self.video_type = media.video_type(stored)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("sign-language")

    def clean(self):
        if self.video:
            errors = {}
            if not self.captions:
                errors["captions"] = _("Dodaj napisy do nagrania (plik WebVTT).")
            if not html_to_text(self.transcript).strip():
                errors["transcript"] = _("Dodaj transkrypcję nagrania.")
            if errors:
                raise ValidationError(errors)


versions.register(Page, exclude=["body_text", "path", "ancestor_ids", "tree_order"])
versions.register(EasyReadText)
versions.register(SignLanguagePage)
