from django.apps import AppConfig


class ForumsConfig(AppConfig):
    name = "rabatnet.forums"
    label = "forums"

    def ready(self) -> None:
        from . import receivers  # noqa: F401  (handover and erasure of network people)
