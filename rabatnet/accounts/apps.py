from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "rabatnet.accounts"
    label = "accounts"
