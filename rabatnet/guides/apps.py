from django.apps import AppConfig


class GuidesConfig(AppConfig):
    name = "rabatnet.guides"
    label = "guides"

    def ready(self) -> None:
        from rabatnet.network.registries import register_welcome_section
        from rabatnet.network.signals import guide_consent_withdrawn, person_erasing

        from .erasure import on_person_erasing
        from .publication import on_guide_consent_withdrawn
        from .welcome import guide_welcome_section

        guide_consent_withdrawn.connect(on_guide_consent_withdrawn, dispatch_uid="guides-redact")
        person_erasing.connect(on_person_erasing, dispatch_uid="guides-erase")
        register_welcome_section("guides", guide_welcome_section)
