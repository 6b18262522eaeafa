"""Forums to test in: a thematic one, Senegal's and Mali's, and people for each role."""

from collections.abc import Callable

import pytest

from rabatnet.accounts.models import User
from rabatnet.countries.models import Country
from rabatnet.forums import services
from rabatnet.forums.models import Forum, Membership, Thread
from rabatnet.network.models import Person
from rabatnet.network.tests import factories as f


@pytest.fixture
def thematic(db) -> Forum:
    return Forum.objects.create(slug="border-management", name="Border management")


@pytest.fixture
def sen_forum(db) -> Forum:
    return Forum.objects.create(
        slug="sen", name="Senegal workgroup", country=Country.objects.get(iso3="SEN")
    )


@pytest.fixture
def mli_forum(db) -> Forum:
    return Forum.objects.create(
        slug="mli", name="Mali workgroup", country=Country.objects.get(iso3="MLI")
    )


def person(user: User) -> Person:
    found = Person.objects.get(user=user)
    return found


@pytest.fixture
def make_thread() -> Callable[..., Thread]:
    def make(
        forum: Forum, user: User | None = None, title: str = "A thread", body: str = "Hello"
    ) -> Thread:
        author = person(user or f.focal_point(forum.country.iso3 if forum.country else "SEN"))
        return services.thread_create(forum=forum, author=author, title=title, body=body)

    return make


def moderator_of(forum: Forum, iso3: str = "SEN") -> User:
    user = f.focal_point(iso3)
    Membership.objects.create(forum=forum, person=person(user), level="normal", is_moderator=True)
    return user
