"""Demo grant calls and their results, consistent with the seed page.

The seed page describes how the city works with NGOs: "zlecanie
organizacjom realizacji zadań publicznych … wraz z udzieleniem dotacji",
social cooperatives and the social-economy support centre (JOWES), the
neighbourhood centres (DOSL) with their picnics, applications through the
Elektroniczny Generator. So: calls of the last three years with results
awarded to demo registry organizations, one call open now, one announced,
one being evaluated, one cancelled, and small grants for neighbourhood
picnics. Dates are relative to the day the demo is loaded, so "open now"
stays true. Deterministic and idempotent by slug; `scale` adds generated
calls of past years (with results) for the benchmarks.
"""

import datetime
import random
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from stdnum.pl import nip as stdnum_nip

from documents.demo import attach_pdf
from editorial.states import State
from grants.models import Funder, Grant, GrantCall
from organizations.models import Area, Organization

SEED = 20191022
GENERATOR_URL = "https://www.witkac.pl/"
KIND = GrantCall.Kind
HOW_TO_APPLY = (
    "Ofertę składa się w Elektronicznym Generatorze. Potwierdzenie złożenia oferty, podpisane przez osoby "
    "upoważnione, należy złożyć w Kancelarii Urzędu Miasta Częstochowy, ul. Śląska 11/13."
)
CONTACT = {
    "contact_name": "Referat ds. organizacji pozarządowych, Wydział Polityki Społecznej",
    "contact_phone": "+48 34 370 76 31",
    "contact_email": "ps@czestochowa.um.gov.pl",
}
FUNDER = {
    "name": "Gmina Miasto Częstochowa",
    "department": "Wydział Polityki Społecznej, Urząd Miasta Częstochowy",
}
# Results also name organizations that are not in the registry: by the name as given.
OUTSIDE_REGISTRY = [
    ("Stowarzyszenie Przyjaciół Parku Lisiniec", "0000999901"),
    ("Fundacja Rozwoju Ziemi Kłobuckiej", "0000999902"),
]

# (slug stem, title, kind, area slug, budget, description, results: recipients drawn from the area)
TEMPLATES = [
    (
        "ekonomia-spoleczna",
        "Wspieranie ekonomii społecznej i solidarnej",
        KIND.OPEN_CALL,
        "rynek-pracy-sprawy-spoleczne",
        Decimal("450000"),
        "Zadania wspierające przedsiębiorstwa społeczne i spółdzielnie socjalne: doradztwo, szkolenia, "
        "tworzenie miejsc pracy dla osób zagrożonych ubóstwem lub wykluczeniem społecznym, we współpracy "
        "z Jurajskim Ośrodkiem Wsparcia Ekonomii Społecznej.",
    ),
    (
        "osoby-z-niepelnosprawnosciami",
        "Aktywizacja społeczna i zawodowa osób z niepełnosprawnościami",
        KIND.OPEN_CALL,
        "osoby-z-niepelnosprawnosciami",
        Decimal("320000"),
        "Rehabilitacja społeczna, transport osób z niepełnosprawnością, treningi pracy i wsparcie rodzin.",
    ),
    (
        "seniorzy",
        "Działania na rzecz seniorów",
        KIND.OPEN_CALL,
        "seniorzy",
        Decimal("180000"),
        "Kluby seniora, zajęcia ruchowe i edukacyjne, usługi opiekuńcze i sąsiedzka pomoc osobom starszym.",
    ),
    (
        "sport-dzieci",
        "Upowszechnianie sportu wśród dzieci i młodzieży",
        KIND.OPEN_CALL,
        "sport-turystyka-rekreacja",
        Decimal("600000"),
        "Pozalekcyjne zajęcia sportowe, turnieje i obozy dla uczniów częstochowskich szkół.",
    ),
    (
        "pierwsza-pomoc",
        "Edukacja w zakresie ratownictwa i pierwszej pomocy",
        KIND.OPEN_CALL,
        "ratownictwo-i-bezpieczenstwo",
        Decimal("60000"),
        "Szkolenia z pierwszej pomocy dla uczniów i mieszkańców, zabezpieczenie medyczne imprez miejskich.",
    ),
    (
        "piknik-sasiedzki",
        "Mały grant: pikniki sąsiedzkie w dzielnicach",
        KIND.SMALL_GRANT,
        "rozwoj-lokalny",
        Decimal("30000"),
        "Dofinansowanie pikników sąsiedzkich organizowanych z Dzielnicowymi Ośrodkami Społeczności "
        "Lokalnych (tryb art. 19a ustawy o działalności pożytku publicznego i o wolontariacie: do 10 000 zł "
        "na zadanie realizowane do 90 dni).",
    ),
]
RULES_PARAGRAPHS = [
    "Konkurs ogłasza Prezydent Miasta Częstochowy na podstawie ustawy o działalności pożytku publicznego "
    "i o wolontariacie oraz rocznego programu współpracy z organizacjami pozarządowymi.",
    "Oferty składa się w Elektronicznym Generatorze. Oferta musi zawierać opis zadania, harmonogram, "
    "kalkulację kosztów oraz informację o wkładzie własnym.",
    "Oferty ocenia komisja konkursowa pod względem formalnym i merytorycznym. Wyniki ogłasza się w "
    "Biuletynie Informacji Publicznej, na tablicy ogłoszeń urzędu i w portalu.",
]
FORM_PARAGRAPHS = [
    "Wzór oferty realizacji zadania publicznego zgodny z rozporządzeniem w sprawie wzorów ofert i ramowych "
    "wzorów umów dotyczących realizacji zadań publicznych.",
    "Ofertę wypełnia się w Elektronicznym Generatorze; ten wzór służy do zapoznania się z jej częściami.",
]


def _at(day, hour=15, minute=30):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def _funder():
    funder = Funder.objects.filter(name=FUNDER["name"]).first()
    if funder is None:
        rng = random.Random(f"{SEED}-funder")
        while True:
            digits = "573" + "".join(str(rng.randint(0, 9)) for _ in range(6))
            valid = [d for d in (digits + str(c) for c in range(10)) if stdnum_nip.is_valid(d)]
            if valid:
                break
        funder = Funder.objects.create(nip=valid[0], **FUNDER)
    return funder


def _schedule(today):
    """(template index, year, phase name, announced date) of every named call.

    Each of the last two years: every template, resolved. This year: the
    small grant resolved in spring; social economy open now, seniors
    announced, disability in evaluation, first aid cancelled; sport resolved.
    """
    plan = []
    for years_ago in (2, 1):
        year = today.year - years_ago
        for index in range(len(TEMPLATES)):
            plan.append((index, year, "resolved"))
    year = today.year
    plan += [
        (5, year, "resolved"),
        (3, year, "resolved"),
        (0, year, "open"),
        (2, year, "announced"),
        (1, year, "evaluation"),
        (4, year, "cancelled"),
    ]
    return plan


def _dates(phase, year, index, today):
    """announced_on, applications_open_at, deadline_at, results_expected_on, resolved_on."""
    days = datetime.timedelta(days=1)
    if phase == "open":
        opens, deadline = today - 9 * days, today + 12 * days
        return today - 10 * days, _at(opens, 8, 0), _at(deadline), deadline + 30 * days, None
    if phase == "announced":
        opens, deadline = today + 10 * days, today + 31 * days
        return today - 2 * days, _at(opens, 8, 0), _at(deadline), deadline + 30 * days, None
    if phase == "evaluation":
        opens, deadline = today - 40 * days, today - 6 * days
        return opens - days, _at(opens, 8, 0), _at(deadline), today + 21 * days, None
    if phase == "cancelled":
        opens, deadline = today - 50 * days, today - 20 * days
        return opens - days, _at(opens, 8, 0), _at(deadline), None, None
    # Resolved: spread over the year (a date already past for this year's).
    month = 2 + (index * 2) % 9
    announced = datetime.date(year, month, 5)
    if year == today.year:
        announced = min(announced, today - datetime.timedelta(days=70 + (index % 10) * 3))
    opens = announced + datetime.timedelta(days=1)
    deadline = opens + datetime.timedelta(days=21)
    resolved = deadline + datetime.timedelta(days=28)
    return announced, _at(opens, 8, 0), _at(deadline), resolved, resolved


def _grants_for(call, stem, rng, candidates, *, outside):
    """Results of a resolved call: registry organizations of its area (and one outside the registry)."""
    small = call.kind == KIND.SMALL_GRANT
    count = rng.randint(3, 5) if small else rng.randint(4, 7)
    per_grant = call.budget / (count + 1)
    grants = []
    for position, organization in enumerate(rng.sample(candidates, min(count, len(candidates))), start=1):
        amount = min(Decimal("10000"), per_grant) if small else per_grant
        amount = (amount * Decimal(rng.randint(60, 100)) / 100).quantize(Decimal("100"))
        grants.append(
            Grant(
                call=call,
                organization=organization,
                recipient_name=organization.name,
                krs=organization.krs,
                nip=organization.nip,
                task_title=rng.choice(TASKS[stem]),
                amount=max(amount, Decimal("1500")),
                awarded_on=call.resolved_on,
                position=position,
            )
        )
    if outside:
        name, krs = outside
        grants.append(
            Grant(
                call=call,
                recipient_name=name,
                krs=krs,
                task_title=rng.choice(TASKS[stem]),
                amount=(per_grant / 2).quantize(Decimal("100")),
                awarded_on=call.resolved_on,
                position=len(grants) + 1,
            )
        )
    return grants


TASKS = {
    "ekonomia-spoleczna": [
        "Inkubator spółdzielni socjalnych",
        "Szkolenia dla przedsiębiorstw społecznych",
        "Praca z przyszłością — trening zatrudnienia",
    ],
    "osoby-z-niepelnosprawnosciami": [
        "Dowóz na zajęcia rehabilitacyjne",
        "Trening pracy w klubokawiarni",
        "Wsparcie rodzin osób z niepełnosprawnością",
    ],
    "seniorzy": [
        "Klub Seniora w dzielnicy",
        "Senior w ruchu — zajęcia na świeżym powietrzu",
        "Sąsiedzka pomoc dla osób starszych",
    ],
    "sport-dzieci": ["Liga podwórkowa", "Zajęcia pozalekcyjne z piłki siatkowej", "Wakacyjny obóz sportowy"],
    "pierwsza-pomoc": ["Ratujemy życie — pierwsza pomoc w szkołach", "Zabezpieczenie medyczne imprez miejskich"],
    "piknik-sasiedzki": [
        "Piknik sąsiedzki na Tysiącleciu",
        "Rodzinny piknik na Rakowie",
        "Dzień sąsiada na Wrzosowiaku",
        "Piknik pokoleń na Północy",
    ],
}


@transaction.atomic
def seed_grants(*, scale=1):
    """Named calls of the last three years (and, at scale > 1, generated past ones) with results."""
    today = timezone.localdate()
    now = timezone.now()
    funder = _funder()
    areas = {area.slug: area for area in Area.objects.all()}
    published = Organization.objects.published().only("pk", "name", "krs", "nip").order_by("pk")
    by_area = {}
    for organization_id, area_slug in (
        Organization.areas.through.objects.filter(organization__in=published.values("pk"))
        .values_list("organization_id", "area__slug")
        .order_by("organization_id")
    ):
        by_area.setdefault(area_slug, []).append(organization_id)
    organizations = {o.pk: o for o in published}
    if not organizations or not areas:
        return "Grant calls: none created (no registry organizations yet)."
    fallback = list(organizations)
    existing = set(GrantCall.objects.values_list("slug", flat=True))
    rng = random.Random(SEED)
    calls, grants = [], []
    plan = [(index, year, phase, 0) for index, year, phase in _schedule(today)]
    # Generated past editions for the benchmarks: every template, each year back, `scale - 1` rounds.
    for copy in range(1, scale):
        for years_ago in range(0, 3):
            for index in range(len(TEMPLATES)):
                plan.append((index, today.year - years_ago, "resolved", copy))
    for index, year, phase, copy in plan:
        stem, title, kind, area_slug, budget, description = TEMPLATES[index]
        slug = f"{stem}-{year}" + (f"-{copy + 1}" if copy else "")
        if slug in existing or area_slug not in areas:
            continue
        existing.add(slug)
        announced, opens, deadline, expected, resolved = _dates(phase, year, index + copy, today)
        call = GrantCall(
            title=f"{title} w {year} roku" + (f" (edycja {copy + 1})" if copy else ""),
            slug=slug,
            kind=kind,
            area=areas[area_slug],
            funder=funder,
            budget=budget,
            announced_on=announced,
            applications_open_at=opens,
            deadline_at=deadline,
            results_expected_on=expected,
            resolved_on=resolved,
            application_url=GENERATOR_URL,
            application_info=HOW_TO_APPLY,
            description=f"<p>{description}</p>",
            status=State.PUBLISHED,
            published_at=min(now, _at(announced, 9, 0)),
            **CONTACT,
        )
        if phase == "cancelled":
            call.status = State.CANCELLED
            call.cancellation_reason = "Nie złożono żadnej oferty spełniającej wymogi formalne."
            call.cancelled_at = deadline + datetime.timedelta(days=5)
        calls.append((call, stem, phase))
    GrantCall.objects.bulk_create([call for call, _stem, _phase in calls], batch_size=1000)
    for number, (call, stem, phase) in enumerate(calls):
        if phase != "resolved":
            continue
        candidates = [organizations[pk] for pk in by_area.get(call.area.slug) or fallback]
        outside = OUTSIDE_REGISTRY[number % len(OUTSIDE_REGISTRY)] if number % 3 == 0 else None
        grants += _grants_for(call, stem, rng, candidates, outside=outside)
    Grant.objects.bulk_create(grants, batch_size=5000)
    documents = 0
    for call, _stem, phase in calls:
        if phase in ("open", "announced"):
            documents += attach_pdf(call, f"Regulamin konkursu: {call.title}", call.announced_on, RULES_PARAGRAPHS)
            documents += attach_pdf(
                call, "Wzór oferty realizacji zadania publicznego", call.announced_on, FORM_PARAGRAPHS, position=1
            )
    total = GrantCall.objects.count()
    return f"Grant calls: {len(calls)} created ({total} in all), {len(grants)} grants, {documents} documents."
