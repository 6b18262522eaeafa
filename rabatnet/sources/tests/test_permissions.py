"""Unit tests for every source rule: each kind of person against Senegal's mapping."""

import pytest

from rabatnet.core.tests.rule_matrix import EDITORS_OF_SENEGAL, MEMBERS_OF_SENEGAL, PEOPLE
from rabatnet.sources import permissions as p
from rabatnet.sources.tests.helpers import _source

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("person", PEOPLE)
def test_source_rules(ansd, senegal, person):
    source = _source(senegal, ansd, "Recensement", "trends")
    user = PEOPLE[person]()
    assert p.can_view_sources(user, senegal) == (person in MEMBERS_OF_SENEGAL)
    assert p.can_add_source(user, senegal) == (person in EDITORS_OF_SENEGAL)
    assert p.can_edit_source(user, source) == (person in EDITORS_OF_SENEGAL)
