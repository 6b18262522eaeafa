"""Reads for the strategy framework."""

from django.db.models import QuerySet

from .models import Pillar, Theme


def framework_pillars() -> QuerySet[Pillar]:
    return Pillar.objects.select_related("framework").prefetch_related("objectives")


def themes() -> QuerySet[Theme]:
    return Theme.objects.select_related("objective")
