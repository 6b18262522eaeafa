from django.apps import AppConfig


class NewsletterConfig(AppConfig):
    name = "rabatnet.newsletter"
    label = "newsletter"

    def ready(self) -> None:
        from . import receivers  # noqa: F401  (handover and erasure of network people)
