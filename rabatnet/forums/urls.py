from django.urls import path

from . import views

app_name = "forums"

urlpatterns = [
    path("", views.forum_list, name="forums"),
    path("<slug:slug>/", views.forum_detail, name="forum"),
    path("<slug:slug>/<int:pk>/", views.thread_detail, name="thread"),
]
