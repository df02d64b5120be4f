from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from accounts.demo import DEMO_PASSWORD, seed_demo_people
from partnerships.demo import seed_demo_partnerships
from roundtables.demo import seed_demo_events
from stakeholders.demo import seed_demo_register
from surveys.demo import demo_respondent_link, seed_demo_survey

from ...demo import seed_demo_snapshots, seed_demo_targets


class Command(BaseCommand):
    help = (
        "Load the local demo: one account per role, a register drawn from real public company lists, "
        "partnerships, events, a survey with its invitations sent, this year's targets and the indicators' snapshots."
    )

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Run even with DEBUG off (never on a real server).")

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError("seed_demo creates accounts with a known password; it runs only with DEBUG=1.")
        people = seed_demo_people()
        added = seed_demo_register(people)
        if added:
            self.stdout.write(f"Added {added} organizations to the demo register.")
        partnerships = seed_demo_partnerships(people)
        if partnerships:
            self.stdout.write(f"Added {partnerships} partnerships to the demo pipeline.")
        events = seed_demo_events(people)
        if events:
            self.stdout.write(f"Added {events} events to the demo calendar.")
        if seed_demo_survey(people):
            self.stdout.write("Opened the demo survey and sent its invitations.")
        if seed_demo_targets(people):
            self.stdout.write("Set this year's targets.")
        # Last, so the figures count everything above; the dashboards show them on the first visit.
        snapshots = seed_demo_snapshots()
        if snapshots:
            self.stdout.write(f"Computed {snapshots} snapshots of the indicators, today's and a monthly history.")
        self.stdout.write(self.style.SUCCESS("Demo data ready. Sign in at http://127.0.0.1:8000/ with:"))
        for person in people:
            role = person.role.label if person.role else "-"
            self.stdout.write(f"  {person.email:<22} {role:<18} password: {DEMO_PASSWORD}")
        link = demo_respondent_link()
        if link:
            self.stdout.write(f"Try a respondent's link: {link}")
