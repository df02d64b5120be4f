import factory

from accounts.choices import Role
from accounts.models import User
from accounts.services import user_assign_role
from strategy.models import Unit

PASSWORD = "a-long-test-password"


class UserFactory(factory.django.DjangoModelFactory):
    """A person with a unit; pass ``role=Role.STAFF`` (etc.) to put them in a role group."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@cec.example")
    full_name = factory.Faker("name")
    unit = factory.LazyFunction(lambda: Unit.objects.order_by("pk").first())
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if not create:
            return
        self.save()  # keeps the password set above
        if extracted:
            user_assign_role(user=self, role=Role(extracted))
