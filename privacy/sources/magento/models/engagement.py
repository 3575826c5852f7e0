from decimal import Decimal

from django.db import models
from django.utils import timezone

from privacy.sources.magento.models.customer import CustomerEntity
from privacy.sources.magento.models.store import Store, StoreWebsite


class NewsletterSubscriber(models.Model):
    subscriber_id = models.AutoField(primary_key=True)
    store = models.ForeignKey(Store, models.DO_NOTHING, db_column="store_id", db_constraint=False, null=True)
    change_status_at = models.DateTimeField(null=True)
    customer_id = models.PositiveIntegerField(default=0)
    subscriber_email = models.CharField(max_length=150, null=True)
    subscriber_status = models.IntegerField(default=0)
    subscriber_confirm_code = models.CharField(max_length=32, null=True)

    class Meta:
        managed = False
        db_table = "newsletter_subscriber"


class Review(models.Model):
    review_id = models.BigAutoField(primary_key=True)
    created_at = models.DateTimeField(default=timezone.now)
    entity_id = models.PositiveSmallIntegerField(default=0)
    entity_pk_value = models.PositiveIntegerField(default=0)
    status_id = models.PositiveSmallIntegerField(default=0)

    class Meta:
        managed = False
        db_table = "review"


class ReviewDetail(models.Model):
    detail_id = models.BigAutoField(primary_key=True)
    review = models.ForeignKey(Review, models.DO_NOTHING, db_column="review_id", db_constraint=False)
    store = models.ForeignKey(Store, models.DO_NOTHING, db_column="store_id", db_constraint=False, null=True)
    title = models.CharField(max_length=255)
    detail = models.TextField()
    nickname = models.CharField(max_length=128)
    customer = models.ForeignKey(CustomerEntity, models.DO_NOTHING, db_column="customer_id", db_constraint=False, null=True)

    class Meta:
        managed = False
        db_table = "review_detail"


class RatingOptionVote(models.Model):
    vote_id = models.BigAutoField(primary_key=True)
    option_id = models.PositiveIntegerField(default=0)
    remote_ip = models.CharField(max_length=16)
    remote_ip_long = models.BigIntegerField(default=0)
    customer_id = models.PositiveIntegerField(null=True, default=0)
    entity_pk_value = models.PositiveBigIntegerField(default=0)
    rating_id = models.PositiveSmallIntegerField(default=0)
    review = models.ForeignKey(Review, models.DO_NOTHING, db_column="review_id", db_constraint=False, null=True)
    percent = models.SmallIntegerField(default=0)
    value = models.SmallIntegerField(default=0)

    class Meta:
        managed = False
        db_table = "rating_option_vote"


class Wishlist(models.Model):
    wishlist_id = models.AutoField(primary_key=True)
    customer = models.OneToOneField(CustomerEntity, models.DO_NOTHING, db_column="customer_id", db_constraint=False)
    shared = models.PositiveSmallIntegerField(default=0)
    sharing_code = models.CharField(max_length=32, null=True)
    updated_at = models.DateTimeField(null=True)

    class Meta:
        managed = False
        db_table = "wishlist"


class WishlistItem(models.Model):
    wishlist_item_id = models.AutoField(primary_key=True)
    wishlist = models.ForeignKey(Wishlist, models.DO_NOTHING, db_column="wishlist_id", db_constraint=False)
    product_id = models.PositiveIntegerField(default=0)
    store = models.ForeignKey(Store, models.DO_NOTHING, db_column="store_id", db_constraint=False, null=True)
    added_at = models.DateTimeField(null=True)
    description = models.TextField(null=True)
    qty = models.DecimalField(max_digits=12, decimal_places=4)

    class Meta:
        managed = False
        db_table = "wishlist_item"


class GiftMessage(models.Model):
    gift_message_id = models.AutoField(primary_key=True)
    customer_id = models.PositiveIntegerField(default=0)
    sender = models.CharField(max_length=255, null=True)
    recipient = models.CharField(max_length=255, null=True)
    message = models.TextField(null=True)

    class Meta:
        managed = False
        db_table = "gift_message"


class ProductAlertPrice(models.Model):
    alert_price_id = models.AutoField(primary_key=True)
    customer = models.ForeignKey(CustomerEntity, models.DO_NOTHING, db_column="customer_id", db_constraint=False)
    product_id = models.PositiveIntegerField(default=0)
    price = models.DecimalField(max_digits=12, decimal_places=4, default=Decimal(0))
    website = models.ForeignKey(StoreWebsite, models.DO_NOTHING, db_column="website_id", db_constraint=False)
    store = models.ForeignKey(Store, models.DO_NOTHING, db_column="store_id", db_constraint=False, null=True)
    add_date = models.DateTimeField(default=timezone.now)
    last_send_date = models.DateTimeField(null=True)
    send_count = models.PositiveSmallIntegerField(default=0)
    status = models.PositiveSmallIntegerField(default=0)

    class Meta:
        managed = False
        db_table = "product_alert_price"


class ProductAlertStock(models.Model):
    alert_stock_id = models.AutoField(primary_key=True)
    customer = models.ForeignKey(CustomerEntity, models.DO_NOTHING, db_column="customer_id", db_constraint=False)
    product_id = models.PositiveIntegerField(default=0)
    website = models.ForeignKey(StoreWebsite, models.DO_NOTHING, db_column="website_id", db_constraint=False)
    store = models.ForeignKey(Store, models.DO_NOTHING, db_column="store_id", db_constraint=False, null=True)
    add_date = models.DateTimeField(default=timezone.now)
    send_date = models.DateTimeField(null=True)
    send_count = models.PositiveSmallIntegerField(default=0)
    status = models.PositiveSmallIntegerField(default=0)

    class Meta:
        managed = False
        db_table = "product_alert_stock"
