from django.apps import AppConfig
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _


class RequestsAppConfig(AppConfig):
    name = "requests_app"
    verbose_name = _("Privacy requests")

    def ready(self):
        from django.conf import settings
        from django.db.models.signals import pre_save

        from privacy.sources.erasure.models import ErasureRun
        from requests_app.clock import public_holidays
        from requests_app.models import Kind
        from requests_app.services.lease import erasure_step_recorded

        # The erasure records each step (and each Amazon Pay closure) on its run before going on: those are the
        # progress points of a deletion's fulfilment, where its worker renews the lease or stops (services/lease.py).
        pre_save.connect(erasure_step_recorded, sender=ErasureRun, dispatch_uid="requests_app.lease.erasure_step")
        public_holidays()  # a malformed holiday list stops start-up, naming the entry
        unknown = set(settings.PRIVACY_SECOND_FACTOR_KINDS) - set(Kind.values)
        if unknown:
            raise ImproperlyConfigured(
                f"PRIVACY_SECOND_FACTOR_KINDS names unknown kinds {sorted(unknown)}: use some of {', '.join(Kind.values)}."
            )
