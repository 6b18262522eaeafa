from django.urls import path

from . import views

app_name = "sources"

urlpatterns = [
    path("", views.source_list, name="list"),
    path("new/", views.source_edit, name="create"),
    path("<int:pk>/edit/", views.source_edit, name="edit"),
    path("<int:pk>/delete/", views.source_delete, name="delete"),
    path("entities/new/", views.entity_create, name="entity_create"),
]
