"""Initiatives to test with: a draft of Senegal's with a source, one verified."""

from decimal import Decimal

from rabatnet.accounts.models import User
from rabatnet.countries.models import Country
from rabatnet.followup import initiative_services as services
from rabatnet.followup.initiative_selectors import current_objectives
from rabatnet.followup.models import Initiative
from rabatnet.network.tests import factories as f


def data(**changes: object) -> services.InitiativeIn:
    values: dict = {
        "kind": Initiative.Kind.PROJECT,
        "title_en": "Border posts training",
        "title_fr": "Formation aux postes frontières",
        "summary_en": "Training of officers.",
        "summary_fr": "",
        "status": Initiative.Status.ONGOING,
        "starts_on": None,
        "ends_on": None,
        "budget": Decimal("1250000.50"),
        "currency": "XOF",
        "countries": [],
        "objectives": list(current_objectives()[:1]),
        "partners": [],
        "sources": [services.SourceIn(title="Report", url="https://example.org/report")],
    }
    values.update(changes)
    return services.InitiativeIn(**values)


def draft(iso3: str = "SEN", by: User | None = None, **changes: object) -> Initiative:
    country = Country.objects.get(iso3=iso3)
    return services.initiative_create(
        country=country, data=data(**changes), by=by or f.focal_point(iso3)
    )


def verified(iso3: str = "SEN", **changes: object) -> Initiative:
    author = f.focal_point(iso3)
    initiative = draft(iso3, by=author, **changes)
    services.initiative_submit(initiative=initiative, by=author)
    return services.initiative_verify(initiative=initiative, by=f.secretariat())


def form_data(initiative: Initiative | None = None, **changes: object) -> dict:
    """What the entry form posts for ``data()``."""
    objective = current_objectives()[0]
    values: dict = {
        "kind": "project",
        "title_en": "Border posts training",
        "title_fr": "",
        "summary_en": "Training.",
        "summary_fr": "",
        "objectives": [str(objective.pk)],
        "countries": [],
        "partners": [],
        "starts_on": "2024-01-01",
        "ends_on": "2025-12-31",
        "budget": "1000.00",
        "currency": "eur",
        "status": "ongoing",
        "sources-TOTAL_FORMS": "2",
        "sources-INITIAL_FORMS": "0",
        "sources-MIN_NUM_FORMS": "0",
        "sources-MAX_NUM_FORMS": "20",
        "sources-0-title": "Decree",
        "sources-0-url": "https://example.org/decree",
        "sources-1-title": "",
        "sources-1-url": "",
    }
    if initiative is not None:
        values["version"] = str(initiative.version)
    values.update(changes)
    return values
