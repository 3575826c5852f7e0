import pytest
from django.apps import apps
from django.db import models

from privacy.sources.magento.schema import schema_tables

# Issue #2 item 3: every table that holds personal data or links to a customer, plus scope tables.
REQUIRED_TABLES = {
    *(f"customer_entity{suffix}" for suffix in ("", "_datetime", "_decimal", "_int", "_text", "_varchar")),
    *(f"customer_address_entity{suffix}" for suffix in ("", "_datetime", "_decimal", "_int", "_text", "_varchar")),
    "customer_grid_flat", "sales_order", "sales_order_address", "sales_order_grid",
    "sales_invoice", "sales_invoice_grid", "sales_invoice_comment",
    "sales_shipment", "sales_shipment_grid", "sales_shipment_comment", "sales_shipment_track",
    "sales_creditmemo", "sales_creditmemo_grid", "sales_creditmemo_comment",
    "sales_order_status_history", "sales_order_item", "sales_order_payment", "sales_payment_transaction",
    "quote", "quote_address", "quote_payment", "newsletter_subscriber", "review_detail", "rating_option_vote",
    "wishlist", "wishlist_item", "gift_message", "customer_log", "customer_visitor", "persistent_session",
    "oauth_token", "vault_payment_token", "product_alert_price", "product_alert_stock", "report_event",
    "report_viewed_product_index", "report_compared_product_index", "password_reset_request_event",
    "sendfriend_log", "magento_login_as_customer_log", "amazon_customer", "amazon_payv2_async",
    "store", "store_website",
}  # fmt: skip

FAMILIES = {
    "tinyint": "integer", "smallint": "integer", "int": "integer", "bigint": "integer",
    "varchar": "char", "text": "text", "longtext": "text", "decimal": "decimal",
    "timestamp": "datetime", "datetime": "datetime", "date": "date", "blob": "binary", "mediumblob": "binary",
}  # fmt: skip

MAGENTO_MODELS = list(apps.get_app_config("magento").get_models())


def _family(field: models.Field) -> str:
    if isinstance(field, (models.ForeignKey, models.OneToOneField)):
        return _family(field.target_field)
    for django_type, family in (
        (models.CharField, "char"),
        (models.TextField, "text"),
        (models.DecimalField, "decimal"),
        (models.DateTimeField, "datetime"),
        (models.DateField, "date"),
        (models.BinaryField, "binary"),
        (models.IntegerField, "integer"),
        (models.SmallIntegerField, "integer"),
        (models.BigIntegerField, "integer"),
        (models.AutoField, "integer"),
        (models.SmallAutoField, "integer"),
        (models.BigAutoField, "integer"),
    ):
        if isinstance(field, django_type):
            return family
    raise AssertionError(f"unexpected field type {type(field).__name__}")


def _size(field: models.Field) -> tuple[int, ...]:
    if isinstance(field, models.CharField):
        return (field.max_length,)
    if isinstance(field, models.DecimalField):
        return (field.max_digits, field.decimal_places)
    return ()


def test_every_table_the_issue_lists_has_an_unmanaged_magento_model():
    # given
    modeled = {model._meta.db_table for model in MAGENTO_MODELS}

    # then
    assert REQUIRED_TABLES - modeled == set()
    assert all(not model._meta.managed for model in MAGENTO_MODELS)


@pytest.mark.parametrize("model", MAGENTO_MODELS, ids=lambda model: model._meta.db_table)
def test_model_fields_match_the_column_names_types_lengths_and_nullability_of_the_mysql_schema(model):
    # given
    table = schema_tables("mysql")[model._meta.db_table]
    fields = {field.column: field for field in model._meta.concrete_fields}

    # then
    assert list(fields) == list(table.columns)
    for name, column in table.columns.items():
        field = fields[name]
        assert (_family(field), _size(field), field.null) == (FAMILIES[column.type], column.size, column.nullable), name
    assert (model._meta.pk.column,) == table.primary_key


@pytest.mark.parametrize("model", MAGENTO_MODELS, ids=lambda model: model._meta.db_table)
def test_relations_exist_only_where_magento_declares_a_foreign_key(model):
    # given
    table = schema_tables("mysql")[model._meta.db_table]
    declared = {fk.columns[0]: fk.ref_table for fk in table.foreign_keys.values()}

    # then
    for field in model._meta.concrete_fields:
        if field.is_relation:
            assert declared.get(field.column) == field.related_model._meta.db_table, field.column
            assert field.remote_field.on_delete is models.DO_NOTHING and not field.db_constraint


@pytest.mark.mariadb
@pytest.mark.django_db(databases=["default", "magento"])
def test_models_read_and_write_a_seeded_mariadb_shop_built_from_the_project_schema(seeded_magento):
    from privacy.sources.magento.models import CustomerEntity, NewsletterSubscriber, SalesOrder, SalesOrderAddress

    # given
    customer = CustomerEntity.objects.select_related("website", "store").get(entity_id=seeded_magento.customers[0]["entity_id"])
    order = SalesOrder.objects.filter(customer=customer).first() or SalesOrder.objects.first()

    # when: read through relations, then write through the ORM
    addresses = list(SalesOrderAddress.objects.filter(parent=order).values_list("address_type", flat=True))
    customer.firstname = "Renamed"
    customer.save(update_fields=["firstname"])
    NewsletterSubscriber.objects.create(store=customer.store, customer_id=customer.entity_id, subscriber_email=customer.email)
    SalesOrder.objects.filter(entity_id=order.entity_id).delete()

    # then
    assert customer.email == seeded_magento.customers[0]["email"] and customer.website.code in {"base", "intl"}
    assert sorted(addresses) == ["billing", "shipping"]
    assert CustomerEntity.objects.get(entity_id=customer.entity_id).firstname == "Renamed"
    assert NewsletterSubscriber.objects.filter(subscriber_email=customer.email, customer_id=customer.entity_id).exists()
    assert not SalesOrderAddress.objects.filter(parent_id=order.entity_id).exists()  # InnoDB cascaded the delete
