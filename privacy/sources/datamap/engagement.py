"""Marketing, reviews, wishlists, shop activity, gift messages and stored payment methods."""

from privacy.sources.datamap.model import ByCustomer, ByEmail, ByParent, Table, col
from privacy.sources.datamap.vocabulary import (
    AMAZON_PAY,
    HOSTING,
    PAYMENT_PROVIDERS,
    Category as C,
    ErasureAction as E,
    Index,
    LegalBasis as B,
    Purpose as P,
    Source,
    Strategy as S,
    fixed,
    statutory,
    until_withdrawn,
    while_account,
    DocumentClass as D,
)

NEWSLETTER = dict(purpose=P.MARKETING, basis=B.CONSENT, retention=until_withdrawn(), erasure=E.DELETE, recipients=(HOSTING,))

# customer_id 0 marks a guest subscriber; the e-mail column is indexed.
NEWSLETTER_SUBSCRIBER = Table(
    "newsletter_subscriber", ("subscriber_id",), C.MARKETING, **NEWSLETTER,
    links=(ByCustomer("customer_id"), ByEmail("subscriber_email", Index.BTREE)),
    columns=(
        col("subscriber_email", "varchar(150)", C.CONTACT, S.EMAIL),
        col("subscriber_status", "int", C.MARKETING, S.KEEP, null=False),
        col("change_status_at", "timestamp", C.MARKETING, S.KEEP),
        col("subscriber_confirm_code", "varchar(32)", C.SECURITY_LOG, S.NULL, secret=True),
    ),
)

NEWSLETTER_QUEUE_LINK = Table(
    "newsletter_queue_link", ("queue_link_id",), C.MARKETING, **NEWSLETTER,
    sources=(Source.SHOP_SYSTEMS,),
    links=(ByParent("subscriber_id", "newsletter_subscriber", "subscriber_id"),),
    columns=(
        col("queue_id", "int", C.MARKETING, S.KEEP, null=False),
        col("letter_sent_at", "timestamp", C.MARKETING, S.KEEP),
    ),
)

NEWSLETTER_PROBLEM = Table(
    "newsletter_problem", ("problem_id",), C.MARKETING, **NEWSLETTER,
    sources=(Source.SHOP_SYSTEMS,),
    links=(ByParent("subscriber_id", "newsletter_subscriber", "subscriber_id"),),
    columns=(
        col("problem_error_code", "int", C.MARKETING, S.KEEP),
        col("problem_error_text", "varchar(200)", C.MARKETING, S.NULL),
    ),
)

# A review stays published as an anonymous rating summary; its text and author go.
# Guest reviews carry only a nickname and cannot be attributed to anyone.
REVIEW_DETAIL = Table(
    "review_detail", ("detail_id",), C.FREE_TEXT, erasure=E.ANONYMIZE,
    purpose=P.REVIEWS, basis=B.CONSENT, retention=until_withdrawn(), recipients=(HOSTING,),
    links=(ByCustomer("customer_id"),),
    columns=(
        col("customer_id", "int", C.IDENTITY, S.NULL),
        col("nickname", "varchar(128)", C.IDENTITY, S.PLACEHOLDER, null=False),
        col("title", "varchar(255)", C.FREE_TEXT, S.PLACEHOLDER, null=False),
        col("detail", "text", C.FREE_TEXT, S.PLACEHOLDER, null=False),
    ),
)

# Ratings are always given with a review; customer_id here has no index, review_id has.
RATING_OPTION_VOTE = Table(
    "rating_option_vote", ("vote_id",), C.BEHAVIOUR, erasure=E.ANONYMIZE,
    purpose=P.REVIEWS, basis=B.CONSENT, retention=until_withdrawn(), recipients=(HOSTING,),
    links=(ByParent("review_id", "review_detail", "review_id"),),
    columns=(
        col("customer_id", "int", C.IDENTITY, S.NULL),
        col("value", "smallint", C.BEHAVIOUR, S.KEEP, null=False),
        col("remote_ip", "varchar(16)", C.SECURITY_LOG, S.IP, null=False),
        col("remote_ip_long", "bigint", C.SECURITY_LOG, S.IP, null=False),
    ),
)

PERSONALISATION = dict(
    purpose=P.PERSONALISATION, basis=B.CONTRACT, retention=while_account(), erasure=E.DELETE, recipients=(HOSTING,)
)

WISHLIST = Table(
    "wishlist", ("wishlist_id",), C.BEHAVIOUR, **PERSONALISATION,
    links=(ByCustomer("customer_id"),),
    columns=(
        col("sharing_code", "varchar(32)", C.SECURITY_LOG, S.NULL, secret=True),
        col("updated_at", "timestamp", C.BEHAVIOUR, S.KEEP),
    ),
)
WISHLIST_ITEM = Table(
    "wishlist_item", ("wishlist_item_id",), C.BEHAVIOUR, **PERSONALISATION,
    links=(ByParent("wishlist_id", "wishlist", "wishlist_id"),),
    columns=(
        col("product_id", "int", C.BEHAVIOUR, S.KEEP, null=False),
        col("added_at", "timestamp", C.BEHAVIOUR, S.KEEP),
        col("description", "text", C.FREE_TEXT, S.NULL),
    ),
)
WISHLIST_ITEM_OPTION = Table(
    "wishlist_item_option", ("option_id",), C.BEHAVIOUR, **PERSONALISATION,
    links=(ByParent("wishlist_item_id", "wishlist_item", "wishlist_item_id"),),
    columns=(
        col("code", "varchar(255)", C.BEHAVIOUR, S.KEEP, null=False),
        col("value", "text", C.FREE_TEXT, S.NULL),
    ),
)

ACTIVITY = dict(
    purpose=P.ANALYTICS, basis=B.LEGITIMATE_INTERESTS, erasure=E.DELETE, recipients=(HOSTING,),
    sources=(Source.SHOP_SYSTEMS,),
)

# report_event.subject_id is a customer id when subtype is 0 and a visitor id when it is 1.
REPORT_EVENT = Table(
    "report_event", ("event_id",), C.BEHAVIOUR, **ACTIVITY, retention=fixed(180, from_column="logged_at"),
    links=(
        ByCustomer("subject_id", when=(("subtype", 0),)),
        ByParent("subject_id", "customer_visitor", "visitor_id", when=(("subtype", 1),)),
    ),
    columns=(
        col("event_type_id", "smallint", C.BEHAVIOUR, S.KEEP, null=False),
        col("object_id", "int", C.BEHAVIOUR, S.KEEP, null=False),
        col("logged_at", "timestamp", C.BEHAVIOUR, S.KEEP, null=False),
    ),
)


def _product_index(name: str) -> Table:
    return Table(
        name, ("index_id",), C.BEHAVIOUR, **{**ACTIVITY, "purpose": P.PERSONALISATION},
        retention=fixed(180, from_column="added_at"),
        links=(ByCustomer("customer_id"), ByParent("visitor_id", "customer_visitor", "visitor_id")),
        columns=(
            col("product_id", "int", C.BEHAVIOUR, S.KEEP, null=False),
            col("added_at", "timestamp", C.BEHAVIOUR, S.KEEP, null=False),
        ),
    )


REPORT_VIEWED_PRODUCT_INDEX = _product_index("report_viewed_product_index")
REPORT_COMPARED_PRODUCT_INDEX = _product_index("report_compared_product_index")


def _product_alert(name: str, pk: str, sent_column: str) -> Table:
    return Table(
        name, (pk,), C.MARKETING, **NEWSLETTER,
        links=(ByCustomer("customer_id"),),
        columns=(
            col("product_id", "int", C.MARKETING, S.KEEP, null=False),
            col("add_date", "timestamp", C.MARKETING, S.KEEP, null=False),
            col(sent_column, "timestamp", C.MARKETING, S.KEEP),
            col("send_count", "smallint", C.MARKETING, S.KEEP, null=False),
            col("status", "smallint", C.MARKETING, S.KEEP, null=False),
        ),
    )


PRODUCT_ALERT_PRICE = _product_alert("product_alert_price", "alert_price_id", "last_send_date")
PRODUCT_ALERT_STOCK = _product_alert("product_alert_stock", "alert_stock_id", "send_date")

# Gift messages hang off orders, order items, carts, cart items and cart addresses;
# recipient names a third person. customer_id is NOT NULL with 0 for guests and has no index.
GIFT_MESSAGE = Table(
    "gift_message", ("gift_message_id",), C.FREE_TEXT, erasure=E.ANONYMIZE,
    purpose=P.ORDER, basis=B.CONTRACT, retention=statutory(D.ORDER, of_table="sales_order"), recipients=(HOSTING,),
    links=tuple(
        ByParent("gift_message_id", parent, "gift_message_id")
        for parent in ("sales_order", "sales_order_item", "quote", "quote_item", "quote_address")
    ),
    columns=(
        col("customer_id", "int", C.IDENTITY, S.ZERO, null=False),
        col("sender", "varchar(255)", C.IDENTITY, S.NULL),
        col("recipient", "varchar(255)", C.IDENTITY, S.NULL),
        col("message", "text", C.FREE_TEXT, S.NULL),
    ),
)

DOWNLOADABLE_LINK_PURCHASED = Table(
    "downloadable_link_purchased", ("purchased_id",), C.ORDER, erasure=E.HOLD, hold=D.ORDER,
    purpose=P.ORDER, basis=B.CONTRACT, retention=statutory(D.ORDER), recipients=(HOSTING,),
    links=(ByCustomer("customer_id"), ByParent("order_id", "sales_order")),
    columns=(
        col("customer_id", "int", C.IDENTITY, S.NULL),
        col("order_increment_id", "varchar(50)", C.ORDER, S.KEEP),
        col("product_name", "varchar(255)", C.ORDER, S.KEEP),
        col("product_sku", "varchar(255)", C.ORDER, S.KEEP),
        col("created_at", "timestamp", C.ORDER, S.KEEP, null=False),
    ),
)

STORED_PAYMENT = dict(
    purpose=P.PAYMENT, basis=B.CONTRACT, retention=while_account(), erasure=E.DELETE,
    sources=(Source.SUBJECT, Source.AMAZON_PAY),
)

# For Amazon Pay subscriptions gateway_token holds the charge permission id.
VAULT_PAYMENT_TOKEN = Table(
    "vault_payment_token", ("entity_id",), C.PAYMENT_REFERENCE, **STORED_PAYMENT,
    recipients=(HOSTING, AMAZON_PAY, PAYMENT_PROVIDERS),
    links=(ByCustomer("customer_id"),),
    columns=(
        col("payment_method_code", "varchar(128)", C.PAYMENT_REFERENCE, S.KEEP, null=False),
        col("gateway_token", "varchar(255)", C.PAYMENT_REFERENCE, S.PSEUDONYM, null=False),
        col("public_hash", "varchar(128)", C.PAYMENT_REFERENCE, S.PSEUDONYM, null=False, secret=True),
        col("details", "text", C.PAYMENT_REFERENCE, S.NULL),
        col("created_at", "timestamp", C.PAYMENT_REFERENCE, S.KEEP, null=False),
        col("expires_at", "timestamp", C.PAYMENT_REFERENCE, S.KEEP),
    ),
)

PAYPAL_BILLING_AGREEMENT = Table(
    "paypal_billing_agreement", ("agreement_id",), C.PAYMENT_REFERENCE, **STORED_PAYMENT,
    recipients=(HOSTING, PAYMENT_PROVIDERS),
    links=(ByCustomer("customer_id"),),
    columns=(
        col("method_code", "varchar(32)", C.PAYMENT_REFERENCE, S.KEEP, null=False),
        col("reference_id", "varchar(32)", C.PAYMENT_REFERENCE, S.PSEUDONYM, null=False),
        col("status", "varchar(20)", C.PAYMENT_REFERENCE, S.KEEP, null=False),
        col("agreement_label", "varchar(255)", C.PAYMENT_REFERENCE, S.NULL),
        col("created_at", "timestamp", C.PAYMENT_REFERENCE, S.KEEP, null=False),
    ),
)

# Not attributable to a person: short-lived abuse counters keyed by log-in name or IP
# (captcha_log) or by IP alone (sendfriend_log). Retention deletes them by age.
CAPTCHA_LOG = Table(
    "captcha_log", ("type", "value"), C.SECURITY_LOG, erasure=E.DELETE,
    purpose=P.SECURITY, basis=B.LEGITIMATE_INTERESTS, retention=fixed(1, from_column="updated_at"),
    sources=(Source.SHOP_SYSTEMS,), recipients=(HOSTING,), links=(),
    columns=(
        col("value", "varchar(32)", C.SECURITY_LOG, S.PSEUDONYM, null=False),
        col("count", "int", C.SECURITY_LOG, S.KEEP, null=False),
        col("updated_at", "timestamp", C.SECURITY_LOG, S.KEEP),
    ),
)
SENDFRIEND_LOG = Table(
    "sendfriend_log", ("log_id",), C.SECURITY_LOG, erasure=E.DELETE,
    purpose=P.SECURITY, basis=B.LEGITIMATE_INTERESTS, retention=fixed(1, from_column="time"),
    sources=(Source.SHOP_SYSTEMS,), recipients=(HOSTING,), links=(),
    columns=(
        col("ip", "bigint", C.SECURITY_LOG, S.IP, null=False),
        col("time", "int", C.SECURITY_LOG, S.KEEP, null=False),
    ),
    note="time is a Unix timestamp in seconds.",
)

TABLES = (
    NEWSLETTER_SUBSCRIBER,
    NEWSLETTER_QUEUE_LINK,
    NEWSLETTER_PROBLEM,
    REVIEW_DETAIL,
    RATING_OPTION_VOTE,
    WISHLIST,
    WISHLIST_ITEM,
    WISHLIST_ITEM_OPTION,
    REPORT_EVENT,
    REPORT_VIEWED_PRODUCT_INDEX,
    REPORT_COMPARED_PRODUCT_INDEX,
    PRODUCT_ALERT_PRICE,
    PRODUCT_ALERT_STOCK,
    GIFT_MESSAGE,
    DOWNLOADABLE_LINK_PURCHASED,
    VAULT_PAYMENT_TOKEN,
    PAYPAL_BILLING_AGREEMENT,
    CAPTCHA_LOG,
    SENDFRIEND_LOG,
)
