from django.db import models
from django.utils import timezone

from privacy.sources.magento.models.customer import CustomerEntity
from privacy.sources.magento.models.store import Store, StoreWebsite


class ReportEvent(models.Model):
    event_id = models.BigAutoField(primary_key=True)
    logged_at = models.DateTimeField(default=timezone.now)
    event_type_id = models.PositiveSmallIntegerField(default=0)
    object_id = models.PositiveIntegerField(default=0)
    subject_id = models.PositiveIntegerField(default=0)
    subtype = models.PositiveSmallIntegerField(default=0)
    store = models.ForeignKey(Store, models.DO_NOTHING, db_column="store_id", db_constraint=False)

    class Meta:
        managed = False
        db_table = "report_event"


class ReportViewedProductIndex(models.Model):
    index_id = models.BigAutoField(primary_key=True)
    visitor_id = models.PositiveIntegerField(null=True)
    customer = models.ForeignKey(CustomerEntity, models.DO_NOTHING, db_column="customer_id", db_constraint=False, null=True)
    product_id = models.PositiveIntegerField()
    store = models.ForeignKey(Store, models.DO_NOTHING, db_column="store_id", db_constraint=False, null=True)
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        managed = False
        db_table = "report_viewed_product_index"


class ReportComparedProductIndex(models.Model):
    index_id = models.BigAutoField(primary_key=True)
    visitor_id = models.PositiveIntegerField(null=True)
    customer = models.ForeignKey(CustomerEntity, models.DO_NOTHING, db_column="customer_id", db_constraint=False, null=True)
    product_id = models.PositiveIntegerField()
    store = models.ForeignKey(Store, models.DO_NOTHING, db_column="store_id", db_constraint=False, null=True)
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        managed = False
        db_table = "report_compared_product_index"


class PersistentSession(models.Model):
    persistent_id = models.AutoField(primary_key=True)
    key = models.CharField(max_length=50)
    customer = models.OneToOneField(CustomerEntity, models.DO_NOTHING, db_column="customer_id", db_constraint=False, null=True)
    website = models.ForeignKey(StoreWebsite, models.DO_NOTHING, db_column="website_id", db_constraint=False)
    info = models.TextField(null=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        managed = False
        db_table = "persistent_session"


class OauthToken(models.Model):
    entity_id = models.AutoField(primary_key=True)
    consumer_id = models.PositiveIntegerField(null=True)
    admin_id = models.PositiveIntegerField(null=True)
    customer = models.ForeignKey(CustomerEntity, models.DO_NOTHING, db_column="customer_id", db_constraint=False, null=True)
    type = models.CharField(max_length=16)
    token = models.CharField(max_length=32)
    secret = models.CharField(max_length=32)
    verifier = models.CharField(max_length=32, null=True)
    callback_url = models.TextField()
    revoked = models.PositiveSmallIntegerField(default=0)
    authorized = models.PositiveSmallIntegerField(default=0)
    user_type = models.IntegerField(null=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        managed = False
        db_table = "oauth_token"


class VaultPaymentToken(models.Model):
    entity_id = models.AutoField(primary_key=True)
    customer = models.ForeignKey(CustomerEntity, models.DO_NOTHING, db_column="customer_id", db_constraint=False, null=True)
    public_hash = models.CharField(max_length=128)
    payment_method_code = models.CharField(max_length=128)
    type = models.CharField(max_length=128)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(null=True)
    gateway_token = models.CharField(max_length=255)
    details = models.TextField(null=True)
    is_active = models.SmallIntegerField(default=1)
    is_visible = models.SmallIntegerField(default=1)

    class Meta:
        managed = False
        db_table = "vault_payment_token"


class PasswordResetRequestEvent(models.Model):
    id = models.AutoField(primary_key=True)
    request_type = models.PositiveSmallIntegerField()
    account_reference = models.CharField(max_length=255, null=True)
    created_at = models.DateTimeField(default=timezone.now)
    ip = models.CharField(max_length=15)

    class Meta:
        managed = False
        db_table = "password_reset_request_event"


class SendfriendLog(models.Model):
    log_id = models.AutoField(primary_key=True)
    ip = models.PositiveBigIntegerField(default=0)
    time = models.PositiveIntegerField(default=0)
    website_id = models.PositiveSmallIntegerField(default=0)

    class Meta:
        managed = False
        db_table = "sendfriend_log"


class MagentoLoginAsCustomerLog(models.Model):
    log_id = models.AutoField(primary_key=True)
    time = models.DateTimeField(null=True)
    user_id = models.PositiveIntegerField(null=True)
    user_name = models.CharField(max_length=40, null=True)
    customer_id = models.PositiveIntegerField(null=True)
    customer_email = models.CharField(max_length=40, null=True)

    class Meta:
        managed = False
        db_table = "magento_login_as_customer_log"
