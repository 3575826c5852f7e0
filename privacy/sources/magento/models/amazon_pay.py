from django.db import models

from privacy.sources.magento.models.customer import CustomerEntity


class AmazonCustomer(models.Model):
    entity_id = models.AutoField(primary_key=True)
    customer = models.OneToOneField(CustomerEntity, models.DO_NOTHING, db_column="customer_id", db_constraint=False)
    amazon_id = models.CharField(max_length=255)

    class Meta:
        managed = False
        db_table = "amazon_customer"


class AmazonPayV2Async(models.Model):
    entity_id = models.AutoField(primary_key=True)
    order_id = models.PositiveIntegerField(null=True)
    is_pending = models.PositiveSmallIntegerField(default=1)
    pending_action = models.CharField(max_length=20)
    pending_id = models.CharField(max_length=50, null=True)
    created_at = models.DateTimeField(null=True)
    updated_at = models.DateTimeField(null=True)

    class Meta:
        managed = False
        db_table = "amazon_payv2_async"
