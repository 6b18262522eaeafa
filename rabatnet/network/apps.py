from django.apps import AppConfig


class NetworkConfig(AppConfig):
    name = "rabatnet.network"
    label = "network"
