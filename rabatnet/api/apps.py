from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "rabatnet.api"
    label = "api"
