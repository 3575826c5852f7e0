from django.apps import AppConfig
from django.core.signals import setting_changed
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "privacy"
    verbose_name = _("PrivacyDesk core")

    def ready(self):
        setting_changed.connect(_reset_key_caches)
        # flush (between transactional tests) and migrate both emit post_migrate: keys may be gone
        post_migrate.connect(_forget_scope_keys, sender=self)


def _reset_key_caches(*, setting, **kwargs):
    if setting in {"PRIVACY_ENCRYPTION_KEYS", "PRIVACY_BLIND_INDEX_KEY"}:
        from privacy import crypto, keys

        crypto.keyring.cache_clear()
        crypto.derived_key.cache_clear()
        keys._unwrap_cached.cache_clear()
        keys.forget_scope_keys()


def _forget_scope_keys(**kwargs):
    from privacy import keys

    keys.forget_scope_keys()
