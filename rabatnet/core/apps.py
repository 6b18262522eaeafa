from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "rabatnet.core"
    label = "core"

    def ready(self) -> None:
        from . import revision_signals

        revision_signals.connect()
