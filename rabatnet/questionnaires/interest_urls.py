"""G — expressions of interest and stakeholders: /private/interest/..., and the invited
person's answer at /workgroup/invitation/<token>/ (public, through a personal link)."""

from django.urls import URLPattern, path

from . import interest_views as views
from . import stakeholder_views

app_name = "interest"

urlpatterns: list[URLPattern] = [
    path("private/interest/", views.interest_list, name="list"),
    path("private/interest/new/<str:iso3>/", views.declare, name="declare"),
    path("private/interest/<int:pk>/", views.detail, name="detail"),
    path("private/interest/<int:pk>/edit/", views.edit, name="edit"),
    path("private/interest/<int:pk>/acknowledge/", views.acknowledge, name="acknowledge"),
    path("private/interest/<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path(
        "private/interest/<int:pk>/stakeholders/new/", stakeholder_views.add, name="stakeholder_add"
    ),
    path(
        "private/interest/<int:pk>/stakeholders/<int:stakeholder>/invite/",
        stakeholder_views.invite,
        name="stakeholder_invite",
    ),
    path(
        "private/interest/<int:pk>/stakeholders/<int:stakeholder>/remove/",
        stakeholder_views.remove,
        name="stakeholder_remove",
    ),
    path("workgroup/invitation/<str:token>/", stakeholder_views.invitation, name="invitation"),
]
