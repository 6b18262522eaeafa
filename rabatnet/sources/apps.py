from django.apps import AppConfig


class SourcesConfig(AppConfig):
    name = "rabatnet.sources"
    label = "sources"
