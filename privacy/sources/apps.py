from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SourcesConfig(AppConfig):
    name = "privacy.sources"
    label = "sources"
    verbose_name = _("Personal-data sources")

    def ready(self):
        from privacy.sources import checks  # noqa: F401  registers the data-map coverage check
