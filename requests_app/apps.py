from django.apps import AppConfig
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _


class RequestsAppConfig(AppConfig):
    name = "requests_app"
    verbose_name = _("Privacy requests")

    def ready(self):
        from django.conf import settings

        from requests_app.clock import public_holidays
        from requests_app.models import Kind

        public_holidays()  # a malformed holiday list stops start-up, naming the entry
        unknown = set(settings.PRIVACY_SECOND_FACTOR_KINDS) - set(Kind.values)
        if unknown:
            raise ImproperlyConfigured(
                f"PRIVACY_SECOND_FACTOR_KINDS names unknown kinds {sorted(unknown)}: use some of {', '.join(Kind.values)}."
            )
