from django.urls import path

from . import level_views, views

app_name = "forums"

urlpatterns = [
    path("", views.forum_list, name="forums"),
    path("<slug:slug>/", views.forum_detail, name="forum"),
    path("<slug:slug>/<int:pk>/", views.thread_detail, name="thread"),
    path("<slug:slug>/level/", level_views.forum_level, name="forum_level"),
    path("<slug:slug>/<int:pk>/level/", level_views.thread_level, name="thread_level"),
]
