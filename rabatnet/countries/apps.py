from django.apps import AppConfig


class CountriesConfig(AppConfig):
    name = "rabatnet.countries"
    label = "countries"
