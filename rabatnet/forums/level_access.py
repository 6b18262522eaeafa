"""Access for the level views (interim: C's ``forums.permissions.access_forum`` and
``access_thread`` replace these once the forums' code lands on main)."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from rabatnet.core.access import AnyUser, actor, check, parse_number
from rabatnet.network.models import Person
from rabatnet.network.permissions import is_appointed_for_country, is_member, is_secretariat

from .models import Forum, Thread


def can_read_forum(user: AnyUser, forum: Forum) -> bool:
    """The secretariat; members for a thematic forum; those appointed for its country."""
    if is_secretariat.test(user):
        return True
    if forum.country_id is None:
        return bool(is_member.test(user))
    return bool(is_member.test(user) and is_appointed_for_country.test(user, forum.country))


def access_forum(request: HttpRequest, slug: str) -> Forum:
    forum = get_object_or_404(Forum, slug=slug, archived_at__isnull=True)
    return check(request, {"read": can_read_forum}, "read", forum)


def can_read_thread(user: AnyUser, thread: Thread) -> bool:
    return not thread.is_hidden and can_read_forum(user, thread.forum)


def access_thread(request: HttpRequest, slug: str, pk: object) -> Thread:
    thread = get_object_or_404(
        Thread.objects.select_related("forum"), forum__slug=slug, pk=parse_number(pk)
    )
    return check(request, {"read": can_read_thread}, "read", thread)


def acting_person(request: HttpRequest) -> Person:
    """The signed-in member's network person (403 for an account that has none)."""
    person = Person.objects.filter(user=actor(request), erased_at__isnull=True).first()
    if person is None:
        raise PermissionDenied
    return person
