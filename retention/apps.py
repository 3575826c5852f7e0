from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RetentionConfig(AppConfig):
    name = "retention"
    verbose_name = _("Retention")

    def ready(self):
        # Registers the SQLite hash function on every new connection (keyed strategies call it).
        from privacy.sources import strategies  # noqa: F401
