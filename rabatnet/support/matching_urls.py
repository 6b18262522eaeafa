"""Matching a request to the roster, asking experts, their answer by a private link (C)."""

from django.urls import path

from . import matching_views as views

app_name = "matching"

PRIVATE = "private/support/"

urlpatterns = [
    path(f"{PRIVATE}asked/", views.asked_list, name="asked"),
    path(f"{PRIVATE}asked/<int:pk>/", views.asked_detail, name="asked_detail"),
    path(f"{PRIVATE}<int:pk>/matching/", views.matching, name="matching"),
    path(f"{PRIVATE}<int:pk>/matching/<int:proposal>/ask/", views.ask, name="ask"),
    path(f"{PRIVATE}<int:pk>/matching/<int:proposal>/withdraw/", views.withdraw, name="withdraw"),
    path(f"{PRIVATE}<int:pk>/matching/<int:proposal>/record/", views.record, name="record"),
    path("support/answer/<str:token>/", views.answer, name="answer"),
]
