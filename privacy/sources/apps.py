from django.apps import AppConfig


class SourcesConfig(AppConfig):
    name = "privacy.sources"
    label = "sources"
    verbose_name = "Personal-data sources"

    def ready(self):
        from privacy.sources import checks  # noqa: F401  registers the data-map coverage check
