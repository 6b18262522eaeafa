from django.apps import AppConfig


class GuidesConfig(AppConfig):
    name = "rabatnet.guides"
    label = "guides"
