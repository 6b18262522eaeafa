"""Technical support's part of a welcome pack: the country's open requests and the stage
each is in (registered in ``network.registries.WELCOME_SECTIONS`` from receivers.py).

Only for a person whose post lets them read the country's requests (its focal points,
coordinating authority and workgroup members, as ``permissions.READERS``), and only the
request's reference, title, stage and since when: what a successor needs to pick them up.
"""

from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from rabatnet.countries.models import Country
from rabatnet.network.models import Appointment, Person
from rabatnet.network.registries import WelcomeItem, WelcomeSection, register_welcome_section

from .models import SupportRequest
from .permissions import READERS


def _link(request: SupportRequest) -> str:
    try:
        return request.get_absolute_url()
    except NoReverseMatch:  # the request pages not installed: no link rather than an error
        return ""


def _list_link() -> str:
    try:
        return reverse("support:list")
    except NoReverseMatch:
        return ""


def support_welcome_section(person: Person, country: Country | None) -> WelcomeSection | None:
    """Nothing for a post without a country or one that does not read its requests."""
    if country is None:
        return None
    reads = Appointment.objects.current().filter(person=person, country=country, role__in=READERS)
    if not reads.exists():
        return None
    requests = list(
        SupportRequest.objects.open()
        .filter(country=country)
        .prefetch_related("events")
        .order_by("filed_at", "pk")
    )
    items = []
    for request in requests:
        events = [e for e in request.events.all() if e.to_stage == request.stage]
        since = max((e.at for e in events), default=request.filed_at)
        text = _("%(reference)s %(title)s: stage “%(stage)s” since %(since)s.") % {
            "reference": request.reference,
            "title": request.title,
            "stage": request.get_stage_display(),
            "since": date_format(timezone.localtime(since), "DATE_FORMAT"),
        }
        if request.example:
            text += " (" + _("Example content") + ")"
        items.append(WelcomeItem(text, _link(request)))
    if not items:
        items = [WelcomeItem(_("No request for technical support is open."), _list_link())]
    return WelcomeSection(
        _("Technical support: the open requests of %(country)s") % {"country": country.name},
        items,
    )


register_welcome_section("support_requests", support_welcome_section)
