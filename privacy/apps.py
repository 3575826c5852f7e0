from django.apps import AppConfig
from django.core.signals import setting_changed


class PrivacyConfig(AppConfig):
    name = "privacy"
    verbose_name = "PrivacyDesk core"

    def ready(self):
        setting_changed.connect(_reset_key_caches)


def _reset_key_caches(*, setting, **kwargs):
    if setting in {"PRIVACY_ENCRYPTION_KEYS", "PRIVACY_BLIND_INDEX_KEY"}:
        from privacy import crypto, keys

        crypto.keyring.cache_clear()
        crypto.derived_key.cache_clear()
        keys._unwrap_cached.cache_clear()
