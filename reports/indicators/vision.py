"""The vision: organizations at each rung of the engagement ladder (section 3 of the strategy), compared
over time with the baseline date administrators set."""

from django.db.models import Count, Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from stakeholders.choices import Level
from stakeholders.models import LevelChange, Organization

from .. import drilldown
from ..choices import Dimension
from .queries import COUNTRY_FLAGS, in_country
from .registry import ALL, Context, Values, counted, number, register


def _levels(ctx: Context) -> dict:
    """``{level: {dimension key: count}}`` on the day: today from the stored level, an earlier day from the
    latest change of level recorded by then."""

    def compute():
        if ctx.as_of >= timezone.localdate():
            organizations = Organization.objects.exclude(engagement_level=None).order_by()
        else:
            latest = (
                LevelChange.objects.filter(changed_on__lte=ctx.as_of)
                .order_by()
                .values("organization")
                .annotate(last=Max("id"))
                .values("last")
            )
            ids = LevelChange.objects.filter(id__in=latest).exclude(to_level=None).values("organization")
            rungs = dict(LevelChange.objects.filter(id__in=latest).values_list("organization", "to_level"))
            organizations = Organization.objects.filter(id__in=ids).order_by()
            return _by_level_from(organizations, rungs)
        return _by_level(organizations)

    return ctx.once("levels", compute)


def _by_level(organizations) -> dict:
    result = {}
    for level in Level.values:
        at_level = organizations.filter(engagement_level=level)
        values = {ALL: number(at_level.count())}
        values |= counted(
            Dimension.COUNTRY,
            at_level.aggregate(**{c: Count("id", filter=in_country(c)) for c in COUNTRY_FLAGS}).items(),
        )
        result[level] = values
    return result


def _by_level_from(organizations, rungs: dict) -> dict:
    countries = {
        code: set(organizations.filter(in_country(code)).values_list("id", flat=True)) for code in COUNTRY_FLAGS
    }
    result = {}
    for level in Level.values:
        ids = {pk for pk, rung in rungs.items() if rung == level}
        values = {ALL: number(len(ids))}
        values |= {(Dimension.COUNTRY.value, code): number(len(ids & members)) for code, members in countries.items()}
        result[level] = values
    return result


def _rung(level: int, position: int, name):
    @register(
        f"ladder-{Level(level).name.lower()}",
        objective=None,
        position=position,
        name=name,
        dimensions=(Dimension.COUNTRY,),
        drilldown=lambda dimension, key, start, end, refs: drilldown.organizations(
            dimension, key, private=False, level=level
        ),
        how=_("Organizations at this rung of the engagement ladder on the day, derived from what they did."),
    )
    def compute(ctx: Context) -> Values:
        return _levels(ctx)[level]

    return compute


ladder_passive = _rung(Level.PASSIVE, 1, _("Organizations at the passive rung"))
ladder_active = _rung(Level.ACTIVE, 2, _("Organizations at the active rung"))
ladder_collaborative = _rung(Level.COLLABORATIVE, 3, _("Organizations at the collaborative rung"))
