from django.db import models
from django.utils import timezone

from privacy.sources.magento.models.store import Store, StoreWebsite


class CustomerEntity(models.Model):
    entity_id = models.AutoField(primary_key=True)
    website = models.ForeignKey(StoreWebsite, models.DO_NOTHING, db_column="website_id", db_constraint=False, null=True)
    email = models.CharField(max_length=255, null=True)
    group_id = models.PositiveSmallIntegerField(default=0)
    increment_id = models.CharField(max_length=50, null=True)
    store = models.ForeignKey(Store, models.DO_NOTHING, db_column="store_id", db_constraint=False, null=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    is_active = models.PositiveSmallIntegerField(default=1)
    disable_auto_group_change = models.PositiveSmallIntegerField(default=0)
    created_in = models.CharField(max_length=255, null=True)
    prefix = models.CharField(max_length=40, null=True)
    firstname = models.CharField(max_length=255, null=True)
    middlename = models.CharField(max_length=255, null=True)
    lastname = models.CharField(max_length=255, null=True)
    suffix = models.CharField(max_length=40, null=True)
    dob = models.DateField(null=True)
    password_hash = models.CharField(max_length=128, null=True)
    rp_token = models.CharField(max_length=128, null=True)
    rp_token_created_at = models.DateTimeField(null=True)
    default_billing = models.PositiveIntegerField(null=True)
    default_shipping = models.PositiveIntegerField(null=True)
    taxvat = models.CharField(max_length=50, null=True)
    confirmation = models.CharField(max_length=64, null=True)
    gender = models.PositiveSmallIntegerField(null=True)
    failures_num = models.SmallIntegerField(null=True, default=0)
    first_failure = models.DateTimeField(null=True)
    lock_expires = models.DateTimeField(null=True)
    session_cutoff = models.DateTimeField(null=True)

    class Meta:
        managed = False
        db_table = "customer_entity"


class CustomerAddressEntity(models.Model):
    entity_id = models.AutoField(primary_key=True)
    increment_id = models.CharField(max_length=50, null=True)
    parent = models.ForeignKey(CustomerEntity, models.DO_NOTHING, db_column="parent_id", db_constraint=False, null=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    is_active = models.PositiveSmallIntegerField(default=1)
    city = models.CharField(max_length=255)
    company = models.CharField(max_length=255, null=True)
    country_id = models.CharField(max_length=255)
    fax = models.CharField(max_length=255, null=True)
    firstname = models.CharField(max_length=255)
    lastname = models.CharField(max_length=255)
    middlename = models.CharField(max_length=255, null=True)
    postcode = models.CharField(max_length=255, null=True)
    prefix = models.CharField(max_length=40, null=True)
    region = models.CharField(max_length=255, null=True)
    region_id = models.PositiveIntegerField(null=True)
    street = models.TextField()
    suffix = models.CharField(max_length=40, null=True)
    telephone = models.CharField(max_length=255)
    vat_id = models.CharField(max_length=255, null=True)
    vat_is_valid = models.PositiveIntegerField(null=True)
    vat_request_date = models.CharField(max_length=255, null=True)
    vat_request_id = models.CharField(max_length=255, null=True)
    vat_request_success = models.PositiveIntegerField(null=True)

    class Meta:
        managed = False
        db_table = "customer_address_entity"


class CustomerGridFlat(models.Model):
    entity_id = models.PositiveIntegerField(primary_key=True)
    name = models.TextField(null=True)
    email = models.CharField(max_length=255, null=True)
    group_id = models.IntegerField(null=True)
    created_at = models.DateTimeField(null=True)
    website_id = models.IntegerField(null=True)
    confirmation = models.CharField(max_length=255, null=True)
    created_in = models.TextField(null=True)
    dob = models.DateField(null=True)
    gender = models.IntegerField(null=True)
    taxvat = models.CharField(max_length=255, null=True)
    lock_expires = models.DateTimeField(null=True)
    shipping_full = models.TextField(null=True)
    billing_full = models.TextField(null=True)
    billing_firstname = models.CharField(max_length=255, null=True)
    billing_lastname = models.CharField(max_length=255, null=True)
    billing_telephone = models.CharField(max_length=255, null=True)
    billing_postcode = models.CharField(max_length=255, null=True)
    billing_country_id = models.CharField(max_length=255, null=True)
    billing_region = models.CharField(max_length=255, null=True)
    billing_region_id = models.IntegerField(null=True)
    billing_street = models.CharField(max_length=255, null=True)
    billing_city = models.CharField(max_length=255, null=True)
    billing_fax = models.CharField(max_length=255, null=True)
    billing_vat_id = models.CharField(max_length=255, null=True)
    billing_company = models.CharField(max_length=255, null=True)

    class Meta:
        managed = False
        db_table = "customer_grid_flat"


class CustomerLog(models.Model):
    log_id = models.AutoField(primary_key=True)
    customer_id = models.IntegerField()
    last_login_at = models.DateTimeField(null=True)
    last_logout_at = models.DateTimeField(null=True)

    class Meta:
        managed = False
        db_table = "customer_log"


class CustomerVisitor(models.Model):
    visitor_id = models.BigAutoField(primary_key=True)
    customer_id = models.IntegerField(null=True)
    session_id = models.CharField(max_length=1, null=True)
    created_at = models.DateTimeField(default=timezone.now)
    last_visit_at = models.DateTimeField(default=timezone.now)

    class Meta:
        managed = False
        db_table = "customer_visitor"
