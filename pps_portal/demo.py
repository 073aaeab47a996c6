"""Demo content for the site-wide pieces, taken from the seed page."""

import datetime

from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured

from editorial.states import State
from pps_portal.demo_images import demo_crest
from pps_portal.models import Banner, SiteSettings
from pps_portal.permissions import EDITOR_GROUP, REVIEWER_GROUP

# Well-known demo logins (README): created only by `seed_demo --demo-accounts`
# with DEBUG on (`make run`), and refused at login whenever DEBUG is off
# (pps_portal.admin.LoginForm), so they never open a production-like server.
DEMO_PASSWORD = "pps-demo-2026"

SITE = {
    "site_name": "Portal Polityki Społecznej",
    "city": "Częstochowa",
    "tagline": "Jasne, że Częstochowa — społecznie odpowiedzialny samorząd",
    "intro": (
        "Portal Wydziału Polityki Społecznej Urzędu Miasta Częstochowy: organizacje pozarządowe, "
        "wydarzenia i pomoc dla mieszkańców w jednym miejscu."
    ),
    "office_name": "Redakcja portalu",
    "office_address": "ul. Focha 19/21, pok. 29 i 46\n42-217 Częstochowa",
    "office_phones": "+48 34 3707 480\n+48 34 3707 773\n+48 34 3707 493",
    "office_hours": "pon.–pt. 7.30–17.00",
    "office_emails": "redakcjapps@czestochowa.um.gov.pl\nwebmasterpps@czestochowa.um.gov.pl",
    "department_name": "Wydział Polityki Społecznej",
    "department_institution": "Urząd Miasta Częstochowy",
    "department_address": "ul. Śląska 11/13, pok. 401\n42-217 Częstochowa",
    "department_phones": (
        "tel. +48 34 370 71 00 (centrala UM)\nfaks +48 34 370 71 70\ntel. +48 34 370 76 31 (sekretariat wydziału)"
    ),
    "department_email": "ps@czestochowa.um.gov.pl",
    "editors_email": "redakcjapps@czestochowa.um.gov.pl",
    "data_controller": "Prezydent Miasta Częstochowy, Urząd Miasta Częstochowy, ul. Śląska 11/13, 42-217 Częstochowa",
    "dpo_email": "iod@czestochowa.um.gov.pl",
    "statement_entity": "Urząd Miasta Częstochowy — Wydział Polityki Społecznej",
    "statement_published_on": datetime.date(2026, 11, 1),
    "statement_updated_on": datetime.date(2026, 11, 26),
    "statement_prepared_on": datetime.date(2026, 11, 26),
    "statement_status": SiteSettings.StatementStatus.PARTIAL,
    "statement_exceptions": (
        "Część plików PDF opublikowanych przed 2019 rokiem nie jest dostępna cyfrowo.\n"
        "Zdjęcia przesłane przez organizacje mogą mieć niepełne opisy alternatywne."
    ),
    "statement_assessment": "Deklarację sporządzono na podstawie samooceny przeprowadzonej przez redakcję portalu.",
    "statement_contact_person": "Redakcja portalu PPS",
    "statement_contact_email": "webmasterpps@czestochowa.um.gov.pl",
    "statement_contact_phone": "+48 34 3707 480",
    "deaf_contact_email": "ps@czestochowa.um.gov.pl",
    "deaf_contact_sms": "+48 600 000 000",
    "deaf_contact_video_call": (
        "wideorozmowa z tłumaczem PJM przez przeglądarkę, bez instalowania programów — link wyślemy e-mailem "
        "albo SMS-em; pon.–pt. 8.00–15.00"
    ),
    "deaf_contact_visit": (
        "Zgłoś wizytę co najmniej 3 dni robocze wcześniej (e-mailem, SMS-em albo przez osobę bliską). "
        "Tłumacz PJM będzie na Ciebie czekać w punkcie obsługi przy ul. Śląskiej 11/13. Usługa jest bezpłatna."
    ),
    "statement_architecture": (
        "Budynek Urzędu Miasta przy ul. Śląskiej 11/13 ma wejście od strony parkingu dostępne dla osób "
        "poruszających się na wózkach. W budynku jest winda i toaleta dostosowana do potrzeb osób z "
        "niepełnosprawnościami. Na parkingu wyznaczono miejsca dla osób z niepełnosprawnościami.\n\n"
        "Do budynku i wszystkich jego pomieszczeń można wejść z psem asystującym i psem przewodnikiem."
    ),
    "statement_communication": (
        "W urzędzie można skorzystać z pomocy tłumacza polskiego języka migowego (PJM) po wcześniejszym "
        "zgłoszeniu co najmniej 3 dni robocze przed wizytą. W punkcie obsługi klienta działa pętla indukcyjna."
    ),
}

BANNERS = [
    ("Zostaw 1,5% w Częstochowie", "/organizacje/opp/"),
    ("Zgłoś swoją organizację", "/zglos/organizacje/"),
    ("Baza NGO", "/organizacje/"),
    ("Rodzina 800+", "https://www.gov.pl/web/rodzina/rodzina-800-plus"),
    ("Częstochowskie Centrum Organizacji Pozarządowych", "https://www.czestochowa.pl/"),
    ("Elektroniczny Generator — konkurs ofert", "https://www.witkac.pl/"),
    ("Elektroniczny Generator — mały grant", "https://www.witkac.pl/"),
]


def seed_site(*, scale=1):
    """Site settings (only when never filled in) and banners (by title).

    Never overwrites what editors changed. `scale` does not apply here.
    """
    settings = SiteSettings.load()
    if not settings.city:
        for field, value in SITE.items():
            setattr(settings, field, value)
        settings.logo.save("herb.png", demo_crest(), save=False)
        settings.save()
    created = 0
    for position, (title, url) in enumerate(BANNERS):
        _banner, was_created = Banner.objects.get_or_create(
            title=title, defaults={"url": url, "position": position, "status": State.PUBLISHED}
        )
        created += was_created
    return f"Site settings ready, {created} banner(s) created."


def seed_demo_accounts():
    """Demo logins for a local run: an editor (Redaktorzy), a reviewer (Moderatorzy) and an admin.

    Development only: refuses with DEBUG off.
    """
    if not django_settings.DEBUG:
        raise ImproperlyConfigured(
            "Demo accounts are for local development only: run with DJANGO_DEBUG=1 (as `make run` does)."
        )
    User = get_user_model()
    created = []
    staff = [
        ("redaktor", "Anna", "Redaktorska", EDITOR_GROUP),
        ("moderator", "Marek", "Moderatorski", REVIEWER_GROUP),
    ]
    for username, first_name, last_name, group in staff:
        user, was_created = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first_name,
                "last_name": last_name,
                "email": f"{username}@example.invalid",
                "is_staff": True,
            },
        )
        if was_created:
            user.set_password(DEMO_PASSWORD)
            user.save()
            user.groups.add(Group.objects.get(name=group))
            created.append(username)
    if not User.objects.filter(username="admin").exists():
        User.objects.create_superuser("admin", "admin@example.invalid", DEMO_PASSWORD)
        created.append("admin")
    return f"Demo users created: {', '.join(created) or 'none'} (password: {DEMO_PASSWORD})."
