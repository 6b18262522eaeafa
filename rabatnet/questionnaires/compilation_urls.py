"""D — candidate records beside the draft: /private/compilation/<ISO3>/..."""

from django.urls import URLPattern, path

from . import compilation_views as views

app_name = "compilation"

urlpatterns: list[URLPattern] = [
    path(
        "private/compilation/candidates/<int:pk>/",
        views.candidate_detail,
        name="candidate",
    ),
    path(
        "private/compilation/candidates/<int:pk>/reject/",
        views.reject,
        name="reject",
    ),
    path(
        "private/compilation/workshops/<int:pk>/propose/",
        views.propose_workshop,
        name="propose_workshop",
    ),
    path("private/compilation/<str:iso3>/", views.review, name="review"),
    path("private/compilation/<str:iso3>/propose/", views.propose, name="propose"),
]
