from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from accounts.demo import DEMO_PASSWORD, seed_demo_people
from partnerships.demo import seed_demo_partnerships
from roundtables.demo import seed_demo_events
from stakeholders.demo import seed_demo_register


class Command(BaseCommand):
    help = (
        "Load the local demo: one account per role, a register drawn from real public company lists, "
        "partnerships and events."
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
        self.stdout.write(self.style.SUCCESS("Demo data ready. Sign in at http://127.0.0.1:8000/ with:"))
        for person in people:
            role = person.role.label if person.role else "-"
            self.stdout.write(f"  {person.email:<22} {role:<18} password: {DEMO_PASSWORD}")
