"""The expert roster at private/experts/: profiles, availability, CVs (helper B)."""

from django.urls import path

from . import expert_views

app_name = "experts"

PRIVATE = "private/experts/"

urlpatterns = [
    path(PRIVATE, expert_views.roster, name="roster"),
    path(f"{PRIVATE}new/", expert_views.enrol, name="enrol"),
    path(f"{PRIVATE}me/", expert_views.me, name="me"),
    path(f"{PRIVATE}<int:pk>/", expert_views.detail, name="detail"),
    path(f"{PRIVATE}<int:pk>/edit/", expert_views.edit, name="edit"),
    path(f"{PRIVATE}<int:pk>/availability/", expert_views.availability, name="availability"),
    path(f"{PRIVATE}<int:pk>/cv/", expert_views.cv_upload, name="cv"),
    path(f"{PRIVATE}<int:pk>/cv.pdf", expert_views.cv_download, name="cv_download"),
]
