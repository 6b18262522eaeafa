"""Initiatives: public at strategy/initiatives/, entry and verification under private/strategy/.

The public pages are kept per FOLLOWUP revision (registered by ``initiative_receivers``).
"""

from django.urls import path

from . import contributor_views, initiative_public_views, initiative_views

app_name = "initiatives"

PRIVATE = "private/strategy/"

urlpatterns = [
    path("strategy/initiatives/", initiative_public_views.initiative_list, name="list"),
    path("strategy/initiatives.csv", initiative_public_views.initiative_csv, name="csv"),
    path(
        "strategy/initiatives/<int:pk>/", initiative_public_views.initiative_detail, name="detail"
    ),
    path(f"{PRIVATE}initiatives/", initiative_views.home, name="home"),
    path(f"{PRIVATE}verification/", initiative_views.queue, name="queue"),
    path(
        f"{PRIVATE}countries/<str:iso3>/initiatives/",
        initiative_views.country_list,
        name="country_list",
    ),
    path(
        f"{PRIVATE}countries/<str:iso3>/initiatives/new/",
        initiative_views.create,
        name="create",
    ),
    path(
        f"{PRIVATE}countries/<str:iso3>/contributors/",
        contributor_views.contributor_list,
        name="contributors",
    ),
    path(
        f"{PRIVATE}contributors/<int:pk>/end/",
        contributor_views.contributor_end,
        name="contributor_end",
    ),
    path(f"{PRIVATE}initiatives/<int:pk>/", initiative_views.private_detail, name="private_detail"),
    path(f"{PRIVATE}initiatives/<int:pk>/edit/", initiative_views.edit, name="edit"),
    path(f"{PRIVATE}initiatives/<int:pk>/submit/", initiative_views.submit, name="submit"),
    path(f"{PRIVATE}initiatives/<int:pk>/verify/", initiative_views.verify, name="verify"),
    path(f"{PRIVATE}initiatives/<int:pk>/return/", initiative_views.return_, name="return"),
    path(f"{PRIVATE}initiatives/<int:pk>/history/", initiative_views.history, name="history"),
]
