from decimal import Decimal

from django.db import models

from privacy.sources.magento.models.customer import CustomerAddressEntity, CustomerEntity
from privacy.sources.magento.models.store import EavAttribute


class CustomerEntityDatetime(models.Model):
    value_id = models.AutoField(primary_key=True)
    attribute = models.ForeignKey(EavAttribute, models.DO_NOTHING, db_column="attribute_id", db_constraint=False)
    entity = models.ForeignKey(CustomerEntity, models.DO_NOTHING, db_column="entity_id", db_constraint=False)
    value = models.DateTimeField(null=True)

    class Meta:
        managed = False
        db_table = "customer_entity_datetime"


class CustomerEntityDecimal(models.Model):
    value_id = models.AutoField(primary_key=True)
    attribute = models.ForeignKey(EavAttribute, models.DO_NOTHING, db_column="attribute_id", db_constraint=False)
    entity = models.ForeignKey(CustomerEntity, models.DO_NOTHING, db_column="entity_id", db_constraint=False)
    value = models.DecimalField(max_digits=12, decimal_places=4, default=Decimal(0))

    class Meta:
        managed = False
        db_table = "customer_entity_decimal"


class CustomerEntityInt(models.Model):
    value_id = models.AutoField(primary_key=True)
    attribute = models.ForeignKey(EavAttribute, models.DO_NOTHING, db_column="attribute_id", db_constraint=False)
    entity = models.ForeignKey(CustomerEntity, models.DO_NOTHING, db_column="entity_id", db_constraint=False)
    value = models.IntegerField(default=0)

    class Meta:
        managed = False
        db_table = "customer_entity_int"


class CustomerEntityText(models.Model):
    value_id = models.AutoField(primary_key=True)
    attribute = models.ForeignKey(EavAttribute, models.DO_NOTHING, db_column="attribute_id", db_constraint=False)
    entity = models.ForeignKey(CustomerEntity, models.DO_NOTHING, db_column="entity_id", db_constraint=False)
    value = models.TextField()

    class Meta:
        managed = False
        db_table = "customer_entity_text"


class CustomerEntityVarchar(models.Model):
    value_id = models.AutoField(primary_key=True)
    attribute = models.ForeignKey(EavAttribute, models.DO_NOTHING, db_column="attribute_id", db_constraint=False)
    entity = models.ForeignKey(CustomerEntity, models.DO_NOTHING, db_column="entity_id", db_constraint=False)
    value = models.CharField(max_length=255, null=True)

    class Meta:
        managed = False
        db_table = "customer_entity_varchar"


class CustomerAddressEntityDatetime(models.Model):
    value_id = models.AutoField(primary_key=True)
    attribute = models.ForeignKey(EavAttribute, models.DO_NOTHING, db_column="attribute_id", db_constraint=False)
    entity = models.ForeignKey(CustomerAddressEntity, models.DO_NOTHING, db_column="entity_id", db_constraint=False)
    value = models.DateTimeField(null=True)

    class Meta:
        managed = False
        db_table = "customer_address_entity_datetime"


class CustomerAddressEntityDecimal(models.Model):
    value_id = models.AutoField(primary_key=True)
    attribute = models.ForeignKey(EavAttribute, models.DO_NOTHING, db_column="attribute_id", db_constraint=False)
    entity = models.ForeignKey(CustomerAddressEntity, models.DO_NOTHING, db_column="entity_id", db_constraint=False)
    value = models.DecimalField(max_digits=12, decimal_places=4, default=Decimal(0))

    class Meta:
        managed = False
        db_table = "customer_address_entity_decimal"


class CustomerAddressEntityInt(models.Model):
    value_id = models.AutoField(primary_key=True)
    attribute = models.ForeignKey(EavAttribute, models.DO_NOTHING, db_column="attribute_id", db_constraint=False)
    entity = models.ForeignKey(CustomerAddressEntity, models.DO_NOTHING, db_column="entity_id", db_constraint=False)
    value = models.IntegerField(default=0)

    class Meta:
        managed = False
        db_table = "customer_address_entity_int"


class CustomerAddressEntityText(models.Model):
    value_id = models.AutoField(primary_key=True)
    attribute = models.ForeignKey(EavAttribute, models.DO_NOTHING, db_column="attribute_id", db_constraint=False)
    entity = models.ForeignKey(CustomerAddressEntity, models.DO_NOTHING, db_column="entity_id", db_constraint=False)
    value = models.TextField()

    class Meta:
        managed = False
        db_table = "customer_address_entity_text"


class CustomerAddressEntityVarchar(models.Model):
    value_id = models.AutoField(primary_key=True)
    attribute = models.ForeignKey(EavAttribute, models.DO_NOTHING, db_column="attribute_id", db_constraint=False)
    entity = models.ForeignKey(CustomerAddressEntity, models.DO_NOTHING, db_column="entity_id", db_constraint=False)
    value = models.CharField(max_length=255, null=True)

    class Meta:
        managed = False
        db_table = "customer_address_entity_varchar"
