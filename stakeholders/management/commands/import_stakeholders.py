"""Import a stakeholder list from the command line, as the /imports/ page does.

Exit status: 0 when every row went in, 1 when rows were rejected, 2 when the file could not be read.
"""

import json
import sys
from pathlib import Path

from django.core.checks import Tags
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from accounts.models import User
from stakeholders.imports.columns import suggest_mapping
from stakeholders.imports.reading import UnreadableFile, open_table
from stakeholders.models.imports import ImportStatus, OnError, UpdateMode
from stakeholders.services.imports import import_rows


class Command(BaseCommand):
    help = "Import organizations and contacts from a CSV or XLSX file."
    # Every check but the URL configuration's, which imports every view of the site (a third of a second
    # at each start) for a command that serves no page.
    requires_system_checks = [tag for name, tag in vars(Tags).items() if not name.startswith("_") and tag != Tags.urls]

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--dry-run", action="store_true", help="Check and count; write nothing.")
        parser.add_argument("--on-error", choices=[c.value for c in OnError], default=OnError.ABORT)
        parser.add_argument("--update", choices=[c.value for c in UpdateMode], default=UpdateMode.FILL)
        parser.add_argument("--json", action="store_true", help="Print one JSON object with counts and errors.")
        parser.add_argument("--encoding", help="The CSV's encoding, when detection guesses wrong.")
        parser.add_argument("--sheet", help="The XLSX sheet to read (the first one by default).")
        parser.add_argument("--user", help="Email of the person the batch is recorded under.")

    def handle(self, *args, **options):
        path = Path(options["file"])
        user = User.objects.filter(email__iexact=options["user"]).first() if options["user"] else None
        if options["user"] and user is None:
            raise CommandError(f"No user with the email {options['user']}.")
        try:
            # Read, checked, matched and written a chunk of rows at a time: a large file is never held whole.
            source = open_table(path.read_bytes(), path.name, encoding=options["encoding"], sheet=options["sheet"])
            outcome = import_rows(
                source,
                suggest_mapping(source.header, source.head(50)),
                file_name=path.name,
                by=user,
                on_error=options["on_error"],
                update_mode=options["update"],
                dry_run=options["dry_run"],
            )
        except (OSError, UnreadableFile, ValidationError) as error:
            message = " ".join(error.messages) if isinstance(error, ValidationError) else str(error)
            self._finish(options, {"error": message}, status=2)
            return
        counts = outcome.counts
        errors = [
            {"line": row.line, "errors": [{"column": c, "message": m} for c, m in row.errors]}
            for row in outcome.invalid
        ]
        batch_id = outcome.batch.pk if outcome.batch else None
        if outcome.batch and outcome.batch.status == ImportStatus.REJECTED:
            counts = {**counts, "create": 0, "update": 0, "skip": 0}
        result = {
            "created": counts["create"],
            "updated": counts["update"],
            "skipped": counts["skip"],
            "invalid": counts["invalid"],
            "errors": errors,
            "batch": batch_id,
            "dry_run": options["dry_run"],
        }
        self._finish(options, result, status=1 if outcome.invalid else 0)

    def _finish(self, options, result, *, status):
        if options["json"]:
            self.stdout.write(json.dumps(result, ensure_ascii=False))
        elif "error" in result:
            self.stderr.write(result["error"])
        else:
            self.stdout.write(
                f"created {result['created']}, updated {result['updated']}, unchanged {result['skipped']}, "
                f"invalid {result['invalid']}" + (" (dry run: nothing written)" if result["dry_run"] else "")
            )
            for row in result["errors"][:50]:
                for error in row["errors"]:
                    self.stdout.write(f"  line {row['line']}, {error['column']}: {error['message']}")
        if status:
            sys.exit(status)
