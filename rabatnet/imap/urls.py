"""The i-Map: /map/ (every state its own URL), /map/embed/, and the picture and data of a state."""

from django.urls import path

from . import download_views, views

app_name = "imap"

urlpatterns = [
    path("map/", views.map_page, name="map"),
    path("map/embed/", views.map_embed, name="embed"),
    path("map/map.svg", download_views.map_svg, name="svg"),
    path("map/map.png", download_views.map_png, name="png"),
    path("map/map.csv", download_views.map_csv, name="csv"),
]
