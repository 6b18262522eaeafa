"""What registration and the calendars add to the network and to the public page cache.

- "My data" (``PERSONAL_DATA``): the person's delegations and whether they have a calendar
  address (never its secret).
- The welcome pack (``WELCOME_SECTIONS``): the country's upcoming meetings and where its
  registration stands.
- The preference centre (``PREFERENCE_SECTIONS``): the personal calendar address, and
  replacing it.
- Erasure (``person_erasing``): the person's delegate rows lose name, e-mail, dates and
  travel details (the rows stay, so delegation counts stay true); their calendar address
  goes.
- Handover (``person_handed_over``): nothing moves. A successor's personal feed follows
  their own appointments, and their calendar address is their own.
- The public feeds are kept by the public page cache with the MEETINGS counter.
"""

from typing import Any

from django import forms
from django.conf import settings
from django.dispatch import receiver
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from rabatnet.core.forms import SiteForm
from rabatnet.core.public_cache import PUBLIC_PAGES, PublicPage
from rabatnet.core.revisions import MEETINGS, REFERENCE
from rabatnet.countries.models import Country
from rabatnet.network.models import Handover, Person
from rabatnet.network.registries import (
    PreferenceSection,
    WelcomeItem,
    WelcomeSection,
    register_personal_data,
    register_preference_section,
    register_welcome_section,
)
from rabatnet.network.signals import person_erasing, person_handed_over

from .models import CalendarToken, Delegate, Meeting, Registration
from .registration_services import calendar_token_replace, registration_window_problem

for _name in ("calendar", "calendar_kind", "calendar_country", "meeting_ics"):
    PUBLIC_PAGES[f"registrations:{_name}"] = PublicPage((MEETINGS, REFERENCE))


def _iso(moment: Any) -> str | None:
    return moment.isoformat() if moment is not None else None


def personal_data(person: Person) -> dict[str, Any]:
    """The person's delegations (as a delegate) and their calendar address's date."""
    delegations = Delegate.objects.filter(person=person).select_related(
        "registration__meeting", "registration__country"
    )
    token = CalendarToken.objects.filter(person=person).first()
    return {
        "delegations": [
            {
                "meeting": d.registration.meeting.title,
                "country": d.registration.country.iso3,
                "registration_status": d.registration.status,
                "full_name": d.full_name,
                "function": d.function,
                "email": d.email,
                "arrival_on": _iso(d.arrival_on),
                "departure_on": _iso(d.departure_on),
                "travel_details": d.travel_details,
                "head_of_delegation": d.head_of_delegation,
            }
            for d in delegations
        ],
        "calendar_address_created_at": _iso(token.created_at) if token else None,
    }


def welcome_section(person: Person, country: Country | None) -> WelcomeSection | None:
    """The country's upcoming published meetings, each with its registration's state."""
    if country is None:
        return None
    meetings = list(
        Meeting.objects.published()
        .filter(ends_at__gte=timezone.now())
        .exclude(status=Meeting.Status.CANCELLED)
        .order_by("starts_at")[:10]
    )
    if not meetings:
        return None
    states = dict(
        Registration.objects.filter(meeting__in=meetings, country=country).values_list(
            "meeting_id", "status"
        )
    )
    items = []
    for meeting in meetings:
        if meeting.pk in states:
            state = str(Registration.Status(states[meeting.pk]).label)
        elif registration_window_problem(meeting) is None:
            state = gettext("registration open")
        else:
            state = gettext("not registered")
        when = meeting.starts_at.date().isoformat()
        items.append(
            WelcomeItem(
                text=f"{meeting.title} ({when}): {state}",
                link=reverse(
                    "registrations:registration",
                    kwargs={"slug": meeting.slug, "iso3": country.iso3},
                ),
            )
        )
    return WelcomeSection(title=_("Upcoming meetings"), items=items)


@receiver(person_erasing, dispatch_uid="meetings_registration_erasure")
def forget_person(sender: Any, person: Person, **kwargs: Any) -> dict[str, int]:
    """The delegate rows of the person (by link or by address) keep their function and
    head-of-delegation mark only; the calendar address is deleted."""
    rows = Delegate.objects.filter(person=person) | Delegate.objects.filter(
        email__iexact=person.email
    )
    anonymised = rows.update(
        person=None,
        full_name=gettext("erased person"),
        email="",
        arrival_on=None,
        departure_on=None,
        travel_details="",
    )
    return {
        "meeting_delegations": anonymised,
        "meeting_calendar_address": CalendarToken.objects.filter(person=person).delete()[0],
    }


@receiver(person_handed_over, dispatch_uid="meetings_registration_handover")
def keep_to_themselves(sender: Any, handover: Handover, **kwargs: Any) -> dict[str, int]:
    """Nothing personal moves: the successor's calendar follows their own appointments
    (the country's registrations appear in it) and their address is their own."""
    return {}


class CalendarAddressForm(SiteForm):
    """The personal calendar address: shown, and replaced when ``replace`` is ticked."""

    replace = forms.BooleanField(label=_("Replace the address"), required=True)

    def __init__(self, *args: Any, person: Person, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        token = CalendarToken.objects.filter(person=person).first()
        self.address = (
            settings.SITE_URL.rstrip("/")
            + reverse("registrations:personal_calendar", kwargs={"token": token.token})
            if token
            else ""
        )


def preference_form(person: Person, data: Any) -> CalendarAddressForm:
    return CalendarAddressForm(data, person=person, prefix="calendar")


def preference_save(form: CalendarAddressForm, person: Person, request: HttpRequest) -> None:
    calendar_token_replace(person=person)


register_personal_data("meetings", personal_data)
register_welcome_section("meetings", welcome_section)
register_preference_section(
    PreferenceSection(
        key="calendar",
        title=_("Meetings calendar"),
        template="meetings/calendar_preferences.html",
        form=preference_form,
        save=preference_save,
    )
)
