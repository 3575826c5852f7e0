from django.apps import AppConfig


class MagentoConfig(AppConfig):
    name = "privacy.sources.magento"
    label = "magento"
    verbose_name = "Magento shop data"
