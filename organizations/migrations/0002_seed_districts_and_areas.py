from django.db import migrations

# The 20 districts (dzielnice) of Częstochowa, per the city's statute.
DISTRICTS = [
    ("Błeszno", "bleszno"),
    ("Częstochówka-Parkitka", "czestochowka-parkitka"),
    ("Dźbów", "dzbow"),
    ("Gnaszyn-Kawodrza", "gnaszyn-kawodrza"),
    ("Grabówka", "grabowka"),
    ("Kiedrzyn", "kiedrzyn"),
    ("Lisiniec", "lisiniec"),
    ("Mirów", "mirow"),
    ("Ostatni Grosz", "ostatni-grosz"),
    ("Podjasnogórska", "podjasnogorska"),
    ("Północ", "polnoc"),
    ("Raków", "rakow"),
    ("Stare Miasto", "stare-miasto"),
    ("Stradom", "stradom"),
    ("Śródmieście", "srodmiescie"),
    ("Trzech Wieszczów", "trzech-wieszczow"),
    ("Tysiąclecie", "tysiaclecie"),
    ("Wrzosowiak", "wrzosowiak"),
    ("Wyczerpy-Aniołów", "wyczerpy-aniolow"),
    ("Zawodzie-Dąbie", "zawodzie-dabie"),
]

# Areas of activity: the seed page's list first, then the other areas the
# city's programme of cooperation with NGOs names.
AREAS = [
    ("sport, turystyka, rekreacja i hobby", "sport-turystyka-rekreacja"),
    ("rynek pracy i sprawy społeczne", "rynek-pracy-sprawy-spoleczne"),
    ("kultura i sztuka", "kultura-i-sztuka"),
    ("ochrona zdrowia", "ochrona-zdrowia"),
    ("gospodarka", "gospodarka"),
    ("edukacja i wychowanie", "edukacja-i-wychowanie"),
    ("pomoc społeczna", "pomoc-spoleczna"),
    ("osoby z niepełnosprawnościami", "osoby-z-niepelnosprawnosciami"),
    ("seniorzy", "seniorzy"),
    ("dzieci i młodzież", "dzieci-i-mlodziez"),
    ("ratownictwo i bezpieczeństwo publiczne", "ratownictwo-i-bezpieczenstwo"),
    ("ekologia i ochrona zwierząt", "ekologia-i-ochrona-zwierzat"),
    ("rozwój lokalny", "rozwoj-lokalny"),
    ("prawa człowieka i działalność obywatelska", "prawa-czlowieka-dzialalnosc-obywatelska"),
]


def seed(apps, schema_editor):
    District = apps.get_model("organizations", "District")
    Area = apps.get_model("organizations", "Area")
    for name, slug in DISTRICTS:
        District.objects.get_or_create(slug=slug, defaults={"name": name})
    for position, (name, slug) in enumerate(AREAS):
        Area.objects.get_or_create(slug=slug, defaults={"name": name, "position": position})


class Migration(migrations.Migration):
    dependencies = [("organizations", "0001_organization_area_district")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
