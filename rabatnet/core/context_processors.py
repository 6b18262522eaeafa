from django.conf import settings
from django.http import HttpRequest


def site(request: HttpRequest) -> dict[str, object]:
    return {"DIALOGUE_NAME": settings.DIALOGUE_NAME}
