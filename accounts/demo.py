"""Demo accounts for the local demo (`make run`): one person per role."""

from django.db import transaction

from strategy.models import Unit

from .choices import Role
from .models import User
from .services import user_assign_role

DEMO_PASSWORD = "cec-engage-demo"  # noqa: S105 - local demo only: seed_demo runs only with DEBUG on

DEMO_PEOPLE = [
    # email, full name, unit code, role, language
    ("admin@cec.example", "Alex Administrator", "private-sector-engagement", Role.ADMINISTRATOR, "en"),
    ("lead@cec.example", "Lucía Jefa de Unidad", "outreach-partnerships", Role.UNIT_LEAD, "es"),
    ("staff@cec.example", "Sam Program Officer", "private-sector-engagement", Role.STAFF, "en"),
    ("agente@cec.example", "Camille Agente", "communications", Role.STAFF, "fr"),
    ("viewer@cec.example", "Val Viewer", "advisory-groups", Role.VIEWER, "en"),
]


@transaction.atomic
def seed_demo_people() -> list[User]:
    """Create the demo accounts once; running it again leaves them as they are."""
    people = []
    for email, full_name, unit_code, role, language in DEMO_PEOPLE:
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(
                email=email,
                password=DEMO_PASSWORD,
                full_name=full_name,
                unit=Unit.objects.get(code=unit_code),
                preferred_language=language,
            )
            user_assign_role(user=user, role=role)
        people.append(user)
    return people
