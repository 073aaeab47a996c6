import re

from django.contrib.postgres.expressions import ArraySubquery
from django.contrib.postgres.search import SearchQuery, SearchRank, TrigramSimilarity, TrigramWordSimilarity
from django.db.models import Case, F, Func, Q, TextField, Value, When
from django.db.models.functions import Lower
from django.utils import timezone

from editorial.workflow import EditorialQuerySet
from organizations import freshness
from organizations.identifiers import identifier_q

# Letters and digits only: what a search word may contain. Underscore and
# punctuation are dropped, so no LIKE wildcard can reach the SQL.
_WORD = re.compile(r"[^\W_]+")
MAX_QUERY_WORDS = 8
MIN_FUZZY_WORD = 3  # shorter words (i, w, na) are ignored unless nothing else was typed
# Trigram similarity above which a stored word counts as the typed one
# ("fundcja"~"fundacja" 0.55, "edukacji"~"edukacja" 0.64, "fundcja"~"fundusz" 0.33).
TERM_SIMILARITY = 0.4


def unaccented(expression):
    """immutable_unaccent(lower(…)): the form the trigram indexes hold."""
    return Func(Lower(expression), function="immutable_unaccent", output_field=TextField())


def search_words(query):
    """The words of a query worth matching, at most MAX_QUERY_WORDS."""
    words = _WORD.findall(query or "")
    long_words = [w for w in words if len(w) >= MIN_FUZZY_WORD]
    return (long_words or words)[:MAX_QUERY_WORDS]


class OrganizationQuerySet(EditorialQuerySet):
    """Reads of the registry.

    Two public notions, each defined here once:

    * `published()` (from the editorial core): the entry has a public page;
    * `listed()`: published and still active in the register, so it appears
      in the list, search, OPP list, statistics and sitemap.
      Organizations in liquidation or struck off keep their page (which
      explains it) and stay in the exports with their status.
    """

    def listed(self):
        """Published entries of organizations neither in liquidation nor struck off."""
        return self.published().filter(registry_status=self.model.RegistryStatus.ACTIVE)

    # -- freshness (organizations.freshness) ------------------------------

    def confirmed_since(self, moment):
        return self.filter(confirmed_at__gte=moment)

    def current(self, now=None):
        """Data confirmed within the last CONFIRM_AFTER_MONTHS."""
        return self.confirmed_since(freshness.confirmed_before(freshness.CONFIRM_AFTER_MONTHS, now))

    def unconfirmed(self, now=None):
        """Data not confirmed for more than STALE_AFTER_MONTHS ("Dane niepotwierdzone od …")."""
        return self.filter(confirmed_at__lt=freshness.confirmed_before(freshness.STALE_AFTER_MONTHS, now))

    def reminder_due(self, now=None):
        """Listed entries with an address whose yearly confirmation is due and
        who have not been asked within REMINDER_INTERVAL, nor unsubscribed."""
        now = now or timezone.now()
        return (
            self.listed()
            .exclude(email="")
            .filter(
                reminders_stopped_at__isnull=True,
                confirmed_at__lt=freshness.confirmed_before(freshness.CONFIRM_AFTER_MONTHS, now),
            )
            .filter(Q(reminder_sent_at__isnull=True) | Q(reminder_sent_at__lte=now - freshness.REMINDER_INTERVAL))
        )

    def public_benefit(self):
        """OPP organizations, which can receive 1,5% of income tax."""
        return self.filter(is_public_benefit=True).exclude(krs="")

    def for_listing(self):
        """What a list or card shows: the district joined, areas prefetched."""
        return (
            self.select_related("district")
            .prefetch_related("areas")
            .defer("search_vector", "search_terms", "name_search", "rejection_reason")
        )

    def alphabetical(self):
        """Polish alphabetical order (the name column has the pl-x-icu collation)."""
        return self.order_by("name", "pk")

    def filter_by(self, *, legal_form=None, area=None, district=None, is_public_benefit=None):
        """Narrow by the registry's filters; None means "any"."""
        qs = self
        if legal_form:
            qs = qs.filter(legal_form=legal_form)
        if area is not None:
            # A subquery, not a join: exports aggregate all areas of each record.
            qs = qs.filter(pk__in=self.model.areas.through.objects.filter(area=area).values("organization_id"))
        if district is not None:
            qs = qs.filter(district=district)
        if is_public_benefit is not None:
            qs = qs.filter(is_public_benefit=is_public_benefit)
        return qs

    def search(self, query):
        """Records matching what a resident typed, best first (annotated `rank`).

        * An exact KRS, NIP or REGON (with or without dashes, "PL", leading
          zeros) finds that record, ranked first.
        * Otherwise every typed word (of 3+ letters) must match a word of the
          name or description: diacritics-insensitive (`pps_search` unaccents,
          so `czestochowa` = `Częstochowa`), tolerant of a typo or another
          ending through trigram similarity of whole words (`fundcja`,
          `edukacji`), or as a prefix (`eduk`).
        * Or (one typed word only) it is close to a part of the name.

        Ranked by closeness of the phrase to the name, then full-text rank
        (name words weigh more than description words). All in one SQL
        query served by the GIN indexes on Organization.
        """
        query = (query or "").strip()[:200]
        words = search_words(query)
        if not words:
            return self.none()
        text = " ".join(words)

        identifier_match = identifier_q(query)

        from organizations.models import SearchTerm

        word_match = Q()
        for word in words:
            typed = unaccented(Value(word))
            # Spelling variants of the typed word, through the trigram index
            # on searchterm.term: `term % typed` (pg_trgm's default threshold
            # 0.3, which the index applies) re-checked at TERM_SIMILARITY, or
            # words it begins (`eduk` → `edukacja`, LIKE through the same index).
            variants = (
                SearchTerm.objects.alias(similarity=TrigramSimilarity("term", typed))
                .filter(Q(term__trigram_similar=typed, similarity__gte=TERM_SIMILARITY) | Q(term__startswith=typed))
                .values("term")
            )
            # Records containing any variant, through the GIN index on search_terms.
            word_match &= Q(search_terms__overlap=ArraySubquery(variants))
        phrase = unaccented(Value(text))
        match = word_match
        if len(words) == 1:
            # One typed word may also be a part of a name word or span two
            # ("chowskie", "rescueteam"): through the trigram index on
            # name_search (the unaccented name), `name_search %> word`, i.e. word
            # similarity above pg_trgm.word_similarity_threshold (0.6). Not for
            # several words: "fundacja jura" would find every "Fundacja …".
            match |= Q(name_search__trigram_word_similar=phrase)
        if identifier_match is not None:
            match |= identifier_match

        full_text = SearchQuery(text, config="pps_search", search_type="plain")
        rank = TrigramWordSimilarity(phrase, "name_search") + SearchRank(F("search_vector"), full_text)
        if identifier_match is not None:
            rank = rank + Case(When(identifier_match, then=Value(10.0)), default=Value(0.0))
        return self.filter(match).annotate(rank=rank).order_by("-rank", "name", "pk")
