"""Factories for statistics: a dataset with its publisher, an indicator."""

from datetime import date

import factory

from rabatnet.network.models import Organisation
from rabatnet.network.tests.factories import OrganisationFactory

from ..models import Dataset, Indicator


class DatasetFactory(factory.django.DjangoModelFactory[Dataset]):
    class Meta:
        model = Dataset
        django_get_or_create = ["slug"]

    slug = factory.Sequence(lambda n: f"test-dataset-{n}")
    title = factory.Sequence(lambda n: f"Test dataset {n}")
    publisher = factory.SubFactory(OrganisationFactory, kind=Organisation.Kind.INTERNATIONAL)
    revision = "r1"
    licence = "CC BY 4.0"
    licence_url = "https://creativecommons.org/licenses/by/4.0/"
    retrieved_on = date(2026, 1, 15)
    released_on = date(2026, 1, 1)
    update_frequency = Dataset.Frequency.ANNUAL


class IndicatorFactory(factory.django.DjangoModelFactory[Indicator]):
    class Meta:
        model = Indicator
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"test_indicator_{n}")
    name = factory.Sequence(lambda n: f"Test indicator {n}")
    definition = "What is measured."
    unit = Indicator.Unit.PERSONS
    theme = "stocks"
