import os
import re
import unicodedata
import uuid

from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector, SearchVectorField
from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.db import models, transaction
from django.db.models import F, Q
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from documents import formats
from editorial import versions
from editorial.fields import visible_until_field
from editorial.states import State
from editorial.workflow import EditorialModel, EditorialQuerySet, Workflow, publish_step, withdraw_step
from pps_portal.text import slugify_pl

# Models documents can be attached to -> the name of their QuerySet method
# that defines "public" (filled by DocumentsRelation).
OWNERS = {}


class DocumentsRelation(GenericRelation):
    """Documents attached to a kind of content: `documents = DocumentsRelation()`.

    Declaring it registers the model as an owner of documents: a document is
    public only while its owner is, by the owner's own definition of public
    (`public`: the name of its QuerySet method, "published" by default).
    Deleting the owner deletes its documents (and their files). No column,
    no migration.
    """

    def __init__(self, *, public="published", **kwargs):
        kwargs.setdefault("verbose_name", _("dokumenty"))
        super().__init__("documents.Document", **kwargs)
        self.public_method = public

    def contribute_to_class(self, cls, name, **kwargs):
        super().contribute_to_class(cls, name, **kwargs)
        if not cls._meta.abstract:
            OWNERS[cls] = self.public_method

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("to", None)
        if self.public_method != "published":
            kwargs["public"] = self.public_method
        return name, path, args, kwargs


def _owner_q(prefix=""):
    """Rows whose owner is public: one subquery per owner kind, joined on the
    content type's natural key (no ContentType lookup query)."""
    q = Q(pk__in=[])
    for model, method in OWNERS.items():
        public_owners = getattr(model._default_manager, method)().order_by().values("pk")
        q |= Q(
            **{
                f"{prefix}content_type__app_label": model._meta.app_label,
                f"{prefix}content_type__model": model._meta.model_name,
                f"{prefix}object_id__in": public_owners,
            }
        )
    return q


class DocumentQuerySet(EditorialQuerySet):
    """`published()` (the editorial core): not withdrawn, not expired.
    `public()`: published and attached to something public — what anyone
    may list and download."""

    def public(self):
        return self.published().filter(_owner_q())

    def attached_to(self, owner):
        """The owner's documents in the editors' order (joined on the content type, no extra query)."""
        return self.filter(
            content_type__app_label=owner._meta.app_label,
            content_type__model=owner._meta.model_name,
            object_id=owner.pk,
        ).order_by("position", "pk")

    def for_listing(self):
        """What a list of links prints (the search column stays in the database)."""
        return self.defer("search_vector").select_related("content_type")

    def search(self, text):
        """Title search (diacritics-insensitive), best match first."""
        query = SearchQuery(text, config="pps_search", search_type="websearch")
        return self.filter(search_vector=query).annotate(rank=SearchRank(F("search_vector"), query))


def upload_to(instance, filename):
    """A random name (the uploader's name is kept in `filename`, never used
    for storage), with the extension of the detected format."""
    extension = formats.FORMATS[instance.file_type].extension if instance.file_type in formats.FORMATS else "bin"
    return f"dokumenty/{uuid.uuid4().hex}.{extension}"


def private_storage():
    # Outside MEDIA_ROOT, without a URL: a document is served only by the
    # download view, which checks that it (and its owner) is public.
    return storages["private"]


def safe_filename(name, fmt):
    """The uploader's file name made safe for Content-Disposition and
    people's disks: no folders, no control or reserved characters, the
    extension of the detected format. Polish letters are kept."""
    base = os.path.basename((name or "").replace("\\", "/"))
    stem = unicodedata.normalize("NFC", os.path.splitext(base)[0])
    stem = re.sub(r"[^\w\s.,()+–-]", "", stem)
    stem = re.sub(r"\s+", " ", stem).strip(" .-_")[:120].strip(" .-_")
    return f"{stem or 'dokument'}.{fmt.extension}"


class Document(EditorialModel, models.Model):
    """A file attached to a page, an article, an event… and listed in /dokumenty/."""

    workflow = Workflow(
        states=[State.PUBLISHED, State.WITHDRAWN],
        # Public as soon as its owner is: attaching a file to a published
        # page shows it; a second publishing step would only be forgotten.
        initial=State.PUBLISHED,
        expiry_field="visible_until",
        counted=ngettext_lazy("%(count)d dokument", "%(count)d dokumentów", "count"),
        transitions=[
            withdraw_step([State.PUBLISHED]),
            publish_step([State.WITHDRAWN], label=_("Przywróć"), done=_("Przywrócono")),
        ],
    )

    title = models.CharField(
        _("tytuł"), max_length=200, help_text=_("Tak, jak ma brzmieć link, np. „Regulamin konkursu”.")
    )
    file = models.FileField(
        _("plik"),
        upload_to=upload_to,
        storage=private_storage,
        max_length=200,
        validators=[formats.validate_document_file],
        help_text=_(
            "PDF, DOC, DOCX, ODT, RTF, XLS, XLSX, ODS, CSV lub TXT, do 20 MB. Rodzaj pliku jest rozpoznawany z treści."
        ),
    )
    filename = models.CharField(_("nazwa pliku"), max_length=200, editable=False)
    file_type = models.CharField(_("format"), max_length=10, choices=formats.CHOICES, editable=False)
    mime_type = models.CharField(_("typ zawartości"), max_length=120, editable=False)
    size = models.PositiveBigIntegerField(_("rozmiar (bajty)"), editable=False)
    issued_on = models.DateField(
        _("data dokumentu"),
        default=timezone.localdate,
        help_text=_("Według niej biblioteka dokumentów filtruje lata."),
    )
    is_accessible = models.BooleanField(
        _("dostępny cyfrowo"),
        default=True,
        help_text=_(
            "Odznacz, jeśli plik nie spełnia wymagań dostępności (np. skan bez warstwy tekstowej). "
            "Deklaracja dostępności wymienia takie dokumenty."
        ),
    )
    accessibility_note = models.CharField(
        _("krótki opis treści"),
        max_length=500,
        blank=True,
        help_text=_("Wymagany dla dokumentu niedostępnego cyfrowo: co zawiera i jak poprosić o wersję dostępną."),
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    owner = GenericForeignKey("content_type", "object_id")
    position = models.PositiveSmallIntegerField(_("kolejność"), default=0)
    status = workflow.state_field_definition()
    visible_until = visible_until_field()
    created_at = models.DateTimeField(_("dodano"), auto_now_add=True)
    updated_at = models.DateTimeField(_("zmieniono"), auto_now=True)
    search_vector = models.GeneratedField(
        expression=SearchVector("title", config="pps_search"),
        output_field=SearchVectorField(),
        db_persist=True,
    )

    objects = DocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("dokument")
        verbose_name_plural = _("dokumenty")
        ordering = ["-issued_on", "-pk"]
        permissions = [("moderate_document", "Może wycofywać i przywracać dokumenty")]
        indexes = [
            # An owner's documents: WHERE content_type_id = … AND object_id = … ORDER BY position.
            models.Index(fields=["content_type", "object_id", "position"], name="document_owner_idx"),
            # /dokumenty/: newest first, filtered by year and format.
            models.Index(fields=["-issued_on", "-id"], name="document_library_idx"),
            # /dokumenty/?q=: title search.
            GinIndex(fields=["search_vector"], name="document_search_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(is_accessible=True) | ~Q(accessibility_note=""),
                name="document_inaccessible_has_note",
                violation_error_message=_("Opisz treść dokumentu niedostępnego cyfrowo."),
            ),
            models.CheckConstraint(condition=Q(file_type__in=list(formats.FORMATS)), name="document_allowed_format"),
            models.CheckConstraint(condition=Q(size__gt=0), name="document_not_empty"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # A replaced file is kept: older versions (editorial.versions) name
        # it, and restoring one brings its file back.
        if self.file and not self.file._committed:
            # A new upload: its format, size and safe name come from its content.
            detected = formats.detect(self.file, self.file.name)
            self.file_type = detected.format.key
            self.mime_type = detected.content_type
            self.size = self.file.size
            self.filename = safe_filename(self.file.name, detected.format)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("documents:download", kwargs={"id": self.pk, "filename": self.url_filename})

    def clean(self):
        if not self.is_accessible and not self.accessibility_note.strip():
            raise ValidationError(
                {"accessibility_note": _("Opisz krótko treść dokumentu, który nie jest dostępny cyfrowo.")}
            )

    @property
    def url_filename(self):
        """The file name in the download URL: ASCII, "regulamin-konkursu.pdf"."""
        stem = slugify_pl(os.path.splitext(self.filename)[0], max_length=100) or "dokument"
        return f"{stem}.{self.format.extension}"

    @property
    def format(self):
        return formats.FORMATS[self.file_type]

    @property
    def link_text(self):
        """ "Regulamin konkursu (PDF, 1,2 MB)": what the link says it leads to."""
        return f"{self.title} ({self.details})"

    @property
    def details(self):
        """ "PDF, 1,2 MB" in Polish number formatting."""
        return f"{self.format.label}, {filesizeformat(self.size)}"


def _delete_files_of_deleted_documents(sender, instance, **kwargs):
    """A deleted document (one by one, in bulk, or with its owner) loses
    its file once the deletion is committed."""
    name, storage = instance.file.name, instance.file.storage
    if name:
        transaction.on_commit(lambda: storage.delete(name))


models.signals.post_delete.connect(_delete_files_of_deleted_documents, sender=Document)

versions.register(Document)
