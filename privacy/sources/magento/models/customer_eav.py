"""The EAV value tables of customers and their addresses: one row per (entity, custom attribute)."""

from decimal import Decimal

from django.db import models

from privacy.sources.magento.models.customer import CustomerAddressEntity, CustomerEntity
from privacy.sources.magento.models.store import EavAttribute


class CustomerEavValue(models.Model):
    value_id = models.AutoField(primary_key=True)
    attribute = models.ForeignKey(EavAttribute, models.DO_NOTHING, db_column="attribute_id", db_constraint=False)
    entity = models.ForeignKey(CustomerEntity, models.DO_NOTHING, db_column="entity_id", db_constraint=False)

    class Meta:
        abstract = True
        managed = False


class CustomerAddressEavValue(models.Model):
    value_id = models.AutoField(primary_key=True)
    attribute = models.ForeignKey(EavAttribute, models.DO_NOTHING, db_column="attribute_id", db_constraint=False)
    entity = models.ForeignKey(CustomerAddressEntity, models.DO_NOTHING, db_column="entity_id", db_constraint=False)

    class Meta:
        abstract = True
        managed = False


VALUE_FIELDS = {
    "datetime": lambda: models.DateTimeField(null=True),
    "decimal": lambda: models.DecimalField(max_digits=12, decimal_places=4, default=Decimal(0)),
    "int": lambda: models.IntegerField(default=0),
    "text": lambda: models.TextField(),
    "varchar": lambda: models.CharField(max_length=255, null=True),
}


def _value_model(base: type[models.Model], table: str, kind: str) -> type[models.Model]:
    meta = type("Meta", (), {"managed": False, "db_table": table})
    name = "".join(part.capitalize() for part in table.split("_"))
    return type(name, (base,), {"__module__": __name__, "value": VALUE_FIELDS[kind](), "Meta": meta})


CustomerEntityDatetime = _value_model(CustomerEavValue, "customer_entity_datetime", "datetime")
CustomerEntityDecimal = _value_model(CustomerEavValue, "customer_entity_decimal", "decimal")
CustomerEntityInt = _value_model(CustomerEavValue, "customer_entity_int", "int")
CustomerEntityText = _value_model(CustomerEavValue, "customer_entity_text", "text")
CustomerEntityVarchar = _value_model(CustomerEavValue, "customer_entity_varchar", "varchar")
CustomerAddressEntityDatetime = _value_model(CustomerAddressEavValue, "customer_address_entity_datetime", "datetime")
CustomerAddressEntityDecimal = _value_model(CustomerAddressEavValue, "customer_address_entity_decimal", "decimal")
CustomerAddressEntityInt = _value_model(CustomerAddressEavValue, "customer_address_entity_int", "int")
CustomerAddressEntityText = _value_model(CustomerAddressEavValue, "customer_address_entity_text", "text")
CustomerAddressEntityVarchar = _value_model(CustomerAddressEavValue, "customer_address_entity_varchar", "varchar")
