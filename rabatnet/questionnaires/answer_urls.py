"""C — running a questionnaire in a country and answering through a personal link:
/private/questionnaires/<form_id>/countries/<ISO3>/..., /questionnaires/answer/<token>/
"""

from django.urls import URLPattern, path

from . import answer_views, country_views

app_name = "answers"

COUNTRY = "private/questionnaires/<str:form_id>/countries/<str:iso3>/"

urlpatterns: list[URLPattern] = [
    path("questionnaires/answer/<str:token>/", answer_views.answer, name="answer"),
    path(COUNTRY, country_views.country, name="country"),
    path(f"{COUNTRY}invite/", country_views.invite, name="invite"),
    path(
        f"{COUNTRY}invitations/<int:pk>/<str:step>/",
        country_views.invitation_step,
        name="invitation_step",
    ),
    path(f"{COUNTRY}responses/<int:pk>/", country_views.response, name="response"),
]
