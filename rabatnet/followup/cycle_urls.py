"""Collection cycles and self-assessments under private/strategy/cycles/.

Owner while issue 11 is built: cycles+assessments.
"""

from django.urls import URLPattern, path

from . import cycle_admin_views as manage
from . import cycle_views as views

app_name = "cycles"

BASE = "private/strategy/cycles/"
COUNTRY = BASE + "<str:slug>/countries/<str:iso3>/"

urlpatterns: list[URLPattern] = [
    path(BASE, manage.cycle_list, name="list"),
    path(BASE + "new/", manage.cycle_create, name="create"),
    path(BASE + "<str:slug>/", manage.cycle_detail, name="detail"),
    path(BASE + "<str:slug>/edit/", manage.cycle_edit, name="edit"),
    path(BASE + "<str:slug>/close/", manage.cycle_close, name="close"),
    path(BASE + "<str:slug>/verification/", manage.verification_queue, name="queue"),
    path(BASE + "<str:slug>/verification/<str:pk>/", manage.assessment_verify, name="verify"),
    path(
        BASE + "<str:slug>/verification/<str:pk>/return/",
        manage.assessment_return,
        name="return",
    ),
    path(COUNTRY, views.country_page, name="country"),
    path(COUNTRY + "objectives/<str:number>/", views.assessment_edit, name="assessment"),
    path(COUNTRY + "submit/", views.country_submit, name="submit"),
    path(COUNTRY + "history/", views.country_history, name="history"),
]
