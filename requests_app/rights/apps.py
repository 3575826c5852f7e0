from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RightsConfig(AppConfig):
    name = "requests_app.rights"
    label = "rights"
    verbose_name = _("Preferences and corrections")
