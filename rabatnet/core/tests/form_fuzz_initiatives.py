"""The form fuzz's pages of the strategy follow-up's initiatives and contributors."""

from django.urls import reverse

from rabatnet.followup.initiative_forms import (
    ContributorForm,
    FilterForm,
    InitiativeForm,
    InitiativeSourceForm,
    ReturnForm,
)
from rabatnet.followup.models import Initiative
from rabatnet.followup.tests.initiative_fixtures import draft

from .form_fuzz_support import Post, World, url_of
from .form_fuzz_support import names as _names

SOURCES = [
    "sources-TOTAL_FORMS",
    "sources-INITIAL_FORMS",
    "sources-0-title",
    "sources-0-url",
    "sources-1-title",
    "sources-1-url",
]


def _initiative(w: World) -> Initiative:
    """A draft of Senegal's the edit pages post to (made on first use)."""
    found = Initiative.objects.filter(country__iso3="SEN").first()
    return found or draft("SEN", by=w.users["focal_point"])


def _entry_names(w: World) -> list[str]:
    return [*_names(InitiativeForm()), *SOURCES]


def initiative_posts() -> list[Post]:
    return [
        Post(
            InitiativeForm,
            lambda w: reverse("initiatives:create", kwargs={"iso3": "SEN"}),
            "focal_point",
            _entry_names,
            fixed={"sources-MIN_NUM_FORMS": "0", "sources-MAX_NUM_FORMS": "20"},
            label="initiative-create",
        ),
        Post(
            InitiativeForm,
            lambda w: reverse("initiatives:edit", kwargs={"pk": _initiative(w).pk}),
            "focal_point",
            lambda w: [*_names(InitiativeForm(instance=_initiative(w))), *SOURCES],
            label="initiative-edit",
        ),
        Post(
            InitiativeSourceForm,
            lambda w: reverse("initiatives:create", kwargs={"iso3": "SEN"}),
            "focal_point",
            _entry_names,
            label="initiative-sources",
        ),
        Post(
            ReturnForm,
            lambda w: reverse("initiatives:return", kwargs={"pk": _initiative(w).pk}),
            "secretariat",
            lambda w: _names(ReturnForm()),
        ),
        Post(
            ContributorForm,
            lambda w: reverse("initiatives:contributors", kwargs={"iso3": "SEN"}),
            "focal_point",
            lambda w: ["person"],
        ),
        *(
            Post(
                FilterForm,
                url_of(name),
                "anonymous",
                lambda w: _names(FilterForm()),
                method="get",
                label=name.split(":")[1],
            )
            for name in ["initiatives:list", "initiatives:csv"]
        ),
    ]
