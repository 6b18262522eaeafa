"""Who may see and change meetings (see ``rabatnet.core.access``).

A published meeting is public; an unpublished one is for the secretariat only, and answers
404 to anybody else (its existence is not told). Restricted documents and restricted
participation are for members of the network (anybody with an appointment in force). The
secretariat edits meetings.
"""

import re

from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from rabatnet.core.access import AnyUser, check, grant, parse_number
from rabatnet.network.permissions import is_member, is_secretariat

from .models import Document, DocumentFile, Meeting

_SLUG = re.compile(r"[-a-zA-Z0-9_]{1,80}")
LANGUAGES = ("en", "fr")


def parse_slug(slug: str) -> str:
    """The slug, or 404 for anything that cannot be a meeting's slug (no query is made)."""
    if not _SLUG.fullmatch(slug or ""):
        raise Http404("Not a meeting.")
    return slug


def can_view_meeting(user: AnyUser, meeting: Meeting) -> bool:
    return meeting.published or bool(is_secretariat.test(user))


def can_edit_meeting(user: AnyUser, meeting: Meeting | None) -> bool:
    return bool(is_secretariat.test(user))


def can_view_participation(user: AnyUser, meeting: Meeting) -> bool:
    """Countries and organisations present: public unless the meeting restricts them."""
    if not can_view_meeting(user, meeting):
        return False
    return not meeting.participants_restricted or bool(is_member.test(user))


def can_view_restricted_documents(user: AnyUser, meeting: Meeting) -> bool:
    return can_view_meeting(user, meeting) and bool(is_member.test(user))


def can_download_document(user: AnyUser, document: Document) -> bool:
    if not can_view_meeting(user, document.meeting):
        return False
    return not document.restricted or bool(is_member.test(user))


MEETING_RULES = {"view": can_view_meeting, "edit": can_edit_meeting}


def access_new_meeting(request: HttpRequest) -> None:
    """Creating a meeting: the secretariat."""
    grant(request, can_edit_meeting(request.user, None))


def access_meeting(
    request: HttpRequest, slug: str, verb: str, queryset: QuerySet[Meeting] | None = None
) -> Meeting:
    """The meeting to "view" (404 when unpublished, but for the secretariat) or "edit"."""
    rows = queryset if queryset is not None else Meeting.objects.all()
    meeting = get_object_or_404(rows, slug=parse_slug(slug))
    if verb == "view" and not can_view_meeting(request.user, meeting):
        raise Http404("No such meeting.")
    return check(request, MEETING_RULES, verb, meeting)


def access_document_file(
    request: HttpRequest, slug: str, pk: object, language: str
) -> DocumentFile:
    """A language version of a meeting's document, if the visitor may download it:
    restricted ones send the anonymous (and half-signed-in) visitor to sign in."""
    if language not in LANGUAGES:
        raise Http404("No such language.")
    meeting = access_meeting(request, slug, "view")
    document = get_object_or_404(
        Document.objects.select_related("meeting"), meeting=meeting, pk=parse_number(pk)
    )
    check(request, {"download": can_download_document}, "download", document)
    return get_object_or_404(DocumentFile, document=document, language=language)
