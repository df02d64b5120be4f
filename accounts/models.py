"""People who sign in: Secretariat staff, unit leads, administrators and viewers."""

import zoneinfo

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .choices import Role

TIME_ZONES = [
    # The six zones the three countries span, west to east, then UTC.
    ("America/Vancouver", _("Pacific time (Vancouver, Los Angeles, Tijuana)")),
    ("America/Edmonton", _("Mountain time (Edmonton, Denver)")),
    ("America/Mexico_City", _("Central time, Mexico (Mexico City)")),
    ("America/Winnipeg", _("Central time (Winnipeg, Chicago)")),
    ("America/Toronto", _("Eastern time (Montréal, Toronto, Washington)")),
    ("America/Halifax", _("Atlantic time (Halifax)")),
    ("America/St_Johns", _("Newfoundland time (St. John’s)")),
    ("UTC", _("Coordinated Universal Time (UTC)")),
]


class UserManager(BaseUserManager):
    """Users sign in by email, compared without regard to case."""

    use_in_migrations = True

    def get_queryset(self):
        # Every page shows the signed-in person's unit: load it with the person.
        return super().get_queryset().select_related("unit")

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields["is_staff"] = True
        extra_fields["is_superuser"] = True
        return self._create_user(email, password, **extra_fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A person with an account. Their role is one of the four groups; they belong to one unit."""

    email = models.EmailField(_("email address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=150)
    unit = models.ForeignKey(
        "strategy.Unit",
        on_delete=models.PROTECT,
        null=True,
        related_name="members",
        verbose_name=_("unit"),
    )
    preferred_language = models.CharField(
        _("preferred language"), max_length=2, choices=settings.LANGUAGES, default="en"
    )
    time_zone = models.CharField(_("time zone"), max_length=40, choices=TIME_ZONES, default="America/Toronto")
    is_staff = models.BooleanField(
        _("Django admin access"),
        default=False,
        help_text=_("Set for Administrators so they can open the administration site."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        ordering = ["full_name"]
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                name="unique_user_email_ci",
                violation_error_message=_("A user with this email address already exists."),
            )
        ]

    def __str__(self):
        return self.full_name or self.email

    def clean(self):
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email).lower()

    def get_full_name(self):
        return self.full_name

    def get_short_name(self):
        return self.full_name.split(" ")[0] if self.full_name else self.email

    @property
    def role(self) -> Role | None:
        """The person's role, from their groups (the first one in the order of ``Role``)."""
        names = {group.name for group in self.groups.all()}
        return next((role for role in Role if role.value in names), None)

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)


class ApiToken(models.Model):
    """A person's key to the read-only API (reporting tools such as Power BI and Excel).

    One per person. Only a SHA-256 digest of the key is kept: the key itself is shown once, when it is
    made, and cannot be read back. The key is 32 random bytes, so a fast digest is as safe as a slow one.
    ``prefix`` (the key's first characters) lets a person tell which key a tool holds.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_token", verbose_name=_("user")
    )
    digest = models.CharField(max_length=64, unique=True, editable=False)
    prefix = models.CharField(_("key begins with"), max_length=8, editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("API key")
        verbose_name_plural = _("API keys")

    def __str__(self):
        return f"{self.user} ({self.prefix}…)"
