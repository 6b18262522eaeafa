"""Public meeting pages at meetings/ and their editing by the secretariat.

Owner while issue 11 is built: meetings pages.
"""

from django.urls import URLPattern, path  # noqa: F401

app_name = "meetings"

urlpatterns: list[URLPattern] = []
