from django.http import HttpRequest

from .selectors import dialogue_name


def site(request: HttpRequest) -> dict[str, object]:
    return {"DIALOGUE_NAME": dialogue_name()}
