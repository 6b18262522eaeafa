from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "rabatnet.core"
    label = "core"
