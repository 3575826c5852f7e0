MAGENTO_ALIAS = "magento"
MAGENTO_APP = "magento"


class MagentoRouter:
    """Send the unmanaged Magento models to the shop's database; never migrate that database."""

    def db_for_read(self, model, **hints):
        return MAGENTO_ALIAS if model._meta.app_label == MAGENTO_APP else None

    db_for_write = db_for_read

    def allow_relation(self, obj1, obj2, **hints):
        in_magento = {obj1._meta.app_label == MAGENTO_APP, obj2._meta.app_label == MAGENTO_APP}
        return None if in_magento == {False} else len(in_magento) == 1

    def allow_migrate(self, db, app_label, **hints):
        if db == MAGENTO_ALIAS or app_label == MAGENTO_APP:
            return False
        return None
