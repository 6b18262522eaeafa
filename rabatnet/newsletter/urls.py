from django.urls import path

from . import views

app_name = "newsletter"

urlpatterns = [
    path("", views.archive, name="archive"),
    path("subscribe/", views.subscribe, name="subscribe"),
    path("<int:year>/q<int:quarter>/", views.issue_detail, name="issue"),
]
