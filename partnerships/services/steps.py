"""Steps of a partnership, logged as interactions with its organizations through the stakeholders service."""

from django.db import transaction

from stakeholders.services.interactions import interaction_log

from ..models import Partnership, PartnershipStep


@transaction.atomic
def partnership_log_step(*, partnership: Partnership, by, kind, occurred_on, summary, mode, contacts=()):
    interaction = interaction_log(
        kind=kind,
        occurred_on=occurred_on,
        organizations=partnership.organizations(),
        summary=summary,
        by=by,
        mode=mode,
        contacts=contacts,
        staff=[by],
        unit=partnership.unit,
        objectives=partnership.objectives.all(),
        actions=partnership.actions.all(),
        pillars=partnership.pillars.all(),
    )
    PartnershipStep.objects.create(partnership=partnership, interaction=interaction)
    return interaction
