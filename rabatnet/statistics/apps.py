from django.apps import AppConfig


class StatisticsConfig(AppConfig):
    name = "rabatnet.statistics"
    label = "statistics"
    verbose_name = "Migration statistics"
