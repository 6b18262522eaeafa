from django.apps import AppConfig


class ImapConfig(AppConfig):
    name = "rabatnet.imap"
    label = "imap"
    verbose_name = "Interactive map (i-Map)"
