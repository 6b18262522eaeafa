"""Public meeting pages at meetings/ and their editing by the secretariat."""

from django.urls import path

from . import document_views, edit_views, views

app_name = "meetings"

urlpatterns = [
    path("meetings/", views.meeting_list, name="list"),
    path("meetings/meetings.csv", views.meetings_csv, name="csv"),
    path("meetings/secretariat/new/", edit_views.meeting_create, name="create"),
    path("meetings/<slug:slug>/", views.meeting_detail, name="detail"),
    path("meetings/<slug:slug>/edit/", edit_views.meeting_edit, name="edit"),
    path("meetings/<slug:slug>/cancel/", edit_views.meeting_cancel, name="cancel"),
    path("meetings/<slug:slug>/programme/", edit_views.meeting_programme, name="programme"),
    path(
        "meetings/<slug:slug>/documents/upload/",
        edit_views.document_upload,
        name="document_upload",
    ),
    path(
        "meetings/<slug:slug>/documents/<int:pk>/<str:language>/",
        document_views.document_download,
        name="document",
    ),
]
