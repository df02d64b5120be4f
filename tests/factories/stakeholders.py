"""Register factories. Organizations and interactions are made through the services, as staff make
them, so their derived keys and engagement levels are real."""

import factory
from django.utils import timezone

from stakeholders.choices import Category, Country
from stakeholders.models import Contact, InteractionType, Organization
from stakeholders.services.contacts import contact_save
from stakeholders.services.interactions import interaction_log
from stakeholders.services.organizations import organization_save


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Empresa Verde {n} S.A. de C.V.")
    category = Category.CORPORATION
    hq_country = Country.MEXICO

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return organization_save(organization=model_class(*args, **kwargs))


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    full_name = factory.Sequence(lambda n: f"Contact Person {n}")
    organization = factory.SubFactory(OrganizationFactory)
    email = factory.Sequence(lambda n: f"contact{n}@empresa.example")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return contact_save(contact=model_class(*args, **kwargs))


def log_interaction(organizations, *, kind="meeting", occurred_on=None, by=None, **kwargs):
    """Log an interaction through the service, as the form does."""
    return interaction_log(
        kind=InteractionType.objects.get(code=kind),
        occurred_on=occurred_on or timezone.localdate(),
        organizations=organizations if isinstance(organizations, list | tuple) else [organizations],
        summary=kwargs.pop("summary", "Discussed cleaner production."),
        by=by,
        **kwargs,
    )
