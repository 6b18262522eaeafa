from django.apps import AppConfig


class GuidesConfig(AppConfig):
    name = "rabatnet.guides"
    label = "guides"

    def ready(self) -> None:
        from rabatnet.network.signals import guide_consent_withdrawn

        from .publication import on_guide_consent_withdrawn

        guide_consent_withdrawn.connect(on_guide_consent_withdrawn, dispatch_uid="guides-redact")
