"""Workshops to test with: Senegal's French guide, a planned workshop past its last day."""

from datetime import date, timedelta

from django.utils import timezone

from rabatnet.accounts.models import User
from rabatnet.guides.models import Guide

from .. import workshop_services as services
from ..models import Workshop
from .factories import make_guide


def workshop_in(**changes: object) -> services.WorkshopIn:
    yesterday = timezone.localdate() - timedelta(days=1)
    values: dict = {
        "kind": Workshop.Kind.BOTH,
        "title": "Atelier national de Dakar",
        "starts_on": yesterday - timedelta(days=1),
        "ends_on": yesterday,
        "venue": "Hôtel des Almadies",
        "city": "Dakar",
        "agenda": "1. **Ouverture**\n2. Sources",
        "summary": "Les registres ne sont pas partagés.",
    }
    values.update(changes)
    return services.WorkshopIn(**values)


def planned(guide: Guide | None = None, by: User | None = None, **changes: object) -> Workshop:
    guide = guide or sen_guide()
    return services.workshop_create(guide=guide, data=workshop_in(**changes), by=by)


def sen_guide() -> Guide:
    """Senegal's French guide (started once)."""
    return Guide.objects.filter(country__iso3="SEN", language="fr").first() or make_guide()


def form_data(workshop: Workshop | None = None, **changes: object) -> dict:
    values: dict = {
        "title": "Atelier national de Dakar",
        "kind": "discussion_training",
        "starts_on": "2026-03-10",
        "ends_on": "2026-03-11",
        "venue": "Hôtel des Almadies",
        "city": "Dakar",
        "agenda": "Ouverture",
        "summary": "",
    }
    if workshop is not None:
        values["version"] = str(workshop.version)
    values.update(changes)
    return values


FAR = date(2099, 1, 1)


def workshop_samples() -> dict[str, dict[str, object]]:
    """URL arguments for the URL walk: a workshop of Senegal's with one line of each."""
    workshop = planned()
    participant = services.participant_add(workshop=workshop, full_name="Awa Exemple", by=None)
    expert = services.expert_add(workshop=workshop, full_name="E", scope="local", by=None)
    outcome = services.outcome_add(workshop=workshop, kind="need", text="Formation", by=None)
    one: dict[str, object] = {"pk": workshop.pk}
    names = ["detail", "edit", "hold", "cancel", "report", "report_pdf"]
    names += ["participant_add", "expert_add", "outcome_add"]
    return {
        **{f"workshops:{name}": one for name in names},
        "workshops:create": {"iso3": "SEN"},
        "workshops:participant_sign": {**one, "line": participant.pk},
        "workshops:participant_remove": {**one, "line": participant.pk},
        "workshops:expert_remove": {**one, "line": expert.pk},
        "workshops:outcome_edit": {**one, "line": outcome.pk},
        "workshops:outcome_remove": {**one, "line": outcome.pk},
    }
