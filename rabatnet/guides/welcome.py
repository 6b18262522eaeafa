"""The guides' part of a welcome pack: the country's guide stage, what comes next and who
takes it, and the key documents (registered in ``network.registries.WELCOME_SECTIONS``)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from rabatnet.countries.models import Country
from rabatnet.network.models import Person
from rabatnet.network.registries import WelcomeItem, WelcomeSection

from . import lifecycle, selectors
from .models import Guide, Stage
from .permissions import can_edit_guide, can_endorse_guide, can_publish_guide


def _who(action: str) -> str:
    rule = lifecycle.RULES.get(action)
    if rule is can_endorse_guide:
        return _("the national coordinating authority")
    if rule is can_publish_guide:
        return _("the secretariat")
    if rule is can_edit_guide:
        return _("the focal point and the national workgroup")
    return _("the secretariat")


def next_step(guide: Guide) -> tuple[str, str]:
    """The guide's next step, in words, and the action that takes it."""
    stage = guide.stage
    if stage in lifecycle.PREPARATION and stage != Stage.DRAFTING:
        following = lifecycle.PREPARATION[lifecycle.PREPARATION.index(Stage(stage)) + 1]
        return _("record the next step: %(step)s") % {"step": Stage(following).label}, following
    if stage in (Stage.DRAFTING, Stage.FOLLOW_UP):
        return _("submit the draft for endorsement"), lifecycle.SUBMIT
    if stage == Stage.SUBMITTED:
        return _("endorse the submitted edition or send it back"), lifecycle.ENDORSE
    if stage == Stage.ENDORSED:
        return _("publish the endorsed edition"), lifecycle.PUBLISH
    return _("follow up the published guide"), lifecycle.FOLLOW_UP


def _guide_items(guide: Guide) -> list[WelcomeItem]:
    iso3 = guide.country.iso3
    language = guide.get_language_display()
    step, action = next_step(guide)
    items = [
        WelcomeItem(
            _("Guide (%(language)s): stage “%(stage)s”.")
            % {"language": language, "stage": guide.get_stage_display()},
            reverse("guides:workspace", kwargs={"iso3": iso3}) + f"?lang={guide.language}",
        ),
        WelcomeItem(
            _("Open item: %(step)s — taken by %(who)s.") % {"step": step, "who": _who(action)}
        ),
    ]
    edition = selectors.published_edition(guide)
    if edition is not None:
        pdf = reverse("guides:edition_pdf", kwargs={"iso3": iso3, "number": edition.number})
        items.append(
            WelcomeItem(
                _("Key document: the published guide, edition %(number)s (PDF).")
                % {"number": edition.number},
                f"{pdf}?lang={guide.language}",
            )
        )
    return items


def guide_welcome_section(person: Person, country: Country | None) -> WelcomeSection | None:
    """Nothing for a post without a country (the secretariat, an expert)."""
    if country is None:
        return None
    items: list[WelcomeItem] = []
    for guide in selectors.country_guides(country):
        items.extend(_guide_items(guide))
    if not items:
        items.append(
            WelcomeItem(
                _("No guide yet: the focal point and the national workgroup start it."),
                reverse("guides:workspace", kwargs={"iso3": country.iso3}),
            )
        )
    items.append(
        WelcomeItem(
            _("Key document: the migration profile of %(country)s.") % {"country": country.name},
            reverse("statistics:profile", kwargs={"iso3": country.iso3}),
        )
    )
    return WelcomeSection(_("Your country's user's guide"), items)
