from django.apps import AppConfig


class RightsConfig(AppConfig):
    name = "requests_app.rights"
    label = "rights"
    verbose_name = "Preferences and corrections"
