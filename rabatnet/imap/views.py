"""The map page and its embed."""

from django.http import HttpRequest, HttpResponse


def map_page(request: HttpRequest) -> HttpResponse:
    raise NotImplementedError


def map_embed(request: HttpRequest) -> HttpResponse:
    raise NotImplementedError
