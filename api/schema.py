"""How the OpenAPI schema describes the API key and the filters (loaded by ``ApiConfig.ready``)."""

import copy

from django.db import models
from django_filters import filters
from drf_spectacular.contrib.django_filters import DjangoFilterExtension
from drf_spectacular.drainage import has_override, set_override
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.types import OpenApiTypes


class ApiKeyScheme(OpenApiAuthenticationExtension):
    target_class = "api.authentication.ApiKeyAuthentication"
    name = "apiKey"

    def get_security_definition(self, auto_schema):
        return {"type": "http", "scheme": "bearer", "description": "Authorization: Bearer <key>"}


class ReferenceFilterExtension(DjangoFilterExtension):
    """The pages' filters on a reference row (``pillar``, ``tag``, ``sector``) filter through a method,
    which drf-spectacular cannot type: their value is the row's primary key, typed here from the model."""

    priority = 1

    def resolve_filter_field(self, auto_schema, model, filterset_class, field_name, filter_field):
        if (
            isinstance(filter_field, filters.ModelChoiceFilter)
            and filter_field.method
            and not has_override(filter_field, "field")
        ):
            primary_key = filter_field.queryset.model._meta.pk
            numeric = isinstance(primary_key, (models.AutoField, models.BigAutoField, models.IntegerField))
            filter_field = copy.copy(filter_field)  # the page's own filter stays as it is
            set_override(filter_field, "field", OpenApiTypes.INT if numeric else OpenApiTypes.STR)
        return super().resolve_filter_field(auto_schema, model, filterset_class, field_name, filter_field)
