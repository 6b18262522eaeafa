from django.apps import AppConfig


class FollowupConfig(AppConfig):
    name = "rabatnet.followup"
    label = "followup"

    def ready(self) -> None:
        from . import receivers  # noqa: F401  (network registries, newsletter source, signals)
