"""The calendar feeds: public (all, per kind, per country, one meeting) and personal.

Public feeds hold published meetings only and are kept by the public page cache (the
MEETINGS counter, see ``registration_receivers``). The personal feed needs no sign-in (a
calendar application cannot sign in): its token is the secret, a wrong or replaced token
is not found, and the answer is marked private.
"""

import re

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from rabatnet.core.access import parse_iso3
from rabatnet.countries.models import Country

from . import registration_selectors as selectors
from .calendar import build_calendar, calendar_response, with_related
from .models import CalendarToken, MeetingKind
from .registration_permissions import parse_slug

_TOKEN = re.compile(r"[A-Za-z0-9_-]{20,64}")


def _name(what: str) -> str:
    return _("Rabat Process: %(what)s") % {"what": what}


@login_not_required
@require_safe
def calendar_all(request: HttpRequest) -> HttpResponse:
    """Every published meeting."""
    meetings = with_related(selectors.public_meetings())
    return calendar_response(
        build_calendar(meetings, name=_name(_("meetings"))), filename="meetings.ics"
    )


@login_not_required
@require_safe
def calendar_kind(request: HttpRequest, kind: str) -> HttpResponse:
    """The published meetings of one kind (``thematic``, ``steering_committee``...)."""
    if kind not in MeetingKind.values:
        raise Http404("No such kind of meeting.")
    meetings = with_related(selectors.kind_meetings(kind))
    label = str(MeetingKind(kind).label)
    return calendar_response(build_calendar(meetings, name=_name(label)), filename=f"{kind}.ics")


@login_not_required
@require_safe
def calendar_country(request: HttpRequest, iso3: str) -> HttpResponse:
    """The published meetings a country hosted, co-chaired or took part in."""
    country = get_object_or_404(Country, iso3=parse_iso3(iso3))
    meetings = with_related(selectors.country_meetings(country))
    return calendar_response(
        build_calendar(meetings, name=_name(country.name)), filename=f"{country.iso3}.ics"
    )


@login_not_required
@require_safe
def meeting_ics(request: HttpRequest, slug: str) -> HttpResponse:
    """One published meeting, to add to a calendar."""
    meeting = get_object_or_404(
        selectors.public_meetings().select_related("host_country"), slug=parse_slug(slug)
    )
    return calendar_response(
        build_calendar([meeting], name=meeting.title), filename=f"{meeting.slug}.ics"
    )


@login_not_required
@require_safe
def personal_calendar(request: HttpRequest, token: str) -> HttpResponse:
    """The meetings of the token's person (see ``selectors.personal_meetings``)."""
    if not _TOKEN.fullmatch(token):
        raise Http404("No such calendar.")
    found = (
        CalendarToken.objects.select_related("person")
        .filter(token=token, person__erased_at__isnull=True)
        .first()
    )
    if found is None:
        raise Http404("No such calendar.")
    meetings = with_related(selectors.personal_meetings(found.person))
    calendar = build_calendar(meetings, name=_name(_("my meetings")))
    return calendar_response(calendar, filename="my-meetings.ics", private=True)
