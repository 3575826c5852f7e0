from django.db import models
from django.utils import timezone

from privacy.sources.magento.models.sales_order import SalesOrder
from privacy.sources.magento.models.store import Store


class SalesInvoice(models.Model):
    entity_id = models.AutoField(primary_key=True)
    store = models.ForeignKey(Store, models.DO_NOTHING, db_column="store_id", db_constraint=False, null=True)
    base_grand_total = models.DecimalField(max_digits=20, decimal_places=4, null=True)
    shipping_tax_amount = models.DecimalField(max_digits=20, decimal_places=4, null=True)
    tax_amount = models.DecimalField(max_digits=20, decimal_places=4, null=True)
    base_tax_amount = models.DecimalField(max_digits=20, decimal_places=4, null=True)
    store_to_order_rate = models.DecimalField(max_digits=20, decimal_places=4, null=True)
    base_shipping_tax_amount = models.DecimalField(max_digits=20, decimal_places=4, null=True)
    base_discount_amount = models.DecimalField(max_digits=20, decimal_places=4, null=True)
    base_to_order_rate = models.DecimalField(max_digits=20, decimal_places=4, null=True)
    grand_total = models.DecimalField(max_digits=20, decimal_places=4, null=True)
    shipping_amount = models.DecimalField(max_digits=20, decimal_places=4, null=True)
    subtotal_incl_tax = models.DecimalField(max_digits=20, decimal_places=4, null=True)
    base_subtotal_incl_tax = models.DecimalField(max_digits=20, decimal_places=4, null=True)
    store_to_base_rate = models.DecimalField(max_digits=20, decimal_places=4, null=True)
    base_shipping_amount = models.DecimalField(max_digits=20, decimal_places=4, null=True)
    total_qty = models.DecimalField(max_digits=12, decimal_places=4, null=True)
    base_to_global_rate = models.DecimalField(max_digits=20, decimal_places=4, null=True)
    subtotal = models.DecimalField(max_digits=20, decimal_places=4, null=True)
    base_subtotal = models.DecimalField(max_digits=20, decimal_places=4, null=True)
    discount_amount = models.DecimalField(max_digits=20, decimal_places=4, null=True)
    billing_address_id = models.IntegerField(null=True)
    is_used_for_refund = models.PositiveSmallIntegerField(null=True)
    order = models.ForeignKey(SalesOrder, models.DO_NOTHING, db_column="order_id", db_constraint=False)
    email_sent = models.SmallIntegerField(null=True)
    send_email = models.PositiveSmallIntegerField(null=True)
    can_void_flag = models.PositiveSmallIntegerField(null=True)
    state = models.IntegerField(null=True)
    shipping_address_id = models.IntegerField(null=True)
    store_currency_code = models.CharField(max_length=3, null=True)
    transaction_id = models.CharField(max_length=255, null=True)
    order_currency_code = models.CharField(max_length=3, null=True)
    base_currency_code = models.CharField(max_length=3, null=True)
    global_currency_code = models.CharField(max_length=3, null=True)
    increment_id = models.CharField(max_length=50, null=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    discount_tax_compensation_amount = models.DecimalField(max_digits=20, decimal_places=4, null=True)
    base_discount_tax_compensation_amount = models.DecimalField(max_digits=20, decimal_places=4, null=True)
    shipping_discount_tax_compensation_amount = models.DecimalField(max_digits=20, decimal_places=4, null=True)
    base_shipping_discount_tax_compensation_amnt = models.DecimalField(max_digits=20, decimal_places=4, null=True)
    shipping_incl_tax = models.DecimalField(max_digits=20, decimal_places=4, null=True)
    base_shipping_incl_tax = models.DecimalField(max_digits=20, decimal_places=4, null=True)
    base_total_refunded = models.DecimalField(max_digits=20, decimal_places=4, null=True)
    discount_description = models.CharField(max_length=255, null=True)
    customer_note = models.TextField(null=True)
    customer_note_notify = models.PositiveSmallIntegerField(null=True)

    class Meta:
        managed = False
        db_table = "sales_invoice"


class SalesInvoiceGrid(models.Model):
    entity_id = models.PositiveIntegerField(primary_key=True)
    increment_id = models.CharField(max_length=50, null=True)
    state = models.IntegerField(null=True)
    store_id = models.PositiveSmallIntegerField(null=True)
    store_name = models.CharField(max_length=255, null=True)
    order_id = models.PositiveIntegerField()
    order_increment_id = models.CharField(max_length=50, null=True)
    order_created_at = models.DateTimeField(null=True)
    customer_name = models.CharField(max_length=255, null=True)
    customer_email = models.CharField(max_length=255, null=True)
    customer_group_id = models.IntegerField(null=True)
    payment_method = models.CharField(max_length=128, null=True)
    store_currency_code = models.CharField(max_length=3, null=True)
    order_currency_code = models.CharField(max_length=3, null=True)
    base_currency_code = models.CharField(max_length=3, null=True)
    global_currency_code = models.CharField(max_length=3, null=True)
    billing_name = models.CharField(max_length=255, null=True)
    billing_address = models.CharField(max_length=255, null=True)
    shipping_address = models.CharField(max_length=255, null=True)
    shipping_information = models.CharField(max_length=255, null=True)
    subtotal = models.DecimalField(max_digits=20, decimal_places=4, null=True)
    shipping_and_handling = models.DecimalField(max_digits=20, decimal_places=4, null=True)
    grand_total = models.DecimalField(max_digits=20, decimal_places=4, null=True)
    created_at = models.DateTimeField(null=True)
    updated_at = models.DateTimeField(null=True)
    base_grand_total = models.DecimalField(max_digits=20, decimal_places=4, null=True)

    class Meta:
        managed = False
        db_table = "sales_invoice_grid"


class SalesInvoiceComment(models.Model):
    entity_id = models.AutoField(primary_key=True)
    parent = models.ForeignKey(SalesInvoice, models.DO_NOTHING, db_column="parent_id", db_constraint=False)
    is_customer_notified = models.PositiveSmallIntegerField(null=True)
    is_visible_on_front = models.PositiveSmallIntegerField(default=0)
    comment = models.TextField(null=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(null=True, default=timezone.now)
    user_id = models.PositiveIntegerField(default=0)
    user_type = models.PositiveIntegerField(default=0)

    class Meta:
        managed = False
        db_table = "sales_invoice_comment"
