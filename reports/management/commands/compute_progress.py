from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from reports.services.snapshots import snapshot_take


class Command(BaseCommand):
    help = "Compute every indicator and store the day's snapshot, inline (no worker needed)."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="The snapshot's date, YYYY-MM-DD (today by default).")

    def handle(self, *args, **options):
        as_of = None
        if options["date"]:
            try:
                as_of = date.fromisoformat(options["date"])
            except ValueError as error:
                raise CommandError(_("The date must read YYYY-MM-DD.")) from error
        snapshot = snapshot_take(as_of=as_of)
        self.stdout.write(f"Snapshot {snapshot.as_of}: {snapshot.values.count()} values in {snapshot.seconds:.2f} s")
