from django.db import models
from django.utils import timezone

from privacy.sources.magento.models.sales_order import SalesOrder
from privacy.sources.magento.models.store import Store


class SalesShipment(models.Model):
    entity_id = models.AutoField(primary_key=True)
    store = models.ForeignKey(Store, models.DO_NOTHING, db_column="store_id", db_constraint=False, null=True)
    total_weight = models.DecimalField(max_digits=12, decimal_places=4, null=True)
    total_qty = models.DecimalField(max_digits=12, decimal_places=4, null=True)
    email_sent = models.SmallIntegerField(null=True)
    send_email = models.PositiveSmallIntegerField(null=True)
    order = models.ForeignKey(SalesOrder, models.DO_NOTHING, db_column="order_id", db_constraint=False)
    customer_id = models.IntegerField(null=True)
    shipping_address_id = models.IntegerField(null=True)
    billing_address_id = models.IntegerField(null=True)
    shipment_status = models.IntegerField(null=True)
    increment_id = models.CharField(max_length=50, null=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    packages = models.TextField(null=True)
    shipping_label = models.BinaryField(null=True)
    customer_note = models.TextField(null=True)
    customer_note_notify = models.PositiveSmallIntegerField(null=True)

    class Meta:
        managed = False
        db_table = "sales_shipment"


class SalesShipmentGrid(models.Model):
    entity_id = models.PositiveIntegerField(primary_key=True)
    increment_id = models.CharField(max_length=50, null=True)
    store_id = models.PositiveSmallIntegerField(null=True)
    order_increment_id = models.CharField(max_length=32)
    order_id = models.PositiveIntegerField()
    order_created_at = models.DateTimeField(default=timezone.now)
    customer_name = models.CharField(max_length=128)
    total_qty = models.DecimalField(max_digits=12, decimal_places=4, null=True)
    shipment_status = models.IntegerField(null=True)
    order_status = models.CharField(max_length=32, null=True)
    billing_address = models.CharField(max_length=255, null=True)
    shipping_address = models.CharField(max_length=255, null=True)
    billing_name = models.CharField(max_length=128, null=True)
    shipping_name = models.CharField(max_length=128, null=True)
    customer_email = models.CharField(max_length=128, null=True)
    customer_group_id = models.IntegerField(null=True)
    payment_method = models.CharField(max_length=32, null=True)
    shipping_information = models.CharField(max_length=255, null=True)
    created_at = models.DateTimeField(null=True)
    updated_at = models.DateTimeField(null=True)

    class Meta:
        managed = False
        db_table = "sales_shipment_grid"


class SalesShipmentComment(models.Model):
    entity_id = models.AutoField(primary_key=True)
    parent = models.ForeignKey(SalesShipment, models.DO_NOTHING, db_column="parent_id", db_constraint=False)
    is_customer_notified = models.IntegerField(null=True)
    is_visible_on_front = models.PositiveSmallIntegerField(default=0)
    comment = models.TextField(null=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(null=True, default=timezone.now)
    user_id = models.PositiveIntegerField(default=0)
    user_type = models.PositiveIntegerField(default=0)

    class Meta:
        managed = False
        db_table = "sales_shipment_comment"


class SalesShipmentTrack(models.Model):
    entity_id = models.AutoField(primary_key=True)
    parent = models.ForeignKey(SalesShipment, models.DO_NOTHING, db_column="parent_id", db_constraint=False)
    weight = models.DecimalField(max_digits=12, decimal_places=4, null=True)
    qty = models.DecimalField(max_digits=12, decimal_places=4, null=True)
    order_id = models.PositiveIntegerField()
    track_number = models.TextField(null=True)
    description = models.TextField(null=True)
    title = models.CharField(max_length=255, null=True)
    carrier_code = models.CharField(max_length=32, null=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        managed = False
        db_table = "sales_shipment_track"
