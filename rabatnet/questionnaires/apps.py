from django.apps import AppConfig


class QuestionnairesConfig(AppConfig):
    name = "rabatnet.questionnaires"
    label = "questionnaires"
    verbose_name = "the guide's making"

    def ready(self) -> None:
        from . import receivers  # noqa: F401  (network registries, signals)
