import factory

from strategy.choices import InitiativeKind, InitiativeStatus
from strategy.models import Initiative, Unit


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit

    code = factory.Sequence(lambda n: f"unit-{n}")
    name_en = factory.Sequence(lambda n: f"Program Unit {n}")
    name_fr = factory.Sequence(lambda n: f"Unité de programme {n}")
    name_es = factory.Sequence(lambda n: f"Unidad de programa {n}")


class InitiativeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Initiative

    code = factory.Sequence(lambda n: f"initiative-{n}")
    name_en = factory.Sequence(lambda n: f"Pilot project {n}")
    kind = InitiativeKind.PILOT
    status = InitiativeStatus.ONGOING
    start_year = 2024
