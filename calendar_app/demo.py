"""Demo events: the seed page's events and others, around today's date."""

import datetime
import random

from django.db import transaction
from django.utils import timezone

from calendar_app import recurrence, services
from calendar_app.models import Event, EventCategory, EventException, Occurrence
from organizations.models import District, Organization
from pps_portal.text import slugify_pl

CATEGORIES = [
    ("Spotkania i konsultacje", "spotkania-i-konsultacje"),
    ("Szkolenia i warsztaty", "szkolenia-i-warsztaty"),
    ("Ekonomia społeczna", "ekonomia-spoleczna"),
    ("Kultura i rozrywka", "kultura-i-rozrywka"),
    ("Rodzina i dzieci", "rodzina-i-dzieci"),
    ("Seniorzy", "seniorzy"),
    ("Sport i zdrowie", "sport-i-zdrowie"),
    ("Kampanie społeczne", "kampanie-spoleczne"),
]

JOWES = "Jurajski Ośrodek Wsparcia Ekonomii Społecznej"
CISL = "Częstochowski Instytut Społeczności Lokalnych"
CIS = "Centrum Integracji Społecznej w Częstochowie"
RESCUE = "Sztab Ratownictwa i Łączności w Częstochowie RESCUE TEAM"
BRAT = "Fundacja Oczami Brata"
MANUFAKTURA = "Spółdzielnia Socjalna „Jasne, że manufaktura”"
BUS = "Spółdzielnia Socjalna „Jasne, że bus”"
CITY = "Wydział Polityki Społecznej Urzędu Miasta Częstochowy"

CITY_HALL = ("Urząd Miasta Częstochowy, sala sesyjna", "ul. Śląska 11/13", "srodmiescie")
PHILHARMONIC = ("Filharmonia Częstochowska", "ul. Wilsona 16", "srodmiescie")
LISINIEC = ("Park Lisiniec", "ul. Kusięcka", "wrzosowiak")
OLD_MARKET = ("Stary Rynek", "Stary Rynek", "stare-miasto")
BIEGANSKI = ("Plac Biegańskiego", "pl. Biegańskiego", "srodmiescie")
CIS_HOUSE = ("Centrum Integracji Społecznej", "ul. Łukasińskiego 40", "stradom")
CISL_HOUSE = ("Dzielnicowy Ośrodek Społeczności Lokalnych", "ul. Jasnogórska 23", "trzech-wieszczow")


def _event(title, category, organizer, place, *, summary, description, **fields):
    return {
        "title": title,
        "category": category,
        "organizer": organizer,
        "place": place,
        "summary": summary,
        "description": description,
        **fields,
    }


def _named_events(today):
    """(fields, exceptions) of the demo events, dated relative to `today`."""

    def day(offset):
        return today + datetime.timedelta(days=offset)

    def at(offset, hour, minute=0):
        return recurrence.aware(datetime.datetime.combine(day(offset), datetime.time(hour, minute)))

    def weekday_on_or_after(offset, weekday):
        d = day(offset)
        return (weekday - d.weekday()) % 7 + offset

    # Seasonal events keep their season: the last September, the next February.
    september = datetime.date(today.year if today.month >= 10 else today.year - 1, 9, 16)
    tax_start = datetime.date(today.year + 1 if today.month >= 5 else today.year, 2, 15)
    tuesday = weekday_on_or_after(-84, 1)
    wednesday = weekday_on_or_after(-56, 2)
    thursday = (tax_start + datetime.timedelta(days=(3 - tax_start.weekday()) % 7) - today).days
    second_wednesday = datetime.date(today.year, 1, 8) + datetime.timedelta(
        days=(2 - datetime.date(today.year, 1, 8).weekday()) % 7
    )

    events = [
        _event(
            "Rodzinny Piknik Organizacji Pozarządowych", "ekonomia-spoleczna", CISL, LISINIEC,
            summary="Częstochowskie organizacje pozarządowe przedstawiają się mieszkańcom: stoiska, gry, koncerty.",
            description=(
                "<p>Piknik to przestrzeń do bezpośredniego kontaktu liderów NGO z mieszkańcami miasta. "
                "Na stoiskach organizacje pokażą, czym się zajmują i jak można się do nich przyłączyć.</p>"
                "<p>Dla dzieci: gry, malowanie twarzy, pokaz ratownictwa RESCUE TEAM.</p>"
            ),
            starts_at=at(-82, 12), ends_at=at(-82, 18), wheelchair_access=True,
        ),
        _event(
            "Europejski Tydzień Zrównoważonego Transportu", "kampanie-spoleczne", BUS, BIEGANSKI,
            summary="Coroczna kampania promująca transport przyjazny dla mieszkańców.",
            description=(
                "<p>Przez tydzień: przejazdy rowerowe, dzień bez samochodu, pokazy dostępnych pojazdów "
                "spółdzielni socjalnej „Jasne, że bus” i bezpłatne przeglądy rowerów.</p>"
            ),
            is_all_day=True, start_date=september, end_date=september + datetime.timedelta(days=6),
            wheelchair_access=True,
        ),
        _event(
            "Konsultacje programu współpracy z organizacjami pozarządowymi na przyszły rok", "spotkania-i-konsultacje",
            None, CITY_HALL,
            summary="Otwarte spotkanie konsultacyjne projektu rocznego programu współpracy.",
            description="<p>Zapraszamy przedstawicieli organizacji do zgłaszania uwag do projektu programu.</p>",
            starts_at=at(-37, 16), ends_at=at(-37, 18), organizer_name=CITY, wheelchair_access=True,
            induction_loop=True,
        ),
        _event(
            "Targi Ekonomii Społecznej", "ekonomia-spoleczna", JOWES, OLD_MARKET,
            summary="Spółdzielnie socjalne i podmioty ekonomii społecznej prezentują swoje produkty i usługi.",
            description="<p>Stoiska spółdzielni socjalnych, warsztaty i rozmowy o zakładaniu spółdzielni.</p>",
            starts_at=at(-20, 10), ends_at=at(-20, 16),
        ),
        _event(
            "Szkolenie z pierwszej pomocy dla wolontariuszy", "szkolenia-i-warsztaty", RESCUE, CIS_HOUSE,
            summary="Praktyczne ćwiczenia z resuscytacji i użycia AED. Liczba miejsc ograniczona.",
            description="<p>Zapisy przez stronę organizatora. Szkolenie kończy się zaświadczeniem.</p>",
            starts_at=at(2, 10), ends_at=at(2, 14), wheelchair_access=False,
        ),
        _event(
            "Warsztaty pisania ofert — otwarty konkurs ofert na przyszły rok", "szkolenia-i-warsztaty", JOWES,
            CITY_HALL,
            summary="Jak przygotować ofertę w Elektronicznym Generatorze: konkurs ofert i mały grant.",
            description="<p>Omówimy kryteria oceny, budżet i najczęstsze błędy formalne.</p>",
            starts_at=at(5, 10), ends_at=at(5, 15), wheelchair_access=True, induction_loop=True,
        ),
        _event(
            "Gala Ekonomii Społecznej", "ekonomia-spoleczna", JOWES, PHILHARMONIC,
            summary="Wręczenie nagród za działalność w organizacjach pozarządowych i ekonomii społecznej.",
            description=(
                "<p>Podczas Gali wręczane są nagrody za działalność w organizacjach pozarządowych. "
                "Wystąpią podopieczni Centrum Integracji Społecznej.</p>"
            ),
            starts_at=at(8, 18), ends_at=at(8, 21), wheelchair_access=True, induction_loop=True, sign_language=True,
        ),
        _event(
            "Mikołajki z Fundacją Oczami Brata", "rodzina-i-dzieci", BRAT, CISL_HOUSE,
            summary="Zabawy, warsztaty plastyczne i paczki dla dzieci z rodzin objętych wsparciem fundacji.",
            description="<p>Wstęp wolny; prosimy o wcześniejsze zgłoszenie dzieci.</p>",
            starts_at=at(10, 15), ends_at=at(10, 18), wheelchair_access=True,
        ),
        _event(
            "Mini forum organizacji pozarządowych", "spotkania-i-konsultacje", CISL, CITY_HALL,
            summary="Sprawozdanie z rocznego programu współpracy, wymiana doświadczeń i nowe pomysły.",
            description=(
                "<p>Forum służy omówieniu sprawozdania z rocznego programu współpracy, wymianie doświadczeń, "
                "zbieraniu nowych pomysłów i zgłaszaniu uwag do pracy wykonywanej na rzecz organizacji.</p>"
            ),
            starts_at=at(13, 10), ends_at=at(13, 14), wheelchair_access=True, induction_loop=True, sign_language=True,
        ),
        _event(
            "Kiermasz świąteczny spółdzielni socjalnych", "ekonomia-spoleczna", MANUFAKTURA, OLD_MARKET,
            summary="Rękodzieło, ozdoby i wypieki przygotowane przez spółdzielnie socjalne.",
            description="<p>Dochód wspiera zatrudnienie osób zagrożonych wykluczeniem społecznym.</p>",
            is_all_day=True, start_date=day(16), end_date=day(17), is_free=True,
        ),
        _event(
            "Koncert charytatywny „Jasne, że pomagamy”", "kultura-i-rozrywka", CIS, PHILHARMONIC,
            summary="Koncert na rzecz podopiecznych Centrum Integracji Społecznej.",
            description="<p>Bilety-cegiełki do kupienia w kasie filharmonii.</p>",
            starts_at=at(16, 19), ends_at=at(16, 21), is_free=False, price="30 zł, ulgowy 15 zł",
            status=Event.Status.CANCELLED,
            cancellation_note="Koncert odwołano z powodu choroby wykonawców; bilety zwraca kasa filharmonii.",
        ),
        _event(
            "Spotkanie opłatkowe organizacji pozarządowych", "spotkania-i-konsultacje", None, CITY_HALL,
            summary="Świąteczne spotkanie przedstawicieli organizacji z władzami miasta.",
            description="<p>Zaproszenia wysyłamy do organizacji z Bazy NGO.</p>",
            starts_at=at(21, 17), ends_at=at(21, 19), organizer_name=CITY, wheelchair_access=True,
        ),
        _event(
            "Inauguracja kampanii 1,5% dla częstochowskich organizacji pożytku publicznego",
            "kampanie-spoleczne", CISL, CITY_HALL,
            summary="Kampania 1,5%: promocja częstochowskich organizacji pożytku publicznego.",
            description="<p>Przedstawimy listę OPP z Częstochowy i materiały promocyjne kampanii.</p>",
            starts_at=recurrence.aware(datetime.datetime.combine(tax_start, datetime.time(12))),
            ends_at=recurrence.aware(datetime.datetime.combine(tax_start, datetime.time(13, 30))),
            wheelchair_access=True,
        ),
        # Series
        _event(
            "Gimnastyka dla seniorów", "seniorzy", CIS, CIS_HOUSE,
            summary="Zajęcia ruchowe dla seniorów co wtorek. Wygodny strój i woda.",
            description="<p>Prowadzi fizjoterapeutka. Zajęcia bezpłatne, bez zapisów.</p>",
            starts_at=at(tuesday, 10), ends_at=at(tuesday, 11, 30), repeat=Event.Repeat.WEEKLY,
            wheelchair_access=True,
        ),
        _event(
            "Warsztaty ceramiczne w manufakturze", "kultura-i-rozrywka", MANUFAKTURA, OLD_MARKET,
            summary="Toczenie na kole i szkliwienie; materiały zapewnia spółdzielnia.",
            description="<p>Zapisy telefoniczne. Grupa do 10 osób.</p>",
            starts_at=at(wednesday, 17), ends_at=at(wednesday, 19), repeat=Event.Repeat.WEEKLY,
            repeat_until=day(120), is_free=False, price="20 zł",
        ),
        _event(
            "Bezpłatne porady dla organizacji: księgowość i sprawozdawczość", "szkolenia-i-warsztaty", JOWES,
            CISL_HOUSE,
            summary="W każdą drugą środę miesiąca doradca JOWES odpowiada na pytania organizacji.",
            description="<p>Dyżur bez zapisów; prosimy zabrać dokumenty, których dotyczy pytanie.</p>",
            starts_at=recurrence.aware(datetime.datetime.combine(second_wednesday, datetime.time(16))),
            ends_at=recurrence.aware(datetime.datetime.combine(second_wednesday, datetime.time(18))),
            repeat=Event.Repeat.MONTHLY, repeat_monthly_by=Event.MonthlyBy.WEEKDAY, induction_loop=True,
        ),
        _event(
            "Punkt informacyjny: jak przekazać 1,5% podatku", "kampanie-spoleczne", CISL, CITY_HALL,
            summary="W czwartki w sezonie rozliczeń pomagamy wskazać organizację pożytku publicznego w zeznaniu.",
            description="<p>Pomoc w wypełnieniu rubryki OPP w zeznaniu podatkowym.</p>",
            starts_at=at(thursday, 16), ends_at=at(thursday, 18), repeat=Event.Repeat.WEEKLY,
            repeat_until=datetime.date(tax_start.year, 4, 30), wheelchair_access=True,
        ),
    ]  # fmt: skip
    exceptions = {
        "Gimnastyka dla seniorów": [
            # The Tuesdays around Christmas: a break, and one class moved to Wednesday.
            {"occurrence_date": day(tuesday + 7 * 16), "note": "Przerwa świąteczna."},
            {
                "occurrence_date": day(tuesday + 7 * 14),
                "kind": EventException.Kind.MOVED,
                "new_starts_at": at(tuesday + 7 * 14 + 1, 10),
                "new_ends_at": at(tuesday + 7 * 14 + 1, 11, 30),
                "note": "We wtorek sala jest zajęta: zajęcia wyjątkowo w środę.",
            },
        ],
    }
    return events, exceptions


@transaction.atomic
def seed_events(*, scale=1):
    """Categories, the seed page's events and others (series, multi-day, one cancelled).

    Idempotent by slug; existing events are never changed. Organizers are
    looked up in the registry by name (else kept as a name). With scale > 1,
    500 × (scale − 1) generated events are bulk-inserted for benchmarks.
    """
    categories = {}
    for position, (name, slug) in enumerate(CATEGORIES):
        categories[slug], _created = EventCategory.objects.get_or_create(
            slug=slug, defaults={"name": name, "position": position}
        )
    districts = {district.slug: district for district in District.objects.all()}
    organizations = {org.name: org for org in Organization.objects.published()}
    today = timezone.localdate()
    named, exceptions = _named_events(today)
    existing = set(Event.objects.values_list("slug", flat=True))
    services.occurrences_lock()
    created = []
    for entry in named:
        entry = dict(entry)
        slug = slugify_pl(entry["title"]) or "wydarzenie"
        if slug in existing:
            continue
        venue, address, district = entry.pop("place")
        organizer_name = entry.pop("organizer")
        organizer = organizations.get(organizer_name)
        event = Event(
            slug=slug,
            category=categories[entry.pop("category")],
            venue_name=venue,
            address=address,
            postal_code="42-217",
            city="Częstochowa",
            district=districts.get(district),
            organizer=organizer,
            organizer_name=entry.pop("organizer_name", "" if organizer else organizer_name or ""),
            status=entry.pop("status", Event.Status.PUBLISHED),
            published_at=timezone.now(),
            **entry,
        )
        event.full_clean()
        event.save()
        for exception in exceptions.get(event.title, []):
            item = EventException(event=event, **exception)
            item.full_clean()
            item.save()
        created.append(event)
    services.occurrences_store(events=created)
    generated = _generate(scale, today, categories, districts, existing)
    return (
        f"Kalendarz: {len(created)} wydarzeń demonstracyjnych, {generated} wygenerowanych "
        f"(razem {Event.objects.count()}, terminów {Occurrence.objects.count()})."
    )


TOPICS = [
    ("Spotkanie informacyjne", "spotkania-i-konsultacje"),
    ("Warsztaty", "szkolenia-i-warsztaty"),
    ("Szkolenie", "szkolenia-i-warsztaty"),
    ("Kiermasz", "ekonomia-spoleczna"),
    ("Koncert", "kultura-i-rozrywka"),
    ("Wystawa", "kultura-i-rozrywka"),
    ("Zajęcia dla dzieci", "rodzina-i-dzieci"),
    ("Klub seniora", "seniorzy"),
    ("Rajd rowerowy", "sport-i-zdrowie"),
    ("Akcja sprzątania", "kampanie-spoleczne"),
]
PLACES = [CITY_HALL, PHILHARMONIC, LISINIEC, OLD_MARKET, BIEGANSKI, CIS_HOUSE, CISL_HOUSE]
GENERATED_PER_SCALE = 500


def _generate(scale, today, categories, districts, existing):
    """500 × (scale − 1) events spread over two years, a tenth of them weekly series."""
    count = GENERATED_PER_SCALE * (scale - 1)
    if count <= 0:
        return 0
    rng = random.Random(f"pps-events-{scale}")
    organizer_ids = list(Organization.objects.published().values_list("pk", flat=True)[:5000])
    batch = []
    for n in range(count):
        slug = f"demo-wydarzenie-{n + 1}"
        if slug in existing:
            continue
        topic, category = TOPICS[n % len(TOPICS)]
        venue, address, district = PLACES[n % len(PLACES)]
        offset = rng.randint(-365, 365)
        start = recurrence.aware(
            datetime.datetime.combine(today + datetime.timedelta(days=offset), datetime.time(rng.randint(8, 19)))
        )
        event = Event(
            title=f"{topic} #{n + 1}",
            slug=slug,
            summary="Wydarzenie wygenerowane do testów wydajności.",
            category=categories[category],
            venue_name=venue,
            address=address,
            city="Częstochowa",
            district=districts.get(district),
            organizer_id=rng.choice(organizer_ids) if organizer_ids and rng.random() < 0.8 else None,
            organizer_name="" if organizer_ids else "Organizacja demonstracyjna",
            is_free=rng.random() < 0.7,
            wheelchair_access=rng.choice([True, False, None]),
            status=Event.Status.PUBLISHED if rng.random() < 0.95 else Event.Status.CANCELLED,
            published_at=timezone.now(),
        )
        if n % 10 == 0:
            event.starts_at, event.ends_at = start, start + datetime.timedelta(hours=2)
            event.repeat = Event.Repeat.WEEKLY
            event.repeat_until = today + datetime.timedelta(days=offset + rng.randint(30, 200))
        elif n % 7 == 0:
            event.is_all_day = True
            event.start_date = start.date()
            event.end_date = start.date() + datetime.timedelta(days=rng.randint(0, 3))
        else:
            event.starts_at, event.ends_at = start, start + datetime.timedelta(hours=rng.randint(1, 4))
        event.normalize()
        batch.append(event)
    Event.objects.bulk_create(batch, batch_size=1000)
    for start in range(0, len(batch), 2000):
        services.occurrences_store(events=batch[start : start + 2000])
    return len(batch)
