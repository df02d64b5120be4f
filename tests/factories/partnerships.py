"""Partnership factories: made through the services, as staff make them."""

from decimal import Decimal

import factory

from partnerships.choices import ConflictCheck, PartnershipType, Recommendation, Risk, Score
from partnerships.models import ExchangeRate, Partnership
from partnerships.services.assessments import assessment_save
from partnerships.services.pipeline import partnership_save
from strategy.models import KeyPrinciple

from .stakeholders import OrganizationFactory


class PartnershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partnership

    title = factory.Sequence(lambda n: f"Youth Innovation Challenge sponsorship {n}")
    kind = PartnershipType.SPONSORSHIP
    lead_organization = factory.SubFactory(OrganizationFactory)

    @classmethod
    def _create(cls, model_class, *args, partners=(), by=None, **kwargs):
        return partnership_save(partnership=model_class(*args, **kwargs), by=by, many_to_many={"partners": partners})


def complete_assessment(partnership, by=None, recommendation=Recommendation.PROCEED):
    scores = {p.pk: (Score.ALIGNED, f"Evidence for {p.code}.") for p in KeyPrinciple.objects.all()}
    return assessment_save(
        partnership=partnership,
        by=by,
        fields={
            "conflict_of_interest": ConflictCheck.NONE,
            "conflict_notes": "",
            "reputational_risk": Risk.LOW,
            "reputational_notes": "Public sustainability report reviewed.",
            "recommendation": recommendation,
            "recommendation_notes": "",
        },
        scores=scores,
        complete=True,
    )


def add_rate(year, currency, rate, to_currency="CAD"):
    return ExchangeRate.objects.create(year=year, currency=currency, to_currency=to_currency, rate=Decimal(rate))
