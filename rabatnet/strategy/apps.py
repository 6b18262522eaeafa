from django.apps import AppConfig


class StrategyConfig(AppConfig):
    name = "rabatnet.strategy"
    label = "strategy"
