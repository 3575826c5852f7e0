from django.apps import AppConfig


class RetentionConfig(AppConfig):
    name = "retention"
    verbose_name = "Retention"

    def ready(self):
        # Registers the SQLite hash function on every new connection (keyed strategies call it).
        from privacy.sources import strategies  # noqa: F401
