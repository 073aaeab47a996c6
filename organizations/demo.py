"""Demo content for Baza NGO, from the seed page.

The organizations the seed page names, then generated ones in the seed's
proportions ("931 podmiotów … 223 fundacji, 37 stowarzyszeń, 20 jednostek
OSP, 3 związki OSP, 47 klubów sportowych, 73 uczniowskie kluby sportowe,
14 spółdzielni socjalnych", 78 OPP) scaled down to about 200. Identifiers
are fictional but pass their checksums; KRS numbers come from a range
(00099xxxxx) not yet issued. Deterministic (a seeded random generator) and
idempotent by slug: a second run adds nothing, rows editors changed are
never touched. A few entries are removed from the register or unconfirmed
for a long time, and one has a proposed change waiting for the editors, so
every notice and the moderation of changes show in a fresh `make run`.
"""

import datetime
import random
from importlib import import_module

from dateutil.relativedelta import relativedelta
from django.db import transaction
from django.utils import timezone
from stdnum.pl import nip as stdnum_nip
from stdnum.pl import regon as stdnum_regon

from organizations.models import Area, District, Organization
from pps_portal.text import slugify_pl

LF = Organization.LegalForm
PUBLISHED = Organization.Status.PUBLISHED

GENERATED_PER_SCALE = 200
SEED = 20191022  # the seed page's "stan na dzień 22.10.2019"

# Per 200 generated organizations, from the seed's counts out of 931.
# The 514 entities the page does not break down are split between
# ordinary associations, church entities and other forms.
PROPORTIONS = [
    (LF.FOUNDATION, 48),  # 223 / 931
    (LF.ASSOCIATION, 8),  # 37
    (LF.VOLUNTEER_FIRE_BRIGADE, 4),  # 20
    (LF.FIRE_BRIGADE_UNION, 1),  # 3
    (LF.SPORTS_CLUB, 10),  # 47
    (LF.STUDENT_SPORTS_CLUB, 16),  # 73
    (LF.SOCIAL_COOPERATIVE, 3),  # 14
    (LF.ORDINARY_ASSOCIATION, 40),
    (LF.CHURCH_ENTITY, 12),
    (LF.OTHER, 58),
]
OPP_PER_SCALE = 17  # 78 / 931 of 200
# Forms registered in KRS (others — UKS, ordinary associations, church
# entities — are kept in other registers and have no KRS number).
IN_KRS = {
    LF.FOUNDATION,
    LF.ASSOCIATION,
    LF.VOLUNTEER_FIRE_BRIGADE,
    LF.FIRE_BRIGADE_UNION,
    LF.SPORTS_CLUB,
    LF.SOCIAL_COOPERATIVE,
}
OPP_FORMS = [LF.FOUNDATION, LF.ASSOCIATION, LF.VOLUNTEER_FIRE_BRIGADE, LF.SPORTS_CLUB]

DEMO_NOTE = "Dane demonstracyjne: numery KRS, NIP i REGON są fikcyjne."

NAMED = [
    {
        "name": "Fundacja Oczami Brata",
        "legal_form": LF.FOUNDATION,
        "is_public_benefit": True,
        "areas": ["osoby-z-niepelnosprawnosciami", "rynek-pracy-sprawy-spoleczne", "ochrona-zdrowia"],
        "district": "tysiaclecie",
        "street_address": "ul. Kilińskiego 150",
        "description": (
            "Fundacja wspiera osoby z niepełnosprawnościami i ich rodziny: prowadzi rehabilitację, "
            "zatrudnia osoby z niepełnosprawnością w przedsiębiorstwie społecznym.\n\n"
            "Laureatka certyfikatu Znak Jakości Ekonomii Społecznej i Solidarnej 2020 w kategorii "
            "„Najlepszy Pracodawca”."
        ),
    },
    {
        "name": "Sztab Ratownictwa i Łączności w Częstochowie RESCUE TEAM",
        "legal_form": LF.ASSOCIATION,
        "is_public_benefit": True,
        "areas": ["ratownictwo-i-bezpieczenstwo", "edukacja-i-wychowanie"],
        "district": "srodmiescie",
        "street_address": "ul. Wały Dwernickiego 21",
        "description": (
            "Ratownictwo medyczne i zabezpieczenie imprez masowych, łączność radiowa w sytuacjach "
            "kryzysowych, szkolenia z pierwszej pomocy dla szkół i firm.\n\n"
            "Laureat certyfikatu Znak Jakości Ekonomii Społecznej i Solidarnej 2020 w kategorii "
            "„Sukces Rynkowy”."
        ),
    },
    {
        "name": "Spółdzielnia Socjalna „Jasne, że bus”",
        "legal_form": LF.SOCIAL_COOPERATIVE,
        "areas": ["rynek-pracy-sprawy-spoleczne", "osoby-z-niepelnosprawnosciami"],
        "district": "raków",
        "street_address": "ul. Rakowska 12",
        "description": "Usługi transportowe na rzecz osób z niepełnosprawnością. Spółdzielnię współtworzyło Miasto.",
    },
    {
        "name": "Spółdzielnia Socjalna „Jasne, że manufaktura”",
        "legal_form": LF.SOCIAL_COOPERATIVE,
        "areas": ["rynek-pracy-sprawy-spoleczne", "gospodarka"],
        "district": "stare-miasto",
        "street_address": "ul. Mirowska 4",
        "description": "Usługi krawieckie: szycie na miarę, przeróbki, szycie odzieży roboczej.",
    },
    {
        "name": "Spółdzielnia Socjalna „Jasne, że dom i wnętrze”",
        "legal_form": LF.SOCIAL_COOPERATIVE,
        "areas": ["rynek-pracy-sprawy-spoleczne", "gospodarka"],
        "district": "zawodzie-dabie",
        "street_address": "ul. Bialska 80",
        "description": "Renowacja mebli, usługi transportowe oraz remontowo-budowlane.",
    },
    {
        "name": "Spółdzielnia Socjalna „Jasne, że alternatywa 21”",
        "legal_form": LF.SOCIAL_COOPERATIVE,
        "areas": ["rynek-pracy-sprawy-spoleczne", "kultura-i-sztuka", "osoby-z-niepelnosprawnosciami"],
        "district": "srodmiescie",
        "street_address": "al. Najświętszej Maryi Panny 21",
        "description": "Klubokawiarnia prowadzona przez osoby z niepełnosprawnościami; spotkania, koncerty, wystawy.",
    },
    {
        "name": "Spółdzielnia Socjalna „Jasne, że zmiana”",
        "legal_form": LF.SOCIAL_COOPERATIVE,
        "areas": ["rynek-pracy-sprawy-spoleczne", "seniorzy", "pomoc-spoleczna"],
        "district": "polnoc",
        "street_address": "ul. Okulickiego 47",
        "description": "Usługi opiekuńcze dla mieszkańców miasta: pomoc w domu osobom starszym i chorym.",
    },
    {
        "name": "Centrum Integracji Społecznej w Częstochowie",
        "legal_form": LF.OTHER,
        "areas": ["rynek-pracy-sprawy-spoleczne", "pomoc-spoleczna"],
        "district": "stradom",
        "street_address": "ul. Krakowska 80",
        "description": (
            "Samorządowy zakład budżetowy założony przez Miasto. Reintegracja zawodowa i społeczna osób "
            "wykluczonych społecznie, znajdujących się w trudnej sytuacji życiowej."
        ),
    },
    {
        "name": "Jurajski Ośrodek Wsparcia Ekonomii Społecznej",
        "legal_form": LF.OTHER,
        "areas": ["gospodarka", "rynek-pracy-sprawy-spoleczne", "rozwoj-lokalny"],
        "district": "srodmiescie",
        "street_address": "al. Najświętszej Maryi Panny 24",
        "description": (
            "Prowadzony przez Agencję Rozwoju Regionalnego; obejmuje Częstochowę oraz powiaty częstochowski, "
            "myszkowski i kłobucki. Doradztwo prawne, marketingowe i księgowe, szkolenia, warsztaty i wizyty "
            "studyjne dla podmiotów ekonomii społecznej."
        ),
    },
    {
        "name": "Częstochowski Instytut Społeczności Lokalnych",
        "legal_form": LF.OTHER,
        "areas": ["rozwoj-lokalny", "edukacja-i-wychowanie", "kultura-i-sztuka"],
        "district": "trzech-wieszczow",
        "street_address": "ul. Jasnogórska 23",
        "description": (
            "Aktywizacja społeczno-zawodowa, partnerstwo i aktywność lokalna; koordynuje 13 Dzielnicowych "
            "Ośrodków Społeczności Lokalnych: czytelnictwo, wsparcie rodziców, akcje ekologiczne, pikniki "
            "sąsiedzkie i spotkania edukacyjne."
        ),
    },
]

THEMES = [
    ("Pomocy Dzieciom", ["dzieci-i-mlodziez", "pomoc-spoleczna"]),
    ("Edukacja dla Przyszłości", ["edukacja-i-wychowanie", "dzieci-i-mlodziez"]),
    ("Rozwoju Regionu", ["rozwoj-lokalny", "gospodarka"]),
    ("Zdrowie Seniora", ["ochrona-zdrowia", "seniorzy"]),
    ("Kultury i Sztuki", ["kultura-i-sztuka"]),
    ("Ochrony Zwierząt", ["ekologia-i-ochrona-zwierzat"]),
    ("Zielona Jura", ["ekologia-i-ochrona-zwierzat", "sport-turystyka-rekreacja"]),
    ("Aktywni Razem", ["rynek-pracy-sprawy-spoleczne", "pomoc-spoleczna"]),
    ("Przyjaciół Osób Niepełnosprawnych", ["osoby-z-niepelnosprawnosciami", "pomoc-spoleczna"]),
    ("Wsparcia Rodziny", ["pomoc-spoleczna", "dzieci-i-mlodziez"]),
    ("Praw Obywatelskich", ["prawa-czlowieka-dzialalnosc-obywatelska"]),
    ("Muzyki Dawnej", ["kultura-i-sztuka", "edukacja-i-wychowanie"]),
    ("Turystyki Jurajskiej", ["sport-turystyka-rekreacja"]),
    ("Profilaktyki Zdrowia", ["ochrona-zdrowia"]),
    ("Przedsiębiorczości Społecznej", ["gospodarka", "rynek-pracy-sprawy-spoleczne"]),
    ("Historii Miasta", ["kultura-i-sztuka", "rozwoj-lokalny"]),
]
NICKNAMES = [
    "Jutrzenka", "Promyk", "Nadzieja", "Horyzont", "Most", "Kompas", "Iskra", "Razem", "Ogród", "Sokół",
    "Warta", "Jura", "Skrzydła", "Dąb", "Źródło", "Łąka", "Żagiel", "Tęcza", "Przystań", "Pasja",
    "Ścieżka", "Orlik", "Kotwica", "Mozaika", "Sąsiedzi", "Zorza", "Światło", "Perspektywa", "Wzlot", "Lipa",
    "Bractwo", "Agora", "Krąg", "Ostoja", "Wrzos", "Kłos", "Gniazdo", "Świt", "Tropy", "Zakątek",
]  # fmt: skip
SPORTS = ["Piłkarski", "Siatkarski", "Koszykarski", "Lekkoatletyczny", "Pływacki", "Judo", "Szachowy", "Tenisowy"]
SAINTS = [
    "św. Jakuba", "św. Barbary", "św. Zygmunta", "Świętej Rodziny", "św. Józefa", "Najświętszego Serca Pana Jezusa",
    "św. Stanisława", "Matki Bożej Częstochowskiej", "św. Wojciecha", "Świętego Krzyża", "św. Andrzeja",
    "św. Maksymiliana",
]  # fmt: skip
OTHER_KINDS = [
    ("Klub Seniora", ["seniorzy", "kultura-i-sztuka"]),
    ("Koło Przyjaciół", ["rozwoj-lokalny"]),
    ("Uniwersytet Trzeciego Wieku", ["seniorzy", "edukacja-i-wychowanie"]),
    ("Warsztat Terapii Zajęciowej", ["osoby-z-niepelnosprawnosciami", "rynek-pracy-sprawy-spoleczne"]),
    ("Zakład Aktywności Zawodowej", ["osoby-z-niepelnosprawnosciami", "rynek-pracy-sprawy-spoleczne"]),
    ("Fundusz Lokalny", ["rozwoj-lokalny", "gospodarka"]),
    ("Bank Żywności", ["pomoc-spoleczna"]),
    ("Grupa Rekonstrukcji Historycznej", ["kultura-i-sztuka", "edukacja-i-wychowanie"]),
]
STREETS = [
    "al. Najświętszej Maryi Panny", "ul. Focha", "ul. Dąbrowskiego", "ul. Kościuszki", "ul. Pułaskiego",
    "ul. Warszawska", "ul. Mirowska", "ul. Limanowskiego", "ul. Jagiellońska", "ul. Okulickiego",
    "ul. Krakowska", "ul. Sobieskiego", "al. Armii Krajowej", "ul. Kiedrzyńska", "ul. Rakowska",
    "ul. Śląska", "ul. Łódzka", "ul. Żwirki i Wigury", "ul. Legionów", "ul. Wręczycka",
]  # fmt: skip


def nip(rng):
    """A random NIP with a valid check digit (some prefixes have none: draw again)."""
    while True:
        digits = str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(8))
        valid = [candidate for candidate in (digits + str(c) for c in range(10)) if stdnum_nip.is_valid(candidate)]
        if valid:
            return valid[0]


def regon(rng):
    digits = str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(7))
    return digits + stdnum_regon.calc_check_digit(digits)


def _name(legal_form, index, districts):
    # Shifted past the first round so (kind, nickname) pairs never repeat.
    nick = NICKNAMES[(index + index // len(NICKNAMES)) % len(NICKNAMES)]
    theme, areas = THEMES[(index // len(NICKNAMES) + index) % len(THEMES)]
    if legal_form == LF.FOUNDATION:
        return f"Fundacja {theme} „{nick}”", areas
    if legal_form == LF.ASSOCIATION:
        return f"Stowarzyszenie {theme} „{nick}”", areas
    if legal_form == LF.ORDINARY_ASSOCIATION:
        return f"Stowarzyszenie Zwykłe {theme} „{nick}”", areas
    if legal_form == LF.VOLUNTEER_FIRE_BRIGADE:
        district = districts[index % len(districts)]
        return f"Ochotnicza Straż Pożarna Częstochowa-{district.name}", ["ratownictwo-i-bezpieczenstwo"]
    if legal_form == LF.FIRE_BRIGADE_UNION:
        return (
            f"Związek Ochotniczych Straży Pożarnych RP — Oddział Miejski w Częstochowie nr {index + 1}",
            ["ratownictwo-i-bezpieczenstwo"],
        )
    if legal_form == LF.SPORTS_CLUB:
        sport = SPORTS[index % len(SPORTS)]
        return f"{sport} Klub Sportowy „{nick}” Częstochowa", ["sport-turystyka-rekreacja"]
    if legal_form == LF.STUDENT_SPORTS_CLUB:
        return (
            f"Uczniowski Klub Sportowy „{nick}” przy Szkole Podstawowej nr {index % 55 + 1}",
            ["sport-turystyka-rekreacja", "dzieci-i-mlodziez"],
        )
    if legal_form == LF.SOCIAL_COOPERATIVE:
        return f"Spółdzielnia Socjalna „{nick}”", ["rynek-pracy-sprawy-spoleczne"]
    if legal_form == LF.CHURCH_ENTITY:
        saint = SAINTS[index % len(SAINTS)]
        return f"Parafia Rzymskokatolicka pw. {saint} w Częstochowie", ["pomoc-spoleczna"]
    kind, kind_areas = OTHER_KINDS[index % len(OTHER_KINDS)]
    return f"{kind} „{nick}”", kind_areas


def _description(name, area_names):
    return (
        f"{name} działa w Częstochowie. Obszary działalności: {', '.join(area_names)}. "
        "Zaprasza mieszkańców do udziału w zajęciach i do współpracy jako wolontariusze.\n\n" + DEMO_NOTE
    )


def _contacts(rng, slug):
    short = slug[:40].strip("-")
    return {
        "street_address": f"{rng.choice(STREETS)} {rng.randint(1, 120)}",
        "postal_code": f"42-2{rng.randint(0, 26):02d}",
        "phone": f"+48 34 3{rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
        "email": f"kontakt@{short}.example.org",
        "website": f"https://{short}.example.org/",
    }


def _generated(scale, districts, area_ids, area_names):
    """Yield (Organization, [area ids]) for every generated organization, deterministically."""
    rng = random.Random(SEED)
    forms = [form for form, count in PROPORTIONS for _ in range(count)]
    krs_serial = 0
    for copy in range(scale):
        opp_indexes = set(rng.sample([i for i, form in enumerate(forms) if form in OPP_FORMS], OPP_PER_SCALE))
        counters = {}
        for i, legal_form in enumerate(forms):
            n = counters[legal_form] = counters.get(legal_form, -1) + 1
            name, area_slugs = _name(legal_form, n, districts)
            if copy:
                name = f"{name} ({copy + 1})"
            slug = slugify_pl(name, max_length=110)
            in_krs = legal_form in IN_KRS
            krs = ""
            if in_krs:
                krs_serial += 1
                krs = f"00099{krs_serial:05d}"
            status = PUBLISHED
            rejection_reason = ""
            if i % 67 == 11:
                status = Organization.Status.PENDING
            elif i % 97 == 41:
                status = Organization.Status.REJECTED
                rejection_reason = "Organizacja nie działa na terenie miasta (dane demonstracyjne)."
            registry_status, registry_status_since = _demo_registry_status(i)
            areas = [area_ids[slug_] for slug_ in area_slugs if slug_ in area_ids]
            names_of_areas = [area_names[slug_] for slug_ in area_slugs if slug_ in area_names]
            district = districts[rng.randrange(len(districts))] if rng.random() > 0.05 else None
            organization = Organization(
                name=name,
                slug=slug,
                legal_form=legal_form,
                krs=krs,
                nip=nip(rng) if in_krs or rng.random() < 0.5 else "",
                regon=regon(rng) if in_krs or rng.random() < 0.7 else "",
                is_public_benefit=bool(krs) and i in opp_indexes,
                district=district,
                description=_description(name, names_of_areas),
                status=status,
                rejection_reason=rejection_reason,
                registry_status=registry_status,
                registry_status_since=registry_status_since,
                **_contacts(rng, slug),
            )
            organization.demo_months_since_confirmed = _demo_months_since_confirmed(i)
            yield organization, areas


def _demo_months_since_confirmed(index):
    """A few entries last confirmed long ago, so the yearly confirmation
    (send_confirmation_reminders) and the "niepotwierdzone" notice show."""
    if index % 23 == 7:
        return 26  # the page says "Dane niepotwierdzone od …"
    if index % 9 == 4:
        return 13  # due for the yearly e-mail
    return 0


def _demo_registry_status(index):
    """Two entries removed from the register, so their explanatory pages show."""
    if index == 5:
        return Organization.RegistryStatus.IN_LIQUIDATION, datetime.date(2026, 3, 2)
    if index == 150:
        return Organization.RegistryStatus.STRUCK_OFF, datetime.date(2025, 11, 14)
    return Organization.RegistryStatus.ACTIVE, None


def _reference_lists():
    """Districts and areas as the data migration made them (a flushed test
    database has none): get or create each by slug, never renaming."""
    reference = import_module("organizations.migrations.0002_seed_districts_and_areas")
    for name, slug in reference.DISTRICTS:
        District.objects.get_or_create(slug=slug, defaults={"name": name})
    for position, (name, slug) in enumerate(reference.AREAS):
        Area.objects.get_or_create(slug=slug, defaults={"name": name, "position": position})


@transaction.atomic
def seed_organizations(*, scale=1):
    """The seed page's organizations plus ~200 generated ones per unit of scale.

    Idempotent by slug (and KRS): existing rows are never changed. Generated
    rows are bulk inserted, with their areas.
    """
    _reference_lists()
    districts = list(District.objects.order_by("slug"))
    area_ids = dict(Area.objects.values_list("slug", "id"))
    area_names = dict(Area.objects.values_list("slug", "name"))
    district_ids = {district.slug: district for district in districts}
    existing_slugs = set(Organization.objects.values_list("slug", flat=True))
    existing_krs = set(Organization.objects.exclude(krs="").values_list("krs", flat=True))
    now = timezone.now()

    pending = []
    for index, entry in enumerate(NAMED):
        entry = dict(entry)
        slug = slugify_pl(entry["name"])
        krs = f"00098{index + 1:05d}"
        if slug in existing_slugs or krs in existing_krs:
            continue
        rng = random.Random(f"{SEED}-{slug}")
        areas = [area_ids[s] for s in entry.pop("areas") if s in area_ids]
        district = district_ids.get(slugify_pl(entry.pop("district")))
        organization = Organization(
            slug=slug,
            krs=krs,
            nip=nip(rng),
            regon=regon(rng),
            district=district,
            status=PUBLISHED,
            verified_at=now,
            postal_code="42-217",
            phone=f"+48 34 3{rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
            email=f"kontakt@{slug[:40].strip('-')}.example.org",
            **entry,
        )
        organization.description += "\n\n" + DEMO_NOTE
        pending.append((organization, areas))

    for organization, areas in _generated(scale, districts, area_ids, area_names):
        if organization.slug in existing_slugs or (organization.krs and organization.krs in existing_krs):
            continue
        if organization.status == PUBLISHED:
            organization.verified_at = now - relativedelta(months=organization.demo_months_since_confirmed)
            organization.confirmed_at = organization.verified_at
        existing_slugs.add(organization.slug)
        pending.append((organization, areas))

    created = Organization.objects.bulk_create([org for org, _areas in pending], batch_size=1000)
    Through = Organization.areas.through
    Through.objects.bulk_create(
        [Through(organization_id=org.pk, area_id=area_id) for org, areas in pending for area_id in areas],
        batch_size=5000,
        ignore_conflicts=True,
    )
    total = Organization.objects.count()
    changes = _demo_proposed_change()
    return f"Organizations: {len(created)} created ({total} in the registry), {changes} proposed change(s) added."


DEMO_CHANGE_SLUG = "fundacja-oczami-brata"


def _demo_proposed_change():
    """One change an organization proposed, waiting in admin (Zmiany danych od
    organizacji) with its field-by-field diff: made the way a real one is,
    through a one-time link. Once per entry: none when it has had any."""
    from organizations import services
    from organizations.models import UpdateLink

    organization = Organization.objects.listed().filter(slug=DEMO_CHANGE_SLUG).exclude(email="").first()
    if organization is None or organization.changes.exists():
        return 0
    link, _token = UpdateLink.issue(organization)
    proposed = services.current_values(organization)
    proposed["phone"] = "+48 34 360 12 34"
    proposed["street_address"] = "ul. Kilińskiego 152"
    services.submit_change(
        link=link,
        proposed=proposed,
        message="Od 1 grudnia jesteśmy pod nowym adresem i numerem telefonu (dane demonstracyjne).",
    )
    return 1
