"""The welcome pack: what a newcomer to a post needs, as sections (the page and the e-mail).

The network writes two sections (the country's contacts, how the platform works); apps above
it add theirs through ``registries.WELCOME_SECTIONS`` (the guides, the forums).
"""

from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from rabatnet.countries.models import Country

from .models import Appointment, Person, Role
from .registries import WELCOME_SECTIONS, WelcomeItem, WelcomeSection


def welcome_country(person: Person) -> Country | None:
    """The country of the person's first current appointment that has one."""
    appointment = (
        Appointment.objects.current()
        .filter(person=person, country__isnull=False)
        .select_related("country")
        .order_by("starts_on", "pk")
        .first()
    )
    return appointment.country if appointment else None


def _contact_line(appointment: Appointment) -> str:
    """Name, role and the contacts any member may see (``share_email``, ``share_phone``)."""
    person = appointment.person
    parts = [f"{person.display_name} — {appointment.get_role_display()}"]
    if appointment.theme is not None:
        parts[0] += f" ({appointment.theme})"
    if person.share_email:
        parts.append(person.email)
    if person.share_phone and person.phone:
        parts.append(person.phone)
    return ", ".join(parts)


def contacts_section(person: Person, country: Country | None) -> WelcomeSection:
    """The people in post for the country and the secretariat, as listed in the directory."""
    posts = Q(role=Role.SECRETARIAT)
    if country is not None:
        posts |= Q(country=country)
    appointments = (
        Appointment.objects.current()
        .filter(posts, person__directory_consent=True, person__erased_at__isnull=True)
        .exclude(person=person)
        .select_related("person", "theme")
        .order_by("role", "person__full_name", "pk")
    )
    items = [
        WelcomeItem(_contact_line(a), reverse("network:person_detail", kwargs={"pk": a.person_id}))
        for a in appointments
    ]
    if not items:
        items = [WelcomeItem(_("Nobody is listed in the directory for this yet."))]
    title = (
        _("Your contacts for %(country)s") % {"country": country.name}
        if country is not None
        else _("Your contacts")
    )
    return WelcomeSection(title, items)


def _path(name: str, **kwargs: str) -> str:
    try:
        return reverse(name, kwargs=kwargs or None)
    except NoReverseMatch:  # an app not installed: no link rather than an error
        return ""


def platform_section(person: Person, country: Country | None) -> WelcomeSection:
    """How the platform works, in five links."""
    items = [
        WelcomeItem(
            _("The private area: your posts, your countries and the secretariat."),
            _path("network:private_home"),
        ),
        WelcomeItem(
            _("The directory: the members of the network, as each agreed to be listed."),
            _path("network:directory"),
        ),
        WelcomeItem(
            _("The forums: one per theme and one per country workgroup, with e-mail."),
            _path("forums:forums"),
        ),
    ]
    if country is not None:
        items.append(
            WelcomeItem(
                _("Your country's user's guide: its stage, its editions, the workspace."),
                _path("guides:detail", iso3=country.iso3),
            )
        )
    items.append(WelcomeItem(_("The map of the dialogue's countries."), _path("imap:map")))
    return WelcomeSection(_("How the platform works"), items)


def welcome_sections(person: Person, country: Country | None = None) -> list[WelcomeSection]:
    """Every section of the person's welcome pack, in the active language."""
    country = country if country is not None else welcome_country(person)
    sections = [contacts_section(person, country)]
    for build in WELCOME_SECTIONS.values():
        section = build(person, country)
        if section is not None:
            sections.append(section)
    sections.append(platform_section(person, country))
    return sections
