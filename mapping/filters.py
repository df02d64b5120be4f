"""The filters of the mapping pages: a part of the organization list's, so that a cell or a region
links to the same organizations in the list."""

from stakeholders.filters import OrganizationFilter

MAPPING_FILTERS = ("pillar", "sector", "country", "unit")


class MappingFilter(OrganizationFilter):
    """Pillar, NAICS sector, country and engaging unit, filtered exactly as the organization list does."""


# Set after the class is made: django-filter's metaclass gives a subclass every filter of its parent.
MappingFilter.base_filters = {name: OrganizationFilter.base_filters[name] for name in MAPPING_FILTERS}
