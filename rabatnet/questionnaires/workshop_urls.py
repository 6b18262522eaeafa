"""E — national workshops: /private/workshops/..."""

from django.urls import path

from . import workshop_people_views as people
from . import workshop_views as views

app_name = "workshops"

W = "private/workshops/<int:pk>/"

urlpatterns = [
    path("private/workshops/", views.workshop_list, name="list"),
    path("private/workshops/new/<str:iso3>/", views.create, name="create"),
    path(W, views.detail, name="detail"),
    path(f"{W}edit/", views.edit, name="edit"),
    path(f"{W}hold/", views.hold, name="hold"),
    path(f"{W}cancel/", views.cancel, name="cancel"),
    path(f"{W}report/", views.report, name="report"),
    path(f"{W}report.pdf", views.report_pdf_view, name="report_pdf"),
    path(f"{W}participants/", people.participant_add, name="participant_add"),
    path(f"{W}participants/<int:line>/sign/", people.participant_sign, name="participant_sign"),
    path(
        f"{W}participants/<int:line>/remove/",
        people.participant_remove,
        name="participant_remove",
    ),
    path(f"{W}experts/", people.expert_add, name="expert_add"),
    path(f"{W}experts/<int:line>/remove/", people.expert_remove, name="expert_remove"),
    path(f"{W}outcomes/", people.outcome_add, name="outcome_add"),
    path(f"{W}outcomes/<int:line>/", people.outcome_edit, name="outcome_edit"),
    path(f"{W}outcomes/<int:line>/remove/", people.outcome_remove, name="outcome_remove"),
]
