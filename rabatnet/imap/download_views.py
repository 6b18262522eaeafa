"""The picture (SVG, PNG) and the data (CSV) of a map state."""

from django.http import HttpRequest, HttpResponse


def map_svg(request: HttpRequest) -> HttpResponse:
    raise NotImplementedError


def map_png(request: HttpRequest) -> HttpResponse:
    raise NotImplementedError


def map_csv(request: HttpRequest) -> HttpResponse:
    raise NotImplementedError
