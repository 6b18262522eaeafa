"""Fixtures of the source-mapping tests: Senegal and two of its entities."""

import pytest

from rabatnet.countries.models import Country
from rabatnet.network.models import Organisation
from rabatnet.network.tests import factories as f


@pytest.fixture
def senegal() -> Country:
    return Country.objects.get(iso3="SEN")


@pytest.fixture
def ansd(senegal: Country) -> Organisation:
    return f.OrganisationFactory.create(
        name="Agence nationale de la statistique et de la démographie",
        acronym="ANSD",
        kind=Organisation.Kind.GOVERNMENT,
        country=senegal,
    )


@pytest.fixture
def university(senegal: Country) -> Organisation:
    return f.OrganisationFactory.create(
        name="Université Cheikh Anta Diop", kind=Organisation.Kind.ACADEMIC, country=senegal
    )
