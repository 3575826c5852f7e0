"""The fixed rows every seeded shop has: websites, stores, EAV types and attributes, catalogue, ratings."""

from dataclasses import dataclass

from privacy.sources.magento.seed.locales import LOCALES, Locale


@dataclass(frozen=True)
class StoreView:
    store_id: int
    code: str
    website_id: int
    group_id: int
    name: str
    locale: Locale
    base_currency: str
    base_to_order_rate: float  # order currency units per base currency unit
    full_name: str  # sales_order.store_name: website, group and store names on three lines


@dataclass(frozen=True)
class Product:
    entity_id: int
    sku: str
    name: str
    price_eur: float
    weight: float
    engravable: bool


WEBSITES = [(0, "admin", "Admin", 0, 0, 0), (1, "base", "Main Website", 1, 1, 1), (2, "intl", "International Website", 2, 2, 0)]
GROUPS = [(0, 0, "Default", 0, 0, "default"), (1, 1, "Main Website Store", 2, 1, "main_website_store"),
          (2, 2, "International Store", 2, 4, "intl_store")]  # fmt: skip
_STORES = [  # store_id, code, website, group, name, locale, base currency, rate
    (1, "default", 1, 1, "Default Store View", "en_GB", "EUR", 0.86),
    (2, "de", 1, 1, "Deutsch", "de_DE", "EUR", 1.0),
    (3, "fr", 1, 1, "Français", "fr_FR", "EUR", 1.0),
    (4, "us", 2, 2, "United States", "en_US", "USD", 1.0),
    (5, "jp", 2, 2, "日本語", "ja_JP", "USD", 150.0),
]
STORES = [
    StoreView(sid, code, web, grp, name, LOCALES[loc], base, rate,
              f"{WEBSITES[web][2]}\n{GROUPS[grp][2]}\n{name}")
    for sid, code, web, grp, name, loc, base, rate in _STORES
]  # fmt: skip
STORE_ROWS = [(0, "admin", 0, 0, "Admin", 0, 1)] + [(s.store_id, s.code, s.website_id, s.group_id, s.name, s.store_id, 1) for s in STORES]

ENTITY_TYPES = [
    (1, "customer", "Magento\\Customer\\Model\\ResourceModel\\Customer", "Magento\\Customer\\Model\\Attribute", "customer_entity", "entity_id"),
    (2, "customer_address", "Magento\\Customer\\Model\\ResourceModel\\Address", "Magento\\Customer\\Model\\Attribute", "customer_address_entity", "entity_id"),
]  # fmt: skip
# attribute_id, entity_type_id, code, backend_type, frontend_input, label, is_user_defined
ATTRIBUTES = [
    (5, 1, "firstname", "static", "text", "First Name", 0), (7, 1, "lastname", "static", "text", "Last Name", 0),
    (9, 1, "email", "static", "text", "Email", 0), (11, 1, "dob", "static", "date", "Date of Birth", 0),
    (20, 1, "gender", "static", "select", "Gender", 0), (31, 2, "street", "static", "multiline", "Street Address", 0),
    (40, 2, "telephone", "static", "text", "Phone Number", 0),
    (200, 1, "loyalty_card_number", "varchar", "text", "Loyalty card number", 1),
    (201, 1, "marketing_consent_at", "datetime", "date", "Marketing consent given at", 1),
    (202, 1, "preferred_contact_channel", "int", "select", "Preferred contact channel", 1),
    (203, 1, "customer_profile_note", "text", "textarea", "Note from the customer", 1),
    (204, 1, "store_credit_limit", "decimal", "price", "Store credit limit", 1),
    (210, 2, "door_code", "varchar", "text", "Door code", 1),
    (211, 2, "address_verified_at", "datetime", "date", "Address verified at", 1),
    (212, 2, "floor_number", "int", "text", "Floor", 1),
    (213, 2, "delivery_instructions", "text", "textarea", "Delivery instructions", 1),
    (214, 2, "delivery_surcharge", "decimal", "price", "Delivery surcharge", 1),
]  # fmt: skip
EAV_ATTRIBUTE_IDS = {(row[1], row[3]): row[0] for row in ATTRIBUTES if row[6]}  # (entity type, backend type) -> id

_PRODUCTS = [
    ("MH01", "Chaz Kangeroo Hoodie", 52.0, 0.6, False), ("MH03", "Bruno Compete Hoodie", 63.0, 0.7, False),
    ("MJ01", "Beaumont Summit Kit", 42.0, 0.9, False), ("MS04", "Gobi HeatTec Tee", 29.0, 0.2, False),
    ("WH05", "Selene Yoga Hoodie", 42.0, 0.5, False), ("WJ08", "Adrienne Trek Jacket", 57.0, 0.8, False),
    ("WS03", "Iris Workout Top", 29.0, 0.2, False), ("WB04", "Electra Bra Top", 39.0, 0.1, False),
    ("24-MB01", "Joust Duffle Bag", 34.0, 1.1, False), ("24-MB04", "Strive Shoulder Pack", 32.0, 0.9, False),
    ("24-WB02", "Compete Track Tote", 32.0, 0.6, False), ("24-UG06", "Affirm Water Bottle", 7.0, 0.3, True),
    ("24-UG02", "Pursuit Lumaflex Tone Band", 16.0, 0.2, False), ("24-WG01", "Bolo Sport Watch", 49.0, 0.2, True),
    ("24-WG02", "Didi Sport Watch", 92.0, 0.2, True), ("24-MG03", "Summit Watch", 54.0, 0.2, True),
    ("MP02", "Aether Gym Pant", 74.0, 0.5, False), ("WSH04", "Artemis Running Short", 45.0, 0.2, False),
    ("MT07", "Argus All-Weather Tank", 22.0, 0.2, False), ("24-UG01", "Quest Lumaflex Band", 19.0, 0.2, False),
    ("24-UB02", "Impulse Duffle", 74.0, 1.3, False), ("WP07", "Zeppelin Yoga Pant", 82.0, 0.4, False),
    ("MSH02", "Apollo Running Short", 32.5, 0.2, False), ("24-WG080", "Sprite Foam Roller", 19.0, 0.9, False),
]
PRODUCTS = [Product(i, sku, name, price, weight, engrave) for i, (sku, name, price, weight, engrave) in enumerate(_PRODUCTS, 1)]

RATING_ENTITIES = [(1, "product"), (2, "product_review"), (3, "review")]
RATINGS = [(1, 1, "Quality", 0, 1), (2, 1, "Value", 0, 1), (3, 1, "Price", 0, 1)]
RATING_OPTIONS = [((r - 1) * 5 + v, r, str(v), v, v) for r in (1, 2, 3) for v in range(1, 6)]
REVIEW_ENTITIES = [(1, "product"), (2, "customer"), (3, "category")]
REVIEW_STATUSES = [(1, "Approved"), (2, "Pending"), (3, "Not Approved")]
REPORT_EVENT_TYPES = [(1, "catalog_product_view", 0), (2, "sendfriend_product", 0), (3, "catalog_product_compare_add_product", 0),
                      (4, "checkout_cart_add_product", 0), (5, "wishlist_add_product", 0), (6, "wishlist_share", 0)]  # fmt: skip

SCOPE_COLUMNS = {
    "store_website": ("website_id", "code", "name", "sort_order", "default_group_id", "is_default"),
    "store_group": ("group_id", "website_id", "name", "root_category_id", "default_store_id", "code"),
    "store": ("store_id", "code", "website_id", "group_id", "name", "sort_order", "is_active"),
    "eav_entity_type": ("entity_type_id", "entity_type_code", "entity_model", "attribute_model", "entity_table", "entity_id_field"),
    "eav_attribute": ("attribute_id", "entity_type_id", "attribute_code", "backend_type", "frontend_input", "frontend_label", "is_user_defined"),
    "catalog_product_entity": ("entity_id", "attribute_set_id", "type_id", "sku", "created_at", "updated_at"),
    "rating_entity": ("entity_id", "entity_code"),
    "rating": ("rating_id", "entity_id", "rating_code", "position", "is_active"),
    "rating_option": ("option_id", "rating_id", "code", "value", "position"),
    "review_entity": ("entity_id", "entity_code"),
    "review_status": ("status_id", "status_code"),
    "report_event_types": ("event_type_id", "event_name", "customer_login"),
}


def scope_rows(*, created_at: str):
    """Yield (table, row) for the fixed rows, parents before children."""
    yield from (("store_website", row) for row in WEBSITES)
    yield from (("store_group", row) for row in GROUPS)
    yield from (("store", row) for row in STORE_ROWS)
    yield from (("eav_entity_type", row) for row in ENTITY_TYPES)
    yield from (("eav_attribute", row) for row in ATTRIBUTES)
    yield from (("catalog_product_entity", (p.entity_id, 4, "simple", p.sku, created_at, created_at)) for p in PRODUCTS)
    for table, rows in (("rating_entity", RATING_ENTITIES), ("rating", RATINGS), ("rating_option", RATING_OPTIONS),
                        ("review_entity", REVIEW_ENTITIES), ("review_status", REVIEW_STATUSES),
                        ("report_event_types", REPORT_EVENT_TYPES)):  # fmt: skip
        yield from ((table, row) for row in rows)
