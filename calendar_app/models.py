import datetime
import re

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, F, Q, Window
from django.db.models.functions import RowNumber
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, ngettext_lazy
from django.utils.translation import gettext_lazy as _
from django_ckeditor_5.fields import CKEditor5Field

from calendar_app import recurrence
from calendar_app.formatting import describe_rule
from documents.models import DocumentsRelation
from editorial import versions
from editorial.states import State
from editorial.workflow import (
    EditorialModel,
    EditorialQuerySet,
    Transition,
    Workflow,
    publish_step,
    reject_step,
    withdraw_step,
)
from pps_portal import redirects
from pps_portal.languages import (
    SEARCH_COLUMNS,
    SourceLanguageColumns,
    search_match,
    shown_text,
    title_contains,
    translated_search_field,
)
from pps_portal.models import ImageWithAltText
from pps_portal.sanitize import sanitize_translations
from pps_portal.text import unique_slug

_AMOUNT = re.compile(r"\d+(?:[.,]\d{1,2})?")


class EventCategory(SourceLanguageColumns):
    """A kind of event (warsztaty, spotkanie, kultura…), edited by the editors."""

    name = models.CharField(_("nazwa"), max_length=100, unique=True)
    slug = models.SlugField(_("identyfikator w adresie"), max_length=100, unique=True)
    position = models.PositiveSmallIntegerField(_("kolejność"), default=0)

    class Meta:
        verbose_name = _("kategoria wydarzeń")
        verbose_name_plural = _("kategorie wydarzeń")
        ordering = ["position", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f"{reverse('calendar:agenda')}?kategoria={self.slug}"


class EventQuerySet(EditorialQuerySet):
    """Reads of events themselves (their dates are read through `Occurrence`).

    "Public" is `published()` from the editorial core.
    """

    def public(self):
        """Events anyone may see: published, and cancelled ones (shown as "Odwołane").

        The calendar's name for `published()`, whose rule is `Event.workflow`'s.
        """
        return self.published()

    def search(self, text):
        """Events matching what a resident typed, with an alias `rank` to order by.

        Full text (diacritics-insensitive through the `pps_search`
        configuration) or a part of the title ("kiermasz" in "Kiermasze
        świąteczne"). The one definition the site search and the agenda's
        filter share.
        """
        condition, rank, _query = search_match(text)
        return self.filter(condition | title_contains(text)).alias(rank=rank)

    def series(self):
        return self.exclude(repeat=Event.Repeat.NONE)

    def single(self):
        return self.filter(repeat=Event.Repeat.NONE)


class Event(SourceLanguageColumns, EditorialModel, ImageWithAltText):
    """An event in the city calendar: one date, several days, or a weekly/monthly series.

    Times are stored in UTC and shown in Europe/Warsaw. All-day events keep
    their dates in `start_date`/`end_date`; `starts_at`/`ends_at` then hold
    the local midnights around them, so ordering and range queries treat
    every event alike. A series repeats the first occurrence (its start and
    duration in local wall-clock time) by `repeat`; `EventException` rows
    cancel or move single occurrences. Every date is stored as an
    `Occurrence` row by `calendar_app.services`; the pages read those.
    """

    workflow = Workflow(
        states=[State.DRAFT, State.PENDING, State.PUBLISHED, State.CANCELLED, State.WITHDRAWN, State.REJECTED],
        initial=State.DRAFT,
        # A cancelled event stays public, marked "Odwołane" (and STATUS:CANCELLED in feeds).
        public_states=[State.PUBLISHED, State.CANCELLED],
        reason_field="rejection_reason",
        counted=ngettext_lazy("%(count)d wydarzenie", "%(count)d wydarzeń", "count"),
        transitions=[
            # Also a cancelled event whose cancellation no longer holds.
            publish_step(
                [State.DRAFT, State.PENDING, State.CANCELLED, State.WITHDRAWN, State.REJECTED],
                effect="calendar_app.services.stamp_published",
            ),
            reject_step(
                [State.PENDING],
                reason_help=_("Zostaje w rekordzie; zgłaszający dowie się o nim z wiadomości o zgłoszeniu."),
            ),
            Transition(
                "cancel",
                _("Odwołaj"),
                done=_("Odwołano"),
                # Only a published event: cancelled is public, so cancelling a
                # draft or a submission would publish it.
                sources=[State.PUBLISHED],
                target=State.CANCELLED,
                reason="optional",
                reason_field="cancellation_note",
                reason_label=_("Informacja o odwołaniu (widoczna publicznie)"),
            ),
            withdraw_step([State.PUBLISHED, State.CANCELLED]),
        ],
    )
    Status = State

    class Repeat(models.TextChoices):
        NONE = "", _("nie powtarza się")
        WEEKLY = recurrence.WEEKLY, _("co tydzień")
        MONTHLY = recurrence.MONTHLY, _("co miesiąc")

    class MonthlyBy(models.TextChoices):
        MONTH_DAY = recurrence.BY_MONTH_DAY, _("tego samego dnia miesiąca (np. 15.)")
        WEEKDAY = recurrence.BY_WEEKDAY, _("w ten sam dzień tygodnia (np. w drugi wtorek, w ostatni piątek)")

    class Weekday(models.IntegerChoices):
        MONDAY = 0, _("poniedziałek")
        TUESDAY = 1, _("wtorek")
        WEDNESDAY = 2, _("środa")
        THURSDAY = 3, _("czwartek")
        FRIDAY = 4, _("piątek")
        SATURDAY = 5, _("sobota")
        SUNDAY = 6, _("niedziela")

    class AttendanceMode(models.TextChoices):
        OFFLINE = "offline", _("na miejscu")
        ONLINE = "online", _("online")
        MIXED = "mixed", _("na miejscu i online")

    PUBLIC_STATUSES = tuple(workflow.public_states)

    title = models.CharField(_("tytuł"), max_length=200)
    slug = models.SlugField(
        _("identyfikator w adresie"),
        max_length=220,
        unique=True,
        blank=True,
        help_text=_("Tworzony z tytułu, gdy pusty. Nie zmieniaj po publikacji: linki do wydarzenia krążą."),
    )
    summary = models.CharField(
        _("zajawka"), max_length=300, blank=True, help_text=_("Jedno, dwa zdania do list i wyników wyszukiwania.")
    )
    description = CKEditor5Field(_("opis"), blank=True, config_name="default")
    category = models.ForeignKey(
        EventCategory,
        verbose_name=_("kategoria"),
        related_name="events",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )

    is_all_day = models.BooleanField(_("całodniowe"), default=False, help_text=_("Podaj wtedy daty zamiast godzin."))
    starts_at = models.DateTimeField(
        _("początek"), blank=True, help_text=_("Czas polski. Dla wydarzeń całodniowych uzupełniany sam.")
    )
    ends_at = models.DateTimeField(
        _("koniec"), blank=True, help_text=_("Czas polski. Dla wydarzeń całodniowych uzupełniany sam.")
    )
    start_date = models.DateField(_("pierwszy dzień"), null=True, blank=True, help_text=_("Tylko całodniowe."))
    end_date = models.DateField(
        _("ostatni dzień"), null=True, blank=True, help_text=_("Tylko całodniowe; ten sam dzień, jeśli jednodniowe.")
    )

    repeat = models.CharField(_("powtarzanie"), max_length=10, choices=Repeat.choices, default=Repeat.NONE, blank=True)
    repeat_interval = models.PositiveSmallIntegerField(
        _("co ile tygodni / miesięcy"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
        help_text=_("1 — co tydzień (co miesiąc), 2 — co drugi…"),
    )
    repeat_weekdays = ArrayField(
        models.PositiveSmallIntegerField(choices=Weekday.choices),
        verbose_name=_("dni tygodnia"),
        default=list,
        blank=True,
        help_text=_("Tylko co tydzień. Dzień tygodnia pierwszego terminu jest zawsze uwzględniony."),
    )
    repeat_monthly_by = models.CharField(
        _("powtarzanie co miesiąc"), max_length=10, choices=MonthlyBy.choices, default=MonthlyBy.MONTH_DAY
    )
    repeat_until = models.DateField(
        _("powtarzaj do"),
        null=True,
        blank=True,
        help_text=_("Ostatni dzień, w którym może być termin; puste — bez końca."),
    )
    venue_name = models.CharField(_("miejsce"), max_length=200, blank=True, help_text=_("Np. Park Lisiniec."))
    address = models.CharField(_("ulica i numer"), max_length=200, blank=True)
    postal_code = models.CharField(_("kod pocztowy"), max_length=6, blank=True)
    city = models.CharField(_("miejscowość"), max_length=100, blank=True)
    district = models.ForeignKey(
        "organizations.District",
        verbose_name=_("dzielnica"),
        related_name="events",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    attendance_mode = models.CharField(
        _("forma udziału"), max_length=10, choices=AttendanceMode.choices, default=AttendanceMode.OFFLINE
    )

    organizer = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("organizator z Bazy NGO"),
        related_name="events",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    organizer_name = models.CharField(
        _("organizator (nazwa)"),
        max_length=300,
        blank=True,
        help_text=_("Gdy organizatora nie ma w Bazie NGO albo współorganizator."),
    )

    is_free = models.BooleanField(_("wstęp wolny"), default=True)
    price = models.CharField(_("cena"), max_length=200, blank=True, help_text=_("Np. 20 zł, ulgowy 10 zł."))
    external_url = models.URLField(_("strona wydarzenia lub zapisy"), max_length=500, blank=True)
    contact_email = models.EmailField(_("e-mail kontaktowy"), blank=True, help_text=_("Publiczny."))
    contact_phone = models.CharField(_("telefon kontaktowy"), max_length=50, blank=True, help_text=_("Publiczny."))

    wheelchair_access = models.BooleanField(_("dostępne dla osób na wózkach"), null=True, blank=True)
    induction_loop = models.BooleanField(_("pętla indukcyjna"), null=True, blank=True)
    sign_language = models.BooleanField(_("tłumacz polskiego języka migowego"), null=True, blank=True)
    accessibility_notes = models.TextField(_("dostępność — uwagi"), blank=True)

    status = workflow.state_field_definition(
        _("status"),
        help_text=_("Publicznie widoczne są wydarzenia opublikowane i odwołane (z oznaczeniem „Odwołane”)."),
    )
    cancellation_note = models.CharField(
        _("informacja o odwołaniu"), max_length=300, blank=True, help_text=_("Widoczna publicznie.")
    )
    rejection_reason = models.TextField(_("powód odrzucenia"), blank=True)
    published_at = models.DateTimeField(_("opublikowano"), null=True, blank=True)
    submitter_name = models.CharField(_("zgłaszający"), max_length=200, blank=True, help_text=_("Niepubliczne."))
    submitter_email = models.EmailField(_("e-mail zgłaszającego"), blank=True, help_text=_("Niepubliczny."))
    created_at = models.DateTimeField(_("utworzono"), auto_now_add=True)
    updated_at = models.DateTimeField(_("zaktualizowano"), auto_now=True)

    # For the site-wide search: title (A), summary and places (B), description (C).
    search_vector = models.GeneratedField(
        expression=SearchVector("title", weight="A", config="pps_search")
        + SearchVector("summary", "venue_name", "organizer_name", weight="B", config="pps_search")
        + SearchVector("description", weight="C", config="pps_search"),
        output_field=SearchVectorField(),
        db_persist=True,
    )
    # The translations' own search columns (/uk/szukaj/, /en/szukaj/ search them and the Polish one).
    search_vector_uk = translated_search_field("uk", a=["title"], b=["summary"], c=["description"])
    search_vector_en = translated_search_field("en", a=["title"], b=["summary"], c=["description"])

    # Public events (cancelled ones too) show their documents.
    documents = DocumentsRelation(public="public")

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("wydarzenie")
        verbose_name_plural = _("wydarzenia")
        ordering = ["starts_at", "pk"]
        permissions = [("moderate_event", "Może publikować, odrzucać, odwoływać i wycofywać wydarzenia")]
        indexes = [
            # The sitemap's pages of public events: ORDER BY starts_at DESC, id.
            models.Index(
                fields=["starts_at", "id"],
                name="event_public_starts",
                condition=Q(status__in=["published", "cancelled"]),
            ),
            # Site-wide search: search_vector @@ websearch_to_tsquery('pps_search', q).
            GinIndex(fields=["search_vector"], name="event_search_vector"),
            GinIndex(fields=["search_vector_uk"], name="event_search_uk_idx"),
            GinIndex(fields=["search_vector_en"], name="event_search_en_idx"),
            # The admin's and moderation queue's filter by status.
            models.Index(fields=["status", "created_at"], name="event_status_created"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gte=F("starts_at")), name="event_ends_after_start"),
            models.CheckConstraint(
                condition=Q(
                    is_all_day=True,
                    start_date__isnull=False,
                    end_date__isnull=False,
                    end_date__gte=F("start_date"),
                )
                | Q(is_all_day=False, start_date__isnull=True, end_date__isnull=True),
                name="event_all_day_dates",
            ),
            models.CheckConstraint(
                condition=Q(repeat_interval__gte=1, repeat_interval__lte=12), name="event_repeat_interval_range"
            ),
            *ImageWithAltText.Meta.constraints,
            models.CheckConstraint(
                condition=~Q(status="rejected") | ~Q(rejection_reason=""), name="event_rejected_has_reason"
            ),
            # The target of Occurrence's (event_id, event_status) foreign key, which
            # copies every status change to the event's occurrences (ON UPDATE CASCADE).
            models.UniqueConstraint(fields=["id", "status"], name="event_id_status"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.normalize()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("calendar:detail", kwargs={"slug": self.slug})

    def get_ics_url(self):
        return reverse("calendar:event_ics", kwargs={"slug": self.slug})

    # -- derived values ---------------------------------------------------

    @property
    def is_cancelled(self):
        return self.status == self.Status.CANCELLED

    @property
    def is_series(self):
        return bool(self.repeat)

    @property
    def organizer_is_listed(self):
        """Whether the linked registry organization is public (published): only then is it shown and linked.

        A pending, rejected or withdrawn organization is not public, so its
        name must not reach any page, feed or structured data through its events.
        """
        return (
            self.organizer_id is not None
            and self.organizer is not None
            and self.organizer.status == self.organizer.Status.PUBLISHED
        )

    @property
    def organizer_display(self):
        """The organizer's public name: the registry's when listed (see above), else the free text.

        Every public place (cards, the event page, .ics, JSON-LD) uses this
        and `organizer_is_listed`; the free text is a co-organizer when listed.
        """
        if self.organizer_is_listed:
            return self.organizer.name
        return self.organizer_name

    @property
    def rule(self):
        return recurrence.Rule.of(self)

    def first_bounds(self):
        """(start, end) of the first occurrence, aware; all-day: local midnights, end exclusive."""
        if self.is_all_day:
            return recurrence.local_day_range(self.start_date, self.end_date)
        return self.starts_at, self.ends_at

    @property
    def recurrence_text(self):
        """The repeat rule in words: "co tydzień (poniedziałek, środa) do 30 czerwca 2027"."""
        return describe_rule(self)

    @property
    def price_amount(self):
        """The first amount in the price text ("20 zł, ulgowy 10 zł" → "20"), for structured data."""
        match = _AMOUNT.search(self.price)
        return match.group(0).replace(",", ".") if match else None

    @property
    def full_address(self):
        locality = " ".join(part for part in (self.postal_code, self.city) if part)
        return ", ".join(part for part in (self.address, locality) if part)

    # -- validation and saving ------------------------------------------

    def clean(self):
        errors = {}
        if self.is_all_day:
            if self.start_date is None:
                errors["start_date"] = _("Podaj pierwszy dzień wydarzenia całodniowego.")
            if self.end_date is None and self.start_date is not None:
                self.end_date = self.start_date
            if self.start_date and self.end_date and self.end_date < self.start_date:
                errors["end_date"] = _("Ostatni dzień nie może być wcześniejszy niż pierwszy.")
            elif self.start_date:
                # Derived now, so the database constraints validate against real values.
                self.starts_at, self.ends_at = recurrence.local_day_range(self.start_date, self.end_date)
        else:
            self.start_date = self.end_date = None
            if self.starts_at is None:
                errors["starts_at"] = _("Podaj początek wydarzenia.")
            elif self.ends_at is None:
                errors["ends_at"] = _("Podaj koniec wydarzenia.")
            elif self.ends_at < self.starts_at:
                errors["ends_at"] = _("Koniec nie może być wcześniejszy niż początek.")
        if self.repeat and not errors:
            first = self.start_date if self.is_all_day else timezone.localdate(self.starts_at)
            if self.repeat_until is not None and self.repeat_until < first:
                errors["repeat_until"] = _("Koniec powtarzania nie może być przed pierwszym terminem.")
            start, end = self.first_bounds()
            if end - start > datetime.timedelta(days=7 * (self.repeat_interval or 1)):
                errors["repeat"] = _("Termin serii nie może trwać dłużej niż odstęp między terminami.")
        if self.repeat != self.Repeat.WEEKLY:
            self.repeat_weekdays = []
        if errors:
            raise ValidationError(errors)
        super().clean()

    def normalize(self):
        """Fill what is derived: all-day datetimes, the slug.

        Called by save(); call it yourself before bulk_create.
        """
        if self.is_all_day and self.start_date is not None:
            self.end_date = self.end_date or self.start_date
            self.starts_at, self.ends_at = recurrence.local_day_range(self.start_date, self.end_date)
        if self.repeat != self.Repeat.WEEKLY:
            self.repeat_weekdays = []
        sanitize_translations(self, "description")
        if not self.slug:
            self.slug = unique_slug(Event, self.title, fallback="wydarzenie", max_length=220, exclude_pk=self.pk)


class EventException(models.Model):
    """One occurrence of a series cancelled or moved to another time."""

    class Kind(models.TextChoices):
        CANCELLED = "cancelled", _("odwołany termin")
        MOVED = "moved", _("przeniesiony termin")

    event = models.ForeignKey(Event, verbose_name=_("wydarzenie"), related_name="exceptions", on_delete=models.CASCADE)
    occurrence_date = models.DateField(
        _("dzień terminu"), help_text=_("Dzień, na który termin był zaplanowany według powtarzania.")
    )
    kind = models.CharField(_("zmiana"), max_length=10, choices=Kind.choices, default=Kind.CANCELLED)
    new_starts_at = models.DateTimeField(_("nowy początek"), null=True, blank=True)
    new_ends_at = models.DateTimeField(_("nowy koniec"), null=True, blank=True)
    new_start_date = models.DateField(_("nowy pierwszy dzień"), null=True, blank=True, help_text=_("Całodniowe."))
    new_end_date = models.DateField(_("nowy ostatni dzień"), null=True, blank=True, help_text=_("Całodniowe."))
    note = models.CharField(_("informacja"), max_length=300, blank=True, help_text=_("Widoczna publicznie."))

    class Meta:
        verbose_name = _("zmiana terminu serii")
        verbose_name_plural = _("zmiany terminów serii")
        ordering = ["occurrence_date"]
        constraints = [
            models.UniqueConstraint(fields=["event", "occurrence_date"], name="eventexception_one_per_occurrence"),
            models.CheckConstraint(
                condition=Q(
                    kind="cancelled",
                    new_starts_at__isnull=True,
                    new_ends_at__isnull=True,
                    new_start_date__isnull=True,
                    new_end_date__isnull=True,
                )
                | Q(
                    kind="moved",
                    new_starts_at__isnull=False,
                    new_ends_at__gte=F("new_starts_at"),
                    new_start_date__isnull=True,
                    new_end_date__isnull=True,
                )
                | Q(
                    kind="moved",
                    new_starts_at__isnull=True,
                    new_ends_at__isnull=True,
                    new_start_date__isnull=False,
                    new_end_date__gte=F("new_start_date"),
                ),
                name="eventexception_kind_fields",
            ),
        ]

    def __str__(self):
        return f"{self.event} — {self.occurrence_date:%d.%m.%Y} ({self.get_kind_display()})"

    @property
    def is_moved(self):
        return self.kind == self.Kind.MOVED

    def as_change(self, all_day):
        return recurrence.Change.of(self, all_day)

    def clean(self):
        errors = {}
        try:
            # Also the unsaved parent of an admin inline, before it has a pk.
            event = self.event
        except Event.DoesNotExist:
            event = None
        if self.kind == self.Kind.CANCELLED:
            self.new_starts_at = self.new_ends_at = self.new_start_date = self.new_end_date = None
        elif event is not None and event.is_all_day:
            self.new_starts_at = self.new_ends_at = None
            if self.new_start_date is None:
                errors["new_start_date"] = _("Podaj nowy pierwszy dzień.")
            if self.new_end_date is None and self.new_start_date and event.start_date and event.end_date:
                # Same length as the planned occurrence unless told otherwise.
                self.new_end_date = self.new_start_date + (event.end_date - event.start_date)
            self.new_end_date = self.new_end_date or self.new_start_date
            if self.new_start_date and self.new_end_date < self.new_start_date:
                errors["new_end_date"] = _("Ostatni dzień nie może być wcześniejszy niż pierwszy.")
        else:
            self.new_start_date = self.new_end_date = None
            if self.new_starts_at is None:
                errors["new_starts_at"] = _("Podaj nowy początek.")
            elif self.new_ends_at is None and event is not None and event.starts_at and event.ends_at:
                self.new_ends_at = self.new_starts_at + (event.ends_at - event.starts_at)
            elif self.new_ends_at is None:
                errors["new_ends_at"] = _("Podaj nowy koniec.")
            elif self.new_ends_at < self.new_starts_at:
                errors["new_ends_at"] = _("Koniec nie może być wcześniejszy niż początek.")
        if event is not None and self.occurrence_date is not None:
            rule = event.rule
            first_start, _end = event.first_bounds() if (event.starts_at or event.start_date) else (None, None)
            if rule is None:
                errors["occurrence_date"] = _("To wydarzenie się nie powtarza.")
            elif first_start is not None and not rule.includes(
                recurrence.local_naive(first_start), self.occurrence_date
            ):
                errors["occurrence_date"] = _("W tym dniu seria nie ma terminu.")
        if errors:
            raise ValidationError(errors)


# The event's search columns (every language's), seen from an occurrence: never loaded for display.
EVENT_SEARCH_COLUMNS = [f"event__{column}" for column in SEARCH_COLUMNS]


class OccurrenceQuerySet(models.QuerySet):
    """Reads of the calendar's dates. Every calendar page is one of these over indexed columns."""

    def public(self):
        """Occurrences of public events (`Event.PUBLIC_STATUSES`); the event's status is copied to each row."""
        return self.filter(event_status__in=Event.PUBLIC_STATUSES)

    def for_listing(self):
        """With what cards, grids and lists print: the event, its category, organizer and district."""
        # The description and search vectors are only for the event page and the site search.
        return self.select_related("event__category", "event__organizer", "event__district").defer(
            "event__description", *EVENT_SEARCH_COLUMNS
        )

    def overlapping(self, start, end=None):
        """Not over before `start` and begun before `end` (None: open); one ending exactly at `start` counts."""
        if end is not None and end <= start:
            return self.none()
        occurrences = self.filter(ends_at__gte=start)
        return occurrences if end is None else occurrences.filter(starts_at__lt=end)

    def continuing(self, day):
        """Multi-day occurrences that began before local date `day` and still take place on it."""
        return self.filter(is_multi_day=True, first_day__lt=day, last_day__gte=day)

    def on_days(self, first_day, last_day):
        """Taking place on any local day first_day..last_day (a multi-day occurrence on each of its days).

        Two index ranges: those starting in the range, and the few multi-day
        ones that began before it (a condition on both ends of an interval
        has no single B-tree order).
        """
        continuing = Q(is_multi_day=True, first_day__lt=first_day, last_day__gte=first_day)
        return self.filter(Q(first_day__range=(first_day, last_day)) | continuing)

    def spans(self, first_day, last_day):
        """The distinct (first_day, last_day) of occurrences on the days first_day..last_day (index only)."""
        starting = self.filter(first_day__range=(first_day, last_day))
        pairs = ("first_day", "last_day")
        return starting.order_by().values_list(*pairs).union(self.continuing(first_day).order_by().values_list(*pairs))

    def starts_per_day(self, first_day, last_day):
        """{date: how many start on it} for the days first_day..last_day (an index-only scan)."""
        starting = self.filter(first_day__range=(first_day, last_day)).order_by()
        return dict(starting.values_list("first_day").annotate(count=Count("pk")))

    def in_cells(self, first_day, last_day, limit):
        """What a grid of the days first_day..last_day lists: the first `limit` starting each day, and every
        multi-day one (a cell shows it on each of its days), as named rows in time order."""
        # Numbered per day in the order of the days index, so the numbering reads no more than the index.
        in_order = [F("starts_at").asc(), F("is_all_day").desc(), F("pk").asc()]
        number = Window(RowNumber(), partition_by=F("first_day"), order_by=in_order)
        firsts = self.filter(first_day__range=(first_day, last_day)).alias(number=number).filter(number__lte=limit)
        multi_day = self.filter(is_multi_day=True, first_day__lte=last_day, last_day__gte=first_day).order_by()
        # Rows, not objects (a grid lists hundreds): what a cell prints, the title, link, start time and state.
        return (
            Occurrence.objects.filter(pk__in=firsts.values("pk").union(multi_day.values("pk"), all=True))
            .annotate(title=shown_text("event__title", models.CharField()), slug=F("event__slug"))
            .values_list(
                "pk", "starts_at", "is_all_day", "state", "event_status", "first_day", "last_day", "title", "slug",
                named=True,
            )
        )  # fmt: skip

    def next_per_event(self, start, end=None):
        """Each event once, at its first occurrence running during [start, end): the agenda's rows.

        `previous_ends_at` is the latest end of the event's earlier
        occurrences, so "none of them is in the window" is a plain
        comparison. Lists read it in two parts, both in index order:
        `from_day(day)` and the few `continuing(day)` ones before it.
        """
        current = Q(previous_ends_at__isnull=True) | Q(previous_ends_at__lt=start)
        return self.overlapping(start, end).filter(current)

    def from_day(self, day):
        """Starting on local date `day` or later (ordered scans of the agenda begin here)."""
        return self.filter(starts_at__gte=recurrence.local_midnight(day))

    def upcoming(self, start, limit):
        """The first `limit` of `next_per_event(start)`, in time order, in one query (home and organization blocks)."""
        day = start.astimezone(recurrence.LOCAL_TZ).date()
        rows = self.next_per_event(start)
        first = rows.continuing(day).values("pk").union(rows.from_day(day).values("pk")[:limit], all=True)
        return Occurrence.objects.for_listing().filter(pk__in=first)[:limit]


class Occurrence(models.Model):
    """One date of an event: a single event has one row, a series one per date up to the stored horizon.

    Written only by `calendar_app.services` (with the event, its rule and
    its exceptions, in one transaction); every calendar page reads these.
    The columns after `note` are derived, for index-only reads.
    """

    class State(models.TextChoices):
        SCHEDULED = recurrence.SCHEDULED, _("zgodnie z planem")
        CANCELLED = recurrence.CANCELLED, _("odwołany termin")
        MOVED = recurrence.MOVED, _("przeniesiony termin")

    # Looked up by the index of the unique constraint below, which begins with event_id.
    event = models.ForeignKey(
        Event, verbose_name=_("wydarzenie"), related_name="occurrences", on_delete=models.CASCADE, db_index=False
    )
    # A copy of the event's status, kept equal by a foreign key on (event_id,
    # event_status) with ON UPDATE CASCADE (migration 0007): public pages
    # filter occurrences without joining every row to its event.
    event_status = models.CharField(max_length=20, editable=False)
    # When the rule planned it (RECURRENCE-ID): equal to starts_at unless moved.
    original_starts_at = models.DateTimeField()
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()  # exclusive; local midnight after the last day for all-day events
    is_all_day = models.BooleanField()
    state = models.CharField(max_length=10, choices=State.choices, default=State.SCHEDULED)
    note = models.CharField(max_length=300, blank=True)
    first_day = models.DateField()  # local dates it covers
    last_day = models.DateField()
    is_multi_day = models.BooleanField()  # last_day after first_day (a column: its own index and statistics)
    # The latest end of this event's earlier occurrences (None for the first): see next_per_event().
    previous_ends_at = models.DateTimeField(null=True)

    objects = OccurrenceQuerySet.as_manager()

    class Meta:
        verbose_name = _("termin")
        verbose_name_plural = _("terminy")
        ordering = ["starts_at", "-is_all_day", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "original_starts_at"], name="occurrence_one_per_planned_start"),
            models.CheckConstraint(condition=Q(ends_at__gte=F("starts_at")), name="occurrence_ends_after_start"),
            models.CheckConstraint(
                condition=Q(is_multi_day=False, last_day=F("first_day"))
                | Q(is_multi_day=True, last_day__gt=F("first_day")),
                name="occurrence_days_in_order",
            ),
            models.CheckConstraint(
                condition=Q(state__in=["scheduled", "cancelled", "moved"]), name="occurrence_state_valid"
            ),
        ]
        indexes = [
            # Month grid (rows and counts per day), day page, mini calendar: first_day ranges, in time order.
            models.Index(
                fields=["first_day", "starts_at", "-is_all_day", "id"],
                include=["last_day"],
                name="occurrence_public_days",
                condition=Q(event_status__in=["published", "cancelled"]),
            ),
            # The same pages and the agenda: multi-day occurrences that began before a day (continuing()).
            models.Index(
                fields=["last_day", "first_day"],
                include=["id"],
                name="occurrence_public_multi_day",
                condition=Q(event_status__in=["published", "cancelled"], is_multi_day=True),
            ),
            # Agenda, home and organization blocks, feed: next_per_event() from a day on, in list order.
            models.Index(
                fields=["starts_at", "-is_all_day", "id"],
                include=["ends_at", "previous_ends_at"],
                name="occurrence_public_starts",
                condition=Q(event_status__in=["published", "cancelled"]),
            ),
            # calendar_app.changes: the next end of a public occurrence (for the page cache).
            models.Index(
                fields=["ends_at"],
                name="occurrence_public_ends",
                condition=Q(event_status__in=["published", "cancelled"]),
            ),
        ]

    def __str__(self):
        return f"{self.event} — {timezone.localtime(self.starts_at):%d.%m.%Y %H:%M}"

    def get_absolute_url(self):
        return self.event.get_absolute_url()

    @property
    def is_cancelled(self):
        return self.state == self.State.CANCELLED or self.event_status == Event.Status.CANCELLED

    @property
    def is_moved(self):
        return self.state == self.State.MOVED

    @property
    def start_date(self):
        return self.first_day

    @property
    def end_date(self):
        """The last local day it covers (inclusive)."""
        return self.last_day


class OccurrenceHorizon(models.Model):
    """How far ahead series are stored: every occurrence starting on or before `until` has a row (one row).

    Extended on demand by `services.ensure_stored_until` when a page asks
    for later dates; it never shrinks.
    """

    until = models.DateField()

    class Meta:
        constraints = [models.CheckConstraint(condition=Q(pk=1), name="occurrence_horizon_single_row")]

    def __str__(self):
        return f"{self.until:%d.%m.%Y}"


class EventTextQuerySet(models.QuerySet):
    def in_language(self):
        """The active language's texts with what an .ics file needs of their events, in the events' order.

        Named rows, not objects (a feed has a thousand): text, slug, starts_at, is_all_day, title.
        """
        return (
            self.filter(language=get_language())
            .annotate(
                slug=F("event__slug"),
                starts_at=F("event__starts_at"),
                is_all_day=F("event__is_all_day"),
                title=shown_text("event__title", models.CharField()),
            )
            .order_by("starts_at", "event_id")
            .values_list("text", "slug", "starts_at", "is_all_day", "title", named=True)
        )


class EventText(models.Model):
    """An event's VEVENTs as iCalendar text in one language, what every .ics file concatenates.

    The event with its RRULE and EXDATEs, and one VEVENT per moved date,
    as `calendar_app.ics.event_text` writes them: everything but the URL,
    which names the requesting host. Written by `calendar_app.services`
    with every change of the event, its dates or the names it shows.
    """

    event = models.ForeignKey(Event, related_name="texts", on_delete=models.CASCADE, db_index=False)
    language = models.CharField(max_length=7)
    text = models.TextField()

    objects = EventTextQuerySet.as_manager()

    class Meta:
        ordering = ["event", "language"]
        constraints = [
            # The feed's lookup of one language's texts of its events uses this index (event_id first).
            models.UniqueConstraint(fields=["event", "language"], name="event_text_one_per_language"),
        ]

    def __str__(self):
        return f"{self.event} ({self.language})"


# The submitter's contact data is personal data and is erased after the
# retention period, so no version keeps it. (Occurrences are derived: a
# restored version stores them again, see calendar_app.apps.)
versions.register(Event, exclude=["submitter_name", "submitter_email"])
# The event's page and its .ics both keep answering after a slug change.
redirects.track(Event, urls=lambda event: [event.get_absolute_url(), event.get_ics_url()])
