from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from organizations.models import Organization
from organizations.services import send_reminder


class Command(BaseCommand):
    """Ask organizations to confirm their data once a year (run it daily from cron).

    An entry is asked when its data was last confirmed more than 12 months
    ago, it has a public e-mail address, it has not unsubscribed, and it was
    not asked in the last 90 days (organizations.freshness). Idempotent: a
    second run the same day finds nobody new. Each organization is handled
    in its own transaction (its row locked, the rule checked again, the
    sending time stored only when the e-mail went out), so two runs at once
    never send twice and one failing address does not undo the others.
    """

    help = "Wysyła organizacjom coroczną prośbę o potwierdzenie danych w Bazie NGO (uruchamiaj codziennie)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--base-url",
            default=settings.SITE_URL,
            help="Site address for the links in the e-mails (default: the SITE_URL setting).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Only list who would be asked.")

    def handle(self, *args, base_url, dry_run, **options):
        now = timezone.now()
        due = Organization.objects.reminder_due(now).order_by("confirmed_at", "pk").only("pk", "name", "email")
        unconfirmed = Organization.objects.listed().unconfirmed(now).count()
        if dry_run:
            names = [f"  {organization.name} <{organization.email}>" for organization in due]
            self.stdout.write(
                "\n".join([f"{len(names)} organization(s) would be asked to confirm their data:", *names])
            )
            self.stdout.write(f"{unconfirmed} listed organization(s) unconfirmed for more than 24 months.")
            return
        if not base_url.startswith(("https://", "http://")):
            raise CommandError("Set SITE_URL (or pass --base-url https://…): the e-mails need links to the site.")
        asked = failed = 0
        for organization in list(due):
            if send_reminder(organization=organization, base_url=base_url, now=now):
                asked += 1
            else:
                failed += 1
        style = self.style.SUCCESS if not failed else self.style.WARNING
        self.stdout.write(
            style(
                f"Asked {asked} organization(s) to confirm their data; {failed} not sent "
                "(e-mail failed or handled by another run: tried again next time). "
                f"{unconfirmed} listed organization(s) unconfirmed for more than 24 months."
            )
        )
