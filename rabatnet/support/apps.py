from django.apps import AppConfig


class SupportConfig(AppConfig):
    name = "rabatnet.support"
    label = "support"
    verbose_name = "technical support"

    def ready(self) -> None:
        from . import receivers  # noqa: F401  (network registries, newsletter source, signals)
