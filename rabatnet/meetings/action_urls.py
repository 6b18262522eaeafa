"""Follow-up actions of meetings: the public list and CSV at meetings/actions/, a meeting's
actions at meetings/<slug>/actions/ and their forms.

Included before ``meetings.urls`` so that ``meetings/actions/`` is not read as a slug. The
public pages are kept in the public page cache (registered below, next to their names).
"""

from django.urls import path

from rabatnet.core import revisions
from rabatnet.core.public_cache import PUBLIC_PAGES, PublicPage

from . import action_views as views

app_name = "actions"

urlpatterns = [
    path("meetings/actions/", views.action_list, name="list"),
    path("meetings/actions.csv", views.action_csv, name="csv"),
    path("meetings/<str:slug>/actions/", views.meeting_action_list, name="meeting"),
    path("meetings/<str:slug>/actions/new/", views.action_create, name="create"),
    path("meetings/<str:slug>/actions/<int:pk>/edit/", views.action_edit, name="edit"),
    path("meetings/<str:slug>/actions/<int:pk>/progress/", views.action_progress, name="progress"),
]

# Daily: "overdue" depends on today's date.
_ACTIONS = PublicPage((revisions.MEETINGS, revisions.REFERENCE), daily=True)
PUBLIC_PAGES.update(
    {"actions:list": _ACTIONS, "actions:csv": _ACTIONS, "actions:meeting": _ACTIONS}
)
