"""Requests: filing, the private list, each request's page, stages, terms of reference (A)."""

from django.urls import path

from . import request_terms_views, request_views

app_name = "support"

PRIVATE = "private/support/"

urlpatterns = [
    path(PRIVATE, request_views.request_list, name="list"),
    path(f"{PRIVATE}new/<str:iso3>/", request_views.request_new, name="new"),
    path(f"{PRIVATE}<int:pk>/", request_views.request_detail, name="detail"),
    path(f"{PRIVATE}<int:pk>/act/", request_views.request_act, name="act"),
    path(f"{PRIVATE}<int:pk>/edit/", request_views.request_edit, name="edit"),
    path(f"{PRIVATE}<int:pk>/terms/", request_terms_views.terms, name="terms"),
    path(f"{PRIVATE}<int:pk>/terms/new/", request_terms_views.terms_new, name="terms_new"),
    path(
        f"{PRIVATE}<int:pk>/terms/<int:number>/agree/",
        request_terms_views.terms_agree,
        name="terms_agree",
    ),
]
