"""The country panel beside the map: key figures, membership, guide, contacts for those allowed.

Everything but the contacts is public. The contacts (the country's focal points and thematic
contacts in post) are for the secretariat and members appointed for that country
(``network.permissions.can_view_country_area``); a person who did not agree to be listed is
shown to the secretariat only, marked, as in the directory.
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from rabatnet.accounts.models import User
from rabatnet.core import revisions
from rabatnet.countries.models import Country, Membership
from rabatnet.guides import selectors as guide_selectors
from rabatnet.guides.models import Guide
from rabatnet.network.models import Appointment, Role
from rabatnet.network.permissions import can_view_country_area, can_view_person
from rabatnet.network.visibility import person_card
from rabatnet.statistics.profile import ProfileData
from rabatnet.statistics.profile_types import Point, Provenance

from .types import Layer

# The key figures, in the order shown: the indicator's code -> its label.
KEY_FIGURES = {
    "population": _("Population"),
    "migrant_stock_total": _("International migrants living in the country"),
    "emigrant_stock_total": _("Emigrants living abroad"),
    "refugees_hosted": _("Refugees hosted"),
    "asylum_seekers_hosted": _("Asylum seekers hosted"),
    "remittances_received_usd": _("Remittances received"),
}
CONTACT_ROLES = (Role.FOCAL_POINT, Role.THEMATIC_CONTACT)


@dataclass(frozen=True)
class Figure:
    """A key figure: its latest whole year, the unit in words, and where it comes from."""

    label: str
    point: Point  # ``text`` exact as published; ``derived`` marked †
    unit: str
    source: Provenance

    @property
    def dataset_url(self) -> str:
        return reverse("statistics:dataset", kwargs={"slug": self.source.slug})


@dataclass(frozen=True)
class GuideLink:
    language: str  # "fr"
    language_name: str
    url: str


@dataclass(frozen=True)
class Contact:
    """A person in post for the country, as the viewer may see them."""

    name: str
    posts: list[str]  # "National Focal Point", "thematic contact point — Border management"
    organisation: str
    email: str
    phone: str
    listed: bool  # agreed to be listed in the directory (False: shown to the secretariat only)
    url: str  # their page, when the viewer may open it


@dataclass
class Panel:
    """What the panel of the selected country shows (``_panel.html`` prints it)."""

    iso3: str
    name: str
    url: str = ""  # the country's page
    profile_url: str = ""
    membership: Membership | None = None  # the period in force (None: not a member today)
    memberships: list[Membership] = field(default_factory=list)  # every period, oldest first
    guide_stage: str = ""  # the stage of the country's guide(s), in words; "" without a guide
    published_guides: list[GuideLink] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    contacts: list[Contact] | None = None  # None: the viewer may not see them

    @property
    def shows_contacts(self) -> bool:
        return self.contacts is not None


def build_panel(user: User | AnonymousUser, iso3: str, layer: Layer) -> Panel | None:
    """The panel of the country ``iso3`` as ``user`` may see it, or None if it is no country.

    ``layer`` is the map state shown beside it (the panel says the same whatever the layer).
    """
    country = (
        Country.objects.filter(iso3=iso3.strip().upper()).prefetch_related("memberships").first()
        if len(iso3.strip()) == 3
        else None
    )
    if country is None:
        return None
    memberships = sorted(country.memberships.all(), key=lambda m: (m.started_year or 0, m.pk))
    guides = guide_selectors.country_guides(country)
    return Panel(
        iso3=country.iso3,
        name=country.name,
        url=country.get_absolute_url(),
        profile_url=reverse("statistics:profile", kwargs={"iso3": country.iso3}),
        membership=country.current_membership(),
        memberships=memberships,
        guide_stage=_guide_stage(guides),
        published_guides=_published_guides(guides),
        figures=key_figures(country),
        contacts=contacts(user, country) if can_view_country_area(user, country) else None,
    )


def _guide_stage(guides: list[Guide]) -> str:
    """The stage of the country's guides ("published"; "drafting / published" if they differ)."""
    stages = {g.get_stage_display() for g in guides}
    return " / ".join(sorted(str(stage) for stage in stages))


def _published_guides(guides: list[Guide]) -> list[GuideLink]:
    """A link to each guide with a published edition (one query per guide: one or two)."""
    return [
        GuideLink(g.language, str(g.get_language_display()), g.get_absolute_url())
        for g in guides
        if guide_selectors.published_edition(g) is not None
    ]


FIGURES_SECONDS = 60 * 60 * 24 * 7  # an old revision's entry is never read again


def key_figures(country: Country) -> list[Figure]:
    """The latest whole-year figure of each key indicator the statistics hold for the country.

    Read as the profile reads them (``statistics.profile.ProfileData``): the same revision of
    each indicator, the same exact digits, the same derived marks. Reading them costs the
    profile's queries (most of a first panel's time), so they are kept per language and data
    revision.
    """
    revision = revisions.token(revisions.STATISTICS, revisions.REFERENCE)
    key = f"imap-figures:{country.iso3}:{translation.get_language()}:{revision}"
    kept = cache.get(key)
    if isinstance(kept, list):
        return kept
    data = ProfileData(country)
    figures = []
    for code, label in KEY_FIGURES.items():
        series = data.series(code)
        latest = series.latest
        if latest is None or series.source is None:
            continue
        figures.append(Figure(str(label), latest, series.unit_label, series.source))
    cache.set(key, figures, FIGURES_SECONDS)
    return figures


def contacts(user: User | AnonymousUser, country: Country) -> list[Contact]:
    """The country's focal points and thematic contacts in post, as ``user`` may see them.

    Call only for a viewer who may see the country's private area. As the directory: people
    who agreed to be listed, and for the secretariat everyone, the others marked.
    """
    appointments = (
        Appointment.objects.current()
        .filter(country=country, role__in=CONTACT_ROLES)
        .select_related("person", "person__organisation", "theme")
        .order_by("role", "person__full_name", "pk")
    )
    by_person: dict[int, Contact] = {}
    for appointment in appointments:
        person = appointment.person
        card = person_card(user, person)  # the directory's consent rule, field by field
        if card is None:
            continue
        contact = by_person.setdefault(
            person.pk,
            Contact(
                name=card.name,
                posts=[],
                organisation=card.organisation,
                email=card.email,
                phone=card.phone,
                listed=person.directory_consent,
                url=person.get_absolute_url() if can_view_person(user, person) else "",
            ),
        )
        contact.posts.append(_post_label(appointment))
    return list(by_person.values())


def _post_label(appointment: Appointment) -> str:
    """ "National Focal Point", "Thematic contact point — Border management"."""
    role = str(appointment.get_role_display())
    role = role[:1].upper() + role[1:]
    if appointment.theme is None:
        return role
    return f"{role} — {appointment.theme.title}"
