"""Customer accounts and what hangs off them (Magento Customer, Persistent, Integration,
Security, LoginAsCustomer modules, and the Amazon Pay sign-in link)."""

from privacy.sources.datamap.model import ByAmazonBuyer, ByCustomer, ByEmail, ByParent, Table, col
from privacy.sources.datamap.vocabulary import (
    AMAZON_PAY,
    HOSTING,
    Category as C,
    ErasureAction as E,
    Index,
    LegalBasis as B,
    Purpose as P,
    Source,
    Strategy as S,
    fixed,
    while_account,
)

ACCOUNT = dict(purpose=P.ACCOUNT, basis=B.CONTRACT, retention=while_account(), recipients=(HOSTING,))
SECURITY = dict(purpose=P.SECURITY, basis=B.LEGITIMATE_INTERESTS, recipients=(HOSTING,), sources=(Source.SHOP_SYSTEMS,))

CUSTOMER_ENTITY = Table(
    "customer_entity", ("entity_id",), C.IDENTITY, erasure=E.DELETE, **ACCOUNT,
    sources=(Source.SUBJECT, Source.AMAZON_PAY), identifies=True,
    links=(ByCustomer("entity_id"), ByEmail("email", Index.BTREE)),
    columns=(
        col("email", "varchar(255)", C.CONTACT, S.EMAIL),
        col("prefix", "varchar(40)", C.IDENTITY, S.NULL),
        col("firstname", "varchar(255)", C.IDENTITY, S.PLACEHOLDER),
        col("middlename", "varchar(255)", C.IDENTITY, S.NULL),
        col("lastname", "varchar(255)", C.IDENTITY, S.PLACEHOLDER),
        col("suffix", "varchar(40)", C.IDENTITY, S.NULL),
        col("dob", "date", C.IDENTITY, S.NULL),
        col("gender", "smallint", C.IDENTITY, S.NULL),
        col("taxvat", "varchar(50)", C.IDENTITY, S.NULL),
        col("created_at", "timestamp", C.IDENTITY, S.KEEP, null=False),
        col("created_in", "varchar(255)", C.BEHAVIOUR, S.KEEP),
        col("password_hash", "varchar(128)", C.SECURITY_LOG, S.NULL, secret=True),
        col("rp_token", "varchar(128)", C.SECURITY_LOG, S.NULL, secret=True),
        col("rp_token_created_at", "datetime", C.SECURITY_LOG, S.NULL),
        col("confirmation", "varchar(64)", C.SECURITY_LOG, S.NULL, secret=True),
        col("failures_num", "smallint", C.SECURITY_LOG, S.ZERO),
        col("first_failure", "timestamp", C.SECURITY_LOG, S.NULL),
        col("lock_expires", "timestamp", C.SECURITY_LOG, S.NULL),
        col("session_cutoff", "timestamp", C.SECURITY_LOG, S.NULL),
    ),
)

CUSTOMER_ADDRESS_ENTITY = Table(
    "customer_address_entity", ("entity_id",), C.ADDRESS, erasure=E.DELETE, **ACCOUNT,
    sources=(Source.SUBJECT, Source.AMAZON_PAY),
    links=(ByCustomer("parent_id"),),
    columns=(
        col("firstname", "varchar(255)", C.IDENTITY, S.PLACEHOLDER, null=False),
        col("middlename", "varchar(255)", C.IDENTITY, S.NULL),
        col("lastname", "varchar(255)", C.IDENTITY, S.PLACEHOLDER, null=False),
        col("prefix", "varchar(40)", C.IDENTITY, S.NULL),
        col("suffix", "varchar(40)", C.IDENTITY, S.NULL),
        col("company", "varchar(255)", C.ADDRESS, S.NULL),
        col("street", "text", C.ADDRESS, S.STREET, null=False),
        col("city", "varchar(255)", C.ADDRESS, S.PLACEHOLDER, null=False),
        col("region", "varchar(255)", C.ADDRESS, S.NULL),
        col("postcode", "varchar(255)", C.ADDRESS, S.NULL),
        col("country_id", "varchar(255)", C.ADDRESS, S.KEEP, null=False),
        col("telephone", "varchar(255)", C.CONTACT, S.PHONE, null=False),
        col("fax", "varchar(255)", C.CONTACT, S.NULL),
        col("vat_id", "varchar(255)", C.IDENTITY, S.NULL),
        col("vat_request_id", "varchar(255)", C.IDENTITY, S.NULL),
        col("vat_request_date", "varchar(255)", C.IDENTITY, S.NULL),
    ),
)


def _eav(entity: str, suffix: str, sql_type: str, strategy: S, *, null: bool) -> Table:
    owner = ByCustomer("entity_id") if entity == "customer_entity" else ByParent("entity_id", entity)
    category = C.IDENTITY if entity == "customer_entity" else C.ADDRESS
    return Table(
        f"{entity}_{suffix}", ("value_id",), category, erasure=E.DELETE, **ACCOUNT,
        links=(owner,),
        columns=(
            col("attribute_id", "smallint", category, S.KEEP, null=False),
            col("value", sql_type, category, strategy, null=null),
        ),
        note="Custom and extension attributes: every value is treated as personal data.",
    )


EAV_TYPES = (
    ("datetime", "datetime", S.NULL, True),
    ("decimal", "decimal", S.ZERO, False),
    ("int", "int", S.ZERO, False),
    ("text", "text", S.PLACEHOLDER, False),
    ("varchar", "varchar(255)", S.NULL, True),
)
CUSTOMER_EAV = tuple(
    _eav(entity, suffix, sql_type, strategy, null=null)
    for entity in ("customer_entity", "customer_address_entity")
    for suffix, sql_type, strategy, null in EAV_TYPES
)

# Built by Magento's customer_grid indexer from customer_entity and the default addresses; raw
# SQL on the customer tables does not refresh it, so it is found and erased on its own.
CUSTOMER_GRID_FLAT = Table(
    "customer_grid_flat", ("entity_id",), C.IDENTITY, erasure=E.DELETE, **ACCOUNT,
    links=(ByCustomer("entity_id"),),
    optional=True,
    columns=(
        col("name", "text", C.IDENTITY, S.PLACEHOLDER),
        col("email", "varchar(255)", C.CONTACT, S.EMAIL),
        col("created_at", "timestamp", C.IDENTITY, S.KEEP),
        col("confirmation", "varchar(255)", C.SECURITY_LOG, S.NULL, secret=True),
        col("created_in", "text", C.BEHAVIOUR, S.KEEP),
        col("dob", "date", C.IDENTITY, S.NULL),
        col("gender", "int", C.IDENTITY, S.NULL),
        col("taxvat", "varchar(255)", C.IDENTITY, S.NULL),
        col("lock_expires", "timestamp", C.SECURITY_LOG, S.NULL),
        col("shipping_full", "text", C.ADDRESS, S.NULL),
        col("billing_full", "text", C.ADDRESS, S.NULL),
        col("billing_firstname", "varchar(255)", C.IDENTITY, S.NULL),
        col("billing_lastname", "varchar(255)", C.IDENTITY, S.NULL),
        col("billing_telephone", "varchar(255)", C.CONTACT, S.NULL),
        col("billing_postcode", "varchar(255)", C.ADDRESS, S.NULL),
        col("billing_country_id", "varchar(255)", C.ADDRESS, S.KEEP),
        col("billing_region", "varchar(255)", C.ADDRESS, S.NULL),
        col("billing_street", "varchar(255)", C.ADDRESS, S.NULL),
        col("billing_city", "varchar(255)", C.ADDRESS, S.NULL),
        col("billing_fax", "varchar(255)", C.CONTACT, S.NULL),
        col("billing_vat_id", "varchar(255)", C.IDENTITY, S.NULL),
        col("billing_company", "varchar(255)", C.ADDRESS, S.NULL),
    ),
)

AMAZON_CUSTOMER = Table(
    "amazon_customer", ("entity_id",), C.IDENTITY, erasure=E.DELETE,
    purpose=P.PAYMENT, basis=B.CONTRACT, retention=while_account(),
    sources=(Source.AMAZON_PAY,), recipients=(HOSTING, AMAZON_PAY), identifies=True,
    links=(ByCustomer("customer_id"), ByAmazonBuyer("amazon_id")),
    columns=(col("amazon_id", "varchar(255)", C.IDENTITY, S.PSEUDONYM, null=False),),
    note="Amazon Pay sign-in: links the Magento account to the Amazon buyer id.",
)

CUSTOMER_VISITOR = Table(
    "customer_visitor", ("visitor_id",), C.BEHAVIOUR, erasure=E.DELETE,
    purpose=P.SECURITY, basis=B.LEGITIMATE_INTERESTS, retention=fixed(90, from_column="last_visit_at"),
    sources=(Source.SHOP_SYSTEMS,), recipients=(HOSTING,),
    links=(ByCustomer("customer_id"),),
    columns=(
        col("session_id", "varchar(1)", C.BEHAVIOUR, S.NULL),
        col("created_at", "timestamp", C.BEHAVIOUR, S.DATE, null=False),
        col("last_visit_at", "timestamp", C.BEHAVIOUR, S.DATE, null=False),
    ),
)

CUSTOMER_LOG = Table(
    "customer_log", ("log_id",), C.SECURITY_LOG, erasure=E.DELETE, **SECURITY,
    retention=while_account(),
    links=(ByCustomer("customer_id"),),
    columns=(
        col("last_login_at", "timestamp", C.SECURITY_LOG, S.NULL),
        col("last_logout_at", "timestamp", C.SECURITY_LOG, S.NULL),
    ),
)

PERSISTENT_SESSION = Table(
    "persistent_session", ("persistent_id",), C.SECURITY_LOG, erasure=E.DELETE, **ACCOUNT,
    links=(ByCustomer("customer_id"),),
    columns=(
        col("key", "varchar(50)", C.SECURITY_LOG, S.PSEUDONYM, null=False, secret=True),
        col("info", "text", C.BEHAVIOUR, S.NULL),
        col("updated_at", "timestamp", C.BEHAVIOUR, S.KEEP, null=False),
    ),
)

OAUTH_TOKEN = Table(
    "oauth_token", ("entity_id",), C.SECURITY_LOG, erasure=E.DELETE, **ACCOUNT,
    links=(ByCustomer("customer_id"),),
    columns=(
        col("token", "varchar(32)", C.SECURITY_LOG, S.PSEUDONYM, null=False, secret=True),
        col("secret", "varchar(32)", C.SECURITY_LOG, S.PSEUDONYM, null=False, secret=True),
        col("verifier", "varchar(32)", C.SECURITY_LOG, S.NULL, secret=True),
        col("callback_url", "text", C.SECURITY_LOG, S.PLACEHOLDER, null=False),
        col("created_at", "timestamp", C.SECURITY_LOG, S.KEEP, null=False),
    ),
)

# user_type 3 is Magento's UserContextInterface::USER_TYPE_CUSTOMER; user_name is the log-in e-mail.
OAUTH_TOKEN_REQUEST_LOG = Table(
    "oauth_token_request_log", ("log_id",), C.SECURITY_LOG, erasure=E.DELETE, **SECURITY,
    retention=fixed(30, from_column="lock_expires_at"),
    links=(ByEmail("user_name", Index.BTREE, when=(("user_type", 3),)),),
    columns=(
        col("user_name", "varchar(255)", C.CONTACT, S.EMAIL, null=False),
        col("failures_count", "smallint", C.SECURITY_LOG, S.KEEP),
        col("lock_expires_at", "timestamp", C.SECURITY_LOG, S.KEEP),
    ),
)

# request_type 0 is PasswordResetRequestEvent::CUSTOMER_PASSWORD_RESET_REQUEST.
PASSWORD_RESET_REQUEST_EVENT = Table(
    "password_reset_request_event", ("id",), C.SECURITY_LOG, erasure=E.DELETE, **SECURITY,
    retention=fixed(90, from_column="created_at"),
    links=(ByEmail("account_reference", Index.BTREE, when=(("request_type", 0),)),),
    columns=(
        col("account_reference", "varchar(255)", C.CONTACT, S.EMAIL),
        col("ip", "varchar(15)", C.SECURITY_LOG, S.IP, null=False),
        col("created_at", "timestamp", C.SECURITY_LOG, S.KEEP, null=False),
    ),
)

# user_type_id 3 is a customer token.
JWT_AUTH_REVOKED = Table(
    "jwt_auth_revoked", ("user_type_id", "user_id"), C.SECURITY_LOG, erasure=E.DELETE, **SECURITY,
    retention=while_account(),
    links=(ByCustomer("user_id", when=(("user_type_id", 3),)),),
    columns=(col("revoke_before", "bigint", C.SECURITY_LOG, S.KEEP, null=False),),
)

LOGIN_AS_CUSTOMER_ASSISTANCE_ALLOWED = Table(
    "login_as_customer_assistance_allowed", ("customer_id",), C.IDENTITY, erasure=E.DELETE,
    purpose=P.SUPPORT, basis=B.CONSENT, retention=while_account(), recipients=(HOSTING,),
    links=(ByCustomer("customer_id"),),
    columns=(col("customer_id", "int", C.IDENTITY, S.KEEP, null=False),),
    note="The row's presence records your permission for staff to log in as you.",
)

LOGIN_AS_CUSTOMER_LOG = Table(
    "login_as_customer_log", ("login_id",), C.SECURITY_LOG, erasure=E.ANONYMIZE,
    purpose=P.SUPPORT, basis=B.LEGITIMATE_INTERESTS, retention=fixed(365, from_column="created_at"),
    sources=(Source.STAFF,), recipients=(HOSTING,),
    links=(ByCustomer("customer_id"),),
    columns=(
        col("customer_id", "int", C.IDENTITY, S.NULL),
        col("secret", "varchar(64)", C.SECURITY_LOG, S.NULL, secret=True),
        col("created_at", "timestamp", C.SECURITY_LOG, S.KEEP),
    ),
)

# Staff log-ins as a customer: an audit log kept for its period, unlinked on erasure.
# Neither column is indexed; the table only grows when staff use "Login as Customer".
MAGENTO_LOGIN_AS_CUSTOMER_LOG = Table(
    "magento_login_as_customer_log", ("log_id",), C.SECURITY_LOG, erasure=E.ANONYMIZE,
    purpose=P.SUPPORT, basis=B.LEGITIMATE_INTERESTS, retention=fixed(365, from_column="time"),
    sources=(Source.STAFF,), recipients=(HOSTING,),
    links=(ByCustomer("customer_id", Index.NONE), ByEmail("customer_email", Index.NONE)),
    columns=(
        col("customer_id", "int", C.IDENTITY, S.NULL),
        col("customer_email", "varchar(40)", C.CONTACT, S.EMAIL),
        col("time", "timestamp", C.SECURITY_LOG, S.KEEP),
    ),
    ignored=("user_name",),  # the staff member's name, not the customer's
)

TABLES = (
    CUSTOMER_ENTITY,
    CUSTOMER_ADDRESS_ENTITY,
    *CUSTOMER_EAV,
    CUSTOMER_GRID_FLAT,
    AMAZON_CUSTOMER,
    CUSTOMER_VISITOR,
    CUSTOMER_LOG,
    PERSISTENT_SESSION,
    OAUTH_TOKEN,
    OAUTH_TOKEN_REQUEST_LOG,
    PASSWORD_RESET_REQUEST_EVENT,
    JWT_AUTH_REVOKED,
    LOGIN_AS_CUSTOMER_ASSISTANCE_ALLOWED,
    LOGIN_AS_CUSTOMER_LOG,
    MAGENTO_LOGIN_AS_CUSTOMER_LOG,
)
