"""The public pages of the strategy frameworks at strategy/frameworks/.

Kept in the public page cache (registered here, next to their names): the frameworks are
reference data (REFERENCE), the meetings and actions counted on them MEETINGS.
"""

from django.urls import path

from rabatnet.core import revisions
from rabatnet.core.public_cache import PUBLIC_PAGES, PublicPage

from . import framework_views as views

app_name = "frameworks"

urlpatterns = [
    path("strategy/frameworks/", views.framework_list, name="list"),
    path("strategy/frameworks/<str:slug>/", views.framework_detail, name="detail"),
]

PUBLIC_PAGES.update(
    {
        "frameworks:list": PublicPage((revisions.REFERENCE,)),
        "frameworks:detail": PublicPage((revisions.REFERENCE, revisions.MEETINGS)),
        "api:list_frameworks": PublicPage((revisions.REFERENCE,)),
        "api:list_roadmap_actions": PublicPage((revisions.REFERENCE,)),
    }
)
