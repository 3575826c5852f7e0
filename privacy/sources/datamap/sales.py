"""Orders and everything under them (Magento Sales and Quote modules, Amazon Pay async queue).

Orders, invoices, credit memos and shipments are held under statutory record keeping: on
erasure only the columns the record does not need are anonymized at once (`held=False`);
the rest are anonymized when the period ends.
"""

from privacy.sources.datamap.model import ByChargePermission, ByCustomer, ByEmail, ByParent, ChargePermissionSource, Table, col
from privacy.sources.datamap.vocabulary import (
    ACCOUNTANTS,
    AMAZON_PAY,
    CARRIERS,
    HOSTING,
    Category as C,
    DocumentClass as D,
    ErasureAction as E,
    Index,
    LegalBasis as B,
    Purpose as P,
    Source,
    Strategy as S,
    fixed,
    statutory,
)

ORDER_RECORD = dict(
    purpose=P.ORDER, basis=B.CONTRACT, retention=statutory(D.ORDER), erasure=E.HOLD, hold=D.ORDER,
    recipients=(HOSTING, ACCOUNTANTS),
)


def _record(document: D, **extra) -> dict:
    return dict(
        purpose=P.ACCOUNTING, basis=B.LEGAL_OBLIGATION, retention=statutory(document), erasure=E.HOLD, hold=document,
        recipients=(HOSTING, ACCOUNTANTS), sources=(Source.SUBJECT, Source.STAFF), **extra,
    )


SALES_ORDER = Table(
    "sales_order", ("entity_id",), C.ORDER, **ORDER_RECORD,
    sources=(Source.SUBJECT, Source.AMAZON_PAY),
    links=(ByCustomer("customer_id"), ByEmail("customer_email", Index.LOCATOR)),
    change_column="updated_at", change_column_indexed=True,
    columns=(
        col("increment_id", "varchar(50)", C.ORDER, S.KEEP),
        col("created_at", "timestamp", C.ORDER, S.KEEP, null=False),
        col("status", "varchar(32)", C.ORDER, S.KEEP),
        col("grand_total", "decimal", C.ORDER, S.KEEP),
        col("order_currency_code", "varchar(3)", C.ORDER, S.KEEP),
        col("shipping_description", "varchar(255)", C.ORDER, S.KEEP),
        col("store_name", "varchar(255)", C.ORDER, S.KEEP),
        col("customer_id", "int", C.IDENTITY, S.NULL),
        col("customer_email", "varchar(128)", C.CONTACT, S.EMAIL),
        col("customer_prefix", "varchar(32)", C.IDENTITY, S.NULL, held=True),
        col("customer_firstname", "varchar(128)", C.IDENTITY, S.PLACEHOLDER, held=True),
        col("customer_middlename", "varchar(128)", C.IDENTITY, S.NULL, held=True),
        col("customer_lastname", "varchar(128)", C.IDENTITY, S.PLACEHOLDER, held=True),
        col("customer_suffix", "varchar(32)", C.IDENTITY, S.NULL, held=True),
        col("customer_taxvat", "varchar(32)", C.IDENTITY, S.NULL, held=True),
        col("customer_dob", "datetime", C.IDENTITY, S.NULL),
        col("customer_gender", "int", C.IDENTITY, S.NULL),
        col("ext_customer_id", "varchar(32)", C.IDENTITY, S.NULL),
        col("remote_ip", "varchar(45)", C.SECURITY_LOG, S.NULL),
        col("x_forwarded_for", "varchar(255)", C.SECURITY_LOG, S.NULL),
        col("customer_note", "text", C.FREE_TEXT, S.NULL),
    ),
    ignored=("coupon_rule_name",),  # the name of the shop's price rule
)

_ADDRESS_COLUMNS = (
    col("address_type", "varchar(255)", C.ADDRESS, S.KEEP),
    col("customer_id", "int", C.IDENTITY, S.NULL),
    col("prefix", "varchar(255)", C.IDENTITY, S.NULL, held=True),
    col("firstname", "varchar(255)", C.IDENTITY, S.PLACEHOLDER, held=True),
    col("middlename", "varchar(255)", C.IDENTITY, S.NULL, held=True),
    col("lastname", "varchar(255)", C.IDENTITY, S.PLACEHOLDER, held=True),
    col("suffix", "varchar(255)", C.IDENTITY, S.NULL, held=True),
    col("company", "varchar(255)", C.ADDRESS, S.NULL, held=True),
    col("street", "varchar(255)", C.ADDRESS, S.STREET, held=True),
    col("city", "varchar(255)", C.ADDRESS, S.PLACEHOLDER, held=True),
    col("region", "varchar(255)", C.ADDRESS, S.NULL, held=True),
    col("postcode", "varchar(255)", C.ADDRESS, S.NULL, held=True),
    col("country_id", "varchar(2)", C.ADDRESS, S.KEEP),
    col("vat_id", "text", C.IDENTITY, S.NULL, held=True),
    col("vat_request_id", "text", C.IDENTITY, S.NULL, held=True),
    col("vat_request_date", "text", C.IDENTITY, S.NULL, held=True),
    col("email", "varchar(255)", C.CONTACT, S.EMAIL),
    col("telephone", "varchar(255)", C.CONTACT, S.PHONE),
    col("fax", "varchar(255)", C.CONTACT, S.NULL),
)

# Order children without a date of their own are kept as long as their order.
OF_ORDER = statutory(D.ORDER, of_table="sales_order")

SALES_ORDER_ADDRESS = Table(
    "sales_order_address", ("entity_id",), C.ADDRESS,
    **{**ORDER_RECORD, "recipients": (HOSTING, CARRIERS, ACCOUNTANTS), "retention": OF_ORDER},
    sources=(Source.SUBJECT, Source.AMAZON_PAY),
    links=(ByParent("parent_id", "sales_order"),),
    columns=_ADDRESS_COLUMNS,
)

SALES_ORDER_GRID = Table(
    "sales_order_grid", ("entity_id",), C.ORDER, **ORDER_RECORD,
    links=(ByParent("entity_id", "sales_order"),),
    columns=(
        col("customer_id", "int", C.IDENTITY, S.NULL),
        col("customer_email", "varchar(255)", C.CONTACT, S.EMAIL),
        col("customer_name", "varchar(255)", C.IDENTITY, S.PLACEHOLDER, held=True),
        col("billing_name", "varchar(255)", C.IDENTITY, S.PLACEHOLDER, held=True),
        col("shipping_name", "varchar(255)", C.IDENTITY, S.PLACEHOLDER, held=True),
        col("billing_address", "varchar(255)", C.ADDRESS, S.PLACEHOLDER, held=True),
        col("shipping_address", "varchar(255)", C.ADDRESS, S.PLACEHOLDER, held=True),
    ),
    ignored=("store_name",),
    note="Admin grid copy of the order: kept in line with sales_order.",
)

SALES_ORDER_ITEM = Table(
    "sales_order_item", ("item_id",), C.ORDER, **ORDER_RECORD,
    links=(ByParent("order_id", "sales_order"),),
    columns=(
        col("sku", "varchar(255)", C.ORDER, S.KEEP),
        col("name", "varchar(255)", C.ORDER, S.KEEP),
        col("qty_ordered", "decimal", C.ORDER, S.KEEP),
        col("price", "decimal", C.ORDER, S.KEEP, null=False),
        col("row_total", "decimal", C.ORDER, S.KEEP, null=False),
        col("product_options", "longtext", C.FREE_TEXT, S.NULL, held=True),
        col("description", "text", C.FREE_TEXT, S.NULL),
        col("additional_data", "text", C.FREE_TEXT, S.NULL),
    ),
    note="product_options can carry text you entered for custom options (e.g. an engraving).",
)

SALES_ORDER_STATUS_HISTORY = Table(
    "sales_order_status_history", ("entity_id",), C.FREE_TEXT, **ORDER_RECORD,
    sources=(Source.STAFF, Source.AMAZON_PAY),
    links=(ByParent("parent_id", "sales_order"),),
    columns=(
        col("created_at", "timestamp", C.ORDER, S.KEEP, null=False),
        col("status", "varchar(32)", C.ORDER, S.KEEP),
        col("comment", "text", C.FREE_TEXT, S.NULL),
    ),
    ignored=("entity_name",),  # which kind of document the comment is on
)

PAYMENT = dict(
    purpose=P.PAYMENT, basis=B.CONTRACT, retention=statutory(D.ORDER), erasure=E.HOLD, hold=D.ORDER,
    recipients=(HOSTING, AMAZON_PAY, ACCOUNTANTS), sources=(Source.SUBJECT, Source.AMAZON_PAY),
)

SALES_ORDER_PAYMENT = Table(
    "sales_order_payment", ("entity_id",), C.PAYMENT_REFERENCE, **{**PAYMENT, "retention": OF_ORDER},
    links=(ByParent("parent_id", "sales_order"),),
    charge_permissions=(
        ChargePermissionSource("additional_information", json_key="charge_permission_id"),
        ChargePermissionSource("last_trans_id"),
    ),
    columns=(
        col("method", "varchar(128)", C.PAYMENT_REFERENCE, S.KEEP),
        col("last_trans_id", "varchar(255)", C.PAYMENT_REFERENCE, S.PSEUDONYM, held=True),
        col(
            "additional_information", "text", C.PAYMENT_REFERENCE, S.JSON_REDACT, held=True,
            json_keys=("charge_permission_id", "amazon_session_id"),
        ),
        col("additional_data", "text", C.PAYMENT_REFERENCE, S.NULL),
        col("cc_owner", "varchar(128)", C.IDENTITY, S.NULL),
        col("cc_type", "varchar(32)", C.PAYMENT_REFERENCE, S.KEEP),
        col("cc_last_4", "varchar(100)", C.PAYMENT_REFERENCE, S.NULL),
        col("cc_number_enc", "varchar(128)", C.PAYMENT_REFERENCE, S.NULL, secret=True),
        col("cc_exp_month", "varchar(12)", C.PAYMENT_REFERENCE, S.NULL),
        col("cc_exp_year", "varchar(4)", C.PAYMENT_REFERENCE, S.NULL),
        col("cc_trans_id", "varchar(32)", C.PAYMENT_REFERENCE, S.PSEUDONYM, held=True),
        col("cc_approval", "varchar(32)", C.PAYMENT_REFERENCE, S.NULL),
        col("echeck_account_name", "varchar(32)", C.IDENTITY, S.NULL),
        col("echeck_bank_name", "varchar(128)", C.PAYMENT_REFERENCE, S.NULL),
        col("echeck_routing_number", "varchar(32)", C.PAYMENT_REFERENCE, S.NULL),
        col("po_number", "varchar(32)", C.PAYMENT_REFERENCE, S.NULL),
    ),
    ignored=("address_status",),  # a PayPal address-verification status code
)

SALES_PAYMENT_TRANSACTION = Table(
    "sales_payment_transaction", ("transaction_id",), C.PAYMENT_REFERENCE, **PAYMENT,
    links=(ByParent("order_id", "sales_order"),),
    columns=(
        col("txn_id", "varchar(100)", C.PAYMENT_REFERENCE, S.PSEUDONYM, held=True),
        col("parent_txn_id", "varchar(100)", C.PAYMENT_REFERENCE, S.PSEUDONYM, held=True),
        col("txn_type", "varchar(15)", C.PAYMENT_REFERENCE, S.KEEP),
        col("created_at", "timestamp", C.PAYMENT_REFERENCE, S.KEEP, null=False),
        col("additional_information", "blob", C.PAYMENT_REFERENCE, S.NULL),
    ),
)

# Authorization rows carry no order_id: they are reached through the charge permission their
# pending_id (a chargeId or refundId) starts with. Rows are insert-only for pending_id.
AMAZON_PAYV2_ASYNC = Table(
    "amazon_payv2_async", ("entity_id",), C.PAYMENT_REFERENCE, **{**PAYMENT, "sources": (Source.AMAZON_PAY,)},
    links=(ByChargePermission("pending_id", Index.LOCATOR),),
    columns=(
        col("pending_action", "varchar(20)", C.PAYMENT_REFERENCE, S.KEEP, null=False),
        col("pending_id", "varchar(50)", C.PAYMENT_REFERENCE, S.PSEUDONYM, held=True),
        col("created_at", "datetime", C.PAYMENT_REFERENCE, S.KEEP),
    ),
)


def _document(name: str, document: D, *, transaction_id: bool, extra=()) -> Table:
    columns = (
        col("increment_id", "varchar(50)", C.ORDER, S.KEEP),
        col("created_at", "timestamp", C.ORDER, S.KEEP, null=False),
        *((col("transaction_id", "varchar(255)", C.PAYMENT_REFERENCE, S.PSEUDONYM, held=True),) if transaction_id else ()),
        col("customer_note", "text", C.FREE_TEXT, S.NULL),
        *extra,
    )
    return Table(name, ("entity_id",), C.ORDER, **_record(document), links=(ByParent("order_id", "sales_order"),), columns=columns)


def _grid(name: str, document: D, *, name_length: int, email_length: int, billing_name_length: int, extra=()) -> Table:
    # customer_name is NOT NULL varchar(128) in the credit-memo and shipment grids only.
    name_required = name_length == 128
    columns = (
        col("customer_name", f"varchar({name_length})", C.IDENTITY, S.PLACEHOLDER, held=True, null=not name_required),
        col("customer_email", f"varchar({email_length})", C.CONTACT, S.EMAIL),
        col("billing_name", f"varchar({billing_name_length})", C.IDENTITY, S.PLACEHOLDER, held=True),
        col("billing_address", "varchar(255)", C.ADDRESS, S.PLACEHOLDER, held=True),
        col("shipping_address", "varchar(255)", C.ADDRESS, S.PLACEHOLDER, held=True),
        *extra,
    )
    return Table(
        name, ("entity_id",), C.ORDER, **_record(document), links=(ByParent("order_id", "sales_order"),), columns=columns,
        ignored=("store_name",), note="Admin grid copy of the document: kept in line with it.",
    )


def _comments(name: str, parent: str, document: D) -> Table:
    return Table(
        name, ("entity_id",), C.FREE_TEXT, **_record(document), links=(ByParent("parent_id", parent),),
        columns=(
            col("created_at", "timestamp", C.FREE_TEXT, S.KEEP, null=False),
            col("comment", "text", C.FREE_TEXT, S.NULL),
        ),
    )


SALES_INVOICE = _document(
    "sales_invoice", D.INVOICE, transaction_id=True, extra=(col("grand_total", "decimal", C.ORDER, S.KEEP),)
)
SALES_INVOICE_GRID = _grid("sales_invoice_grid", D.INVOICE, name_length=255, email_length=255, billing_name_length=255)
SALES_INVOICE_COMMENT = _comments("sales_invoice_comment", "sales_invoice", D.INVOICE)
SALES_CREDITMEMO = _document(
    "sales_creditmemo", D.CREDIT_MEMO, transaction_id=True, extra=(col("grand_total", "decimal", C.ORDER, S.KEEP),)
)
SALES_CREDITMEMO_GRID = _grid(
    "sales_creditmemo_grid", D.CREDIT_MEMO, name_length=128, email_length=128, billing_name_length=255
)
SALES_CREDITMEMO_COMMENT = _comments("sales_creditmemo_comment", "sales_creditmemo", D.CREDIT_MEMO)
SALES_SHIPMENT = _document(
    "sales_shipment", D.SHIPMENT, transaction_id=False,
    extra=(
        col("customer_id", "int", C.IDENTITY, S.NULL),
        col("shipping_label", "mediumblob", C.ADDRESS, S.NULL),
    ),
)
SALES_SHIPMENT_GRID = _grid(
    "sales_shipment_grid", D.SHIPMENT, name_length=128, email_length=128, billing_name_length=128,
    extra=(col("shipping_name", "varchar(128)", C.IDENTITY, S.PLACEHOLDER, held=True),),
)
SALES_SHIPMENT_COMMENT = _comments("sales_shipment_comment", "sales_shipment", D.SHIPMENT)
SALES_SHIPMENT_TRACK = Table(
    "sales_shipment_track", ("entity_id",), C.ORDER, **{**_record(D.SHIPMENT), "recipients": (HOSTING, CARRIERS)},
    links=(ByParent("parent_id", "sales_shipment"),),
    columns=(
        col("title", "varchar(255)", C.ORDER, S.KEEP),
        col("carrier_code", "varchar(32)", C.ORDER, S.KEEP),
        col("track_number", "text", C.ORDER, S.NULL, held=True),
        col("description", "text", C.FREE_TEXT, S.NULL),
    ),
    note="A tracking number lets anyone holding it see the delivery at the carrier.",
)

CART = dict(
    purpose=P.CHECKOUT, basis=B.CONTRACT, retention=fixed(30, from_column="updated_at"), erasure=E.DELETE,
    recipients=(HOSTING,), sources=(Source.SUBJECT, Source.AMAZON_PAY),
)

# A guest's e-mail lands on the quote at checkout, after the row was created, and
# quote.updated_at has no index: the locator follows new rows by primary key and its
# periodic sync rescans the rest. Quotes that became orders are also reached through them.
QUOTE = Table(
    "quote", ("entity_id",), C.ORDER, **CART,
    links=(
        ByCustomer("customer_id"),
        ByEmail("customer_email", Index.LOCATOR),
        ByParent("entity_id", "sales_order", parent_column="quote_id"),
    ),
    change_column="updated_at", change_column_indexed=False,
    columns=(
        col("reserved_order_id", "varchar(64)", C.ORDER, S.KEEP),
        col("created_at", "timestamp", C.ORDER, S.KEEP, null=False),
        col("customer_id", "int", C.IDENTITY, S.NULL),
        col("customer_email", "varchar(255)", C.CONTACT, S.EMAIL),
        col("customer_prefix", "varchar(40)", C.IDENTITY, S.NULL),
        col("customer_firstname", "varchar(255)", C.IDENTITY, S.NULL),
        col("customer_middlename", "varchar(40)", C.IDENTITY, S.NULL),
        col("customer_lastname", "varchar(255)", C.IDENTITY, S.NULL),
        col("customer_suffix", "varchar(40)", C.IDENTITY, S.NULL),
        col("customer_dob", "datetime", C.IDENTITY, S.NULL),
        col("customer_taxvat", "varchar(255)", C.IDENTITY, S.NULL),
        col("customer_gender", "varchar(255)", C.IDENTITY, S.NULL),
        col("customer_note", "varchar(255)", C.FREE_TEXT, S.NULL),
        col("remote_ip", "varchar(45)", C.SECURITY_LOG, S.NULL),
        col("password_hash", "varchar(255)", C.SECURITY_LOG, S.NULL, secret=True),
    ),
)

QUOTE_ADDRESS = Table(
    "quote_address", ("address_id",), C.ADDRESS, **CART,
    links=(ByParent("quote_id", "quote"),),
    columns=(
        col("address_type", "varchar(10)", C.ADDRESS, S.KEEP),
        col("customer_id", "int", C.IDENTITY, S.NULL),
        col("email", "varchar(255)", C.CONTACT, S.EMAIL),
        col("prefix", "varchar(40)", C.IDENTITY, S.NULL),
        col("firstname", "varchar(255)", C.IDENTITY, S.NULL),
        col("middlename", "varchar(40)", C.IDENTITY, S.NULL),
        col("lastname", "varchar(255)", C.IDENTITY, S.NULL),
        col("suffix", "varchar(40)", C.IDENTITY, S.NULL),
        col("company", "varchar(255)", C.ADDRESS, S.NULL),
        col("street", "varchar(255)", C.ADDRESS, S.NULL),
        col("city", "varchar(255)", C.ADDRESS, S.NULL),
        col("region", "varchar(255)", C.ADDRESS, S.NULL),
        col("postcode", "varchar(20)", C.ADDRESS, S.NULL),
        col("country_id", "varchar(30)", C.ADDRESS, S.KEEP),
        col("telephone", "varchar(255)", C.CONTACT, S.NULL),
        col("fax", "varchar(255)", C.CONTACT, S.NULL),
        col("customer_notes", "text", C.FREE_TEXT, S.NULL),
        col("vat_id", "text", C.IDENTITY, S.NULL),
        col("vat_request_id", "text", C.IDENTITY, S.NULL),
        col("vat_request_date", "text", C.IDENTITY, S.NULL),
        col("validated_vat_number", "text", C.IDENTITY, S.NULL),
        col("validated_country_code", "text", C.ADDRESS, S.KEEP),
    ),
)

QUOTE_PAYMENT = Table(
    "quote_payment", ("payment_id",), C.PAYMENT_REFERENCE, **{**CART, "purpose": P.PAYMENT, "recipients": (HOSTING, AMAZON_PAY)},
    links=(ByParent("quote_id", "quote"),),
    columns=(
        col("method", "varchar(255)", C.PAYMENT_REFERENCE, S.KEEP),
        col("additional_information", "text", C.PAYMENT_REFERENCE, S.NULL),
        col("additional_data", "text", C.PAYMENT_REFERENCE, S.NULL),
        col("cc_owner", "varchar(255)", C.IDENTITY, S.NULL),
        col("cc_ss_owner", "varchar(255)", C.IDENTITY, S.NULL),
        col("cc_number_enc", "varchar(255)", C.PAYMENT_REFERENCE, S.NULL, secret=True),
        col("cc_last_4", "varchar(255)", C.PAYMENT_REFERENCE, S.NULL),
        col("cc_cid_enc", "varchar(255)", C.PAYMENT_REFERENCE, S.NULL, secret=True),
        col("po_number", "varchar(255)", C.PAYMENT_REFERENCE, S.NULL),
        col("paypal_payer_id", "varchar(255)", C.PAYMENT_REFERENCE, S.NULL),
        col("paypal_payer_status", "varchar(255)", C.PAYMENT_REFERENCE, S.NULL),
        col("paypal_correlation_id", "varchar(255)", C.PAYMENT_REFERENCE, S.NULL),
    ),
)

QUOTE_ITEM = Table(
    "quote_item", ("item_id",), C.ORDER, **CART,
    links=(ByParent("quote_id", "quote"),),
    columns=(
        col("sku", "varchar(255)", C.ORDER, S.KEEP),
        col("name", "varchar(255)", C.ORDER, S.KEEP),
        col("qty", "decimal", C.ORDER, S.KEEP, null=False),
        col("description", "text", C.FREE_TEXT, S.NULL),
        col("additional_data", "text", C.FREE_TEXT, S.NULL),
    ),
)

TABLES = (
    SALES_ORDER,
    SALES_ORDER_ADDRESS,
    SALES_ORDER_GRID,
    SALES_ORDER_ITEM,
    SALES_ORDER_STATUS_HISTORY,
    SALES_ORDER_PAYMENT,
    SALES_PAYMENT_TRANSACTION,
    AMAZON_PAYV2_ASYNC,
    SALES_INVOICE,
    SALES_INVOICE_GRID,
    SALES_INVOICE_COMMENT,
    SALES_CREDITMEMO,
    SALES_CREDITMEMO_GRID,
    SALES_CREDITMEMO_COMMENT,
    SALES_SHIPMENT,
    SALES_SHIPMENT_GRID,
    SALES_SHIPMENT_COMMENT,
    SALES_SHIPMENT_TRACK,
    QUOTE,
    QUOTE_ADDRESS,
    QUOTE_PAYMENT,
    QUOTE_ITEM,
)
