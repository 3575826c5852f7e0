from django.apps import AppConfig


class ErasureConfig(AppConfig):
    name = "privacy.sources.erasure"
    label = "erasure"
    verbose_name = "Erasure"
