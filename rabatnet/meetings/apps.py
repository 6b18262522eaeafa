from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "rabatnet.meetings"
    label = "meetings"

    def ready(self) -> None:
        from . import receivers  # noqa: F401  (network registries, newsletter source, signals)
