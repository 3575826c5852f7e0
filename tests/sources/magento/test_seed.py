import hashlib
import json
import re
from datetime import UTC, datetime

import pytest
from django.db import connections, transaction

from privacy.sources.magento.schema import schema_tables
from privacy.sources.magento.seed import MagentoSeedError, magento_seed

MAGENTO_DB = pytest.mark.django_db(databases=["default", "magento"])
AS_OF = datetime(2025, 6, 1, tzinfo=UTC)
CHARGE_PERMISSION = re.compile(r"^S01-\d{7}-\d{7}$")
CHARGE = re.compile(r"^S01-\d{7}-\d{7}-C\d{6}$")
REFUND = re.compile(r"^S01-\d{7}-\d{7}-R\d{6}$")
BUYER = re.compile(r"^amzn1\.account\.[A-Z0-9]{28}$")


def _rows(sql, params=()):
    with connections["magento"].cursor() as cursor:
        cursor.execute(sql, params)
        return list(cursor.fetchall())


def _dump() -> dict[str, str]:
    tables = schema_tables(connections["magento"].vendor)
    return {
        name: hashlib.sha256(repr(_rows(f"SELECT * FROM {name} ORDER BY {', '.join(table.primary_key)}")).encode()).hexdigest()
        for name, table in tables.items()
    }


def _seed_and_dump(seed: int) -> dict[str, str]:
    with transaction.atomic(using="magento"):
        magento_seed(using="magento", customers=12, orders_per_customer=2, seed=seed, now=AS_OF, chunk_customers=5)
        dump = _dump()
        transaction.set_rollback(True, using="magento")
    return dump


@MAGENTO_DB
def test_seeding_twice_with_the_same_seed_writes_byte_identical_data(magento_schema):
    # when
    first, second = _seed_and_dump(7), _seed_and_dump(7)

    # then
    assert first == second


@MAGENTO_DB
def test_a_different_seed_writes_different_people_and_orders(magento_schema):
    # when
    first, other = _seed_and_dump(7), _seed_and_dump(8)

    # then
    assert first["customer_entity"] != other["customer_entity"]
    assert first["sales_order"] != other["sales_order"]
    assert first["store"] == other["store"]


@MAGENTO_DB
def test_every_foreign_key_of_the_seeded_shop_resolves(seeded_magento):
    # given
    tables = schema_tables(connections["magento"].vendor)

    # then
    for name, table in tables.items():
        for fk in table.foreign_keys.values():
            (child,), (parent,) = fk.columns, fk.ref_columns
            orphans = _rows(
                f"SELECT COUNT(*) FROM {name} c LEFT JOIN {fk.ref_table} p ON c.{child} = p.{parent}"
                f" WHERE c.{child} IS NOT NULL AND p.{parent} IS NULL"
            )[0][0]
            assert orphans == 0, f"{name}.{child} -> {fk.ref_table}"


@MAGENTO_DB
def test_links_magento_keeps_without_a_foreign_key_resolve_too(seeded_magento):
    # given
    links = [
        ("customer_entity", "default_billing", "customer_address_entity", "entity_id"),
        ("customer_entity", "default_shipping", "customer_address_entity", "entity_id"),
        ("sales_order", "billing_address_id", "sales_order_address", "entity_id"),
        ("sales_order", "shipping_address_id", "sales_order_address", "entity_id"),
        ("sales_order", "gift_message_id", "gift_message", "gift_message_id"),
        ("sales_order_address", "customer_id", "customer_entity", "entity_id"),
        ("sales_order_address", "customer_address_id", "customer_address_entity", "entity_id"),
        ("sales_invoice", "billing_address_id", "sales_order_address", "entity_id"),
        ("sales_creditmemo", "invoice_id", "sales_invoice", "entity_id"),
        ("customer_log", "customer_id", "customer_entity", "entity_id"),
        ("customer_visitor", "customer_id", "customer_entity", "entity_id"),
        ("amazon_payv2_async", "order_id", "sales_order", "entity_id"),
        ("rating_option_vote", "customer_id", "customer_entity", "entity_id"),
    ]

    # then
    for table, column, parent, key in links:
        orphans = _rows(
            f"SELECT COUNT(*) FROM {table} c LEFT JOIN {parent} p ON c.{column} = p.{key}"
            f" WHERE c.{column} IS NOT NULL AND p.{key} IS NULL"
        )[0][0]
        assert orphans == 0, f"{table}.{column}"


@MAGENTO_DB
def test_order_grid_rows_match_their_orders_and_addresses(seeded_magento):
    # when
    mismatches = _rows(
        "SELECT g.entity_id FROM sales_order_grid g JOIN sales_order o ON o.entity_id = g.entity_id"
        " JOIN sales_order_address b ON b.entity_id = o.billing_address_id"
        " JOIN sales_order_address s ON s.entity_id = o.shipping_address_id"
        " JOIN sales_order_payment p ON p.parent_id = o.entity_id"
        " WHERE g.customer_email <> o.customer_email OR g.increment_id <> o.increment_id OR g.status <> o.status"
        " OR g.grand_total <> o.grand_total OR COALESCE(g.customer_id, 0) <> COALESCE(o.customer_id, 0)"
        " OR g.billing_name <> b.firstname || ' ' || b.lastname OR g.shipping_name <> s.firstname || ' ' || s.lastname"
        " OR g.payment_method <> p.method OR g.customer_name <> o.customer_firstname || ' ' || o.customer_lastname"
        if connections["magento"].vendor == "sqlite"
        else "SELECT g.entity_id FROM sales_order_grid g JOIN sales_order o ON o.entity_id = g.entity_id"
        " JOIN sales_order_address b ON b.entity_id = o.billing_address_id"
        " JOIN sales_order_address s ON s.entity_id = o.shipping_address_id"
        " JOIN sales_order_payment p ON p.parent_id = o.entity_id"
        " WHERE BINARY g.customer_email <> BINARY o.customer_email OR g.increment_id <> o.increment_id"
        " OR g.status <> o.status OR g.grand_total <> o.grand_total OR COALESCE(g.customer_id, 0) <> COALESCE(o.customer_id, 0)"
        " OR g.billing_name <> CONCAT(b.firstname, ' ', b.lastname) OR g.shipping_name <> CONCAT(s.firstname, ' ', s.lastname)"
        " OR g.payment_method <> p.method OR g.customer_name <> CONCAT(o.customer_firstname, ' ', o.customer_lastname)"
    )
    counts = _rows("SELECT (SELECT COUNT(*) FROM sales_order), (SELECT COUNT(*) FROM sales_order_grid)")[0]

    # then
    assert mismatches == []
    assert counts[0] == counts[1] > 0


@MAGENTO_DB
def test_document_grids_have_one_row_per_document_with_the_order_email(seeded_magento):
    # then
    for document in ("invoice", "shipment", "creditmemo"):
        rows = _rows(
            f"SELECT d.entity_id, g.entity_id, g.customer_email, o.customer_email, g.order_increment_id, o.increment_id"
            f" FROM sales_{document} d JOIN sales_order o ON o.entity_id = d.order_id"
            f" LEFT JOIN sales_{document}_grid g ON g.entity_id = d.entity_id"
        )
        grid_count = _rows(f"SELECT COUNT(*) FROM sales_{document}_grid")[0][0]
        assert rows and grid_count == len(rows), document
        assert all(g_id == d_id and g_mail == o_mail and g_inc == o_inc for d_id, g_id, g_mail, o_mail, g_inc, o_inc in rows)


@MAGENTO_DB
def test_customer_grid_rows_are_what_the_indexer_writes(seeded_magento):
    # given
    rows = _rows(
        "SELECT c.email, c.firstname, c.lastname, c.prefix, g.email, g.name, g.billing_firstname, g.billing_telephone,"
        " a.firstname, a.telephone, g.billing_street, a.street, g.website_id, c.website_id"
        " FROM customer_entity c JOIN customer_grid_flat g ON g.entity_id = c.entity_id"
        " JOIN customer_address_entity a ON a.entity_id = c.default_billing"
    )

    # then
    assert len(rows) == len(seeded_magento.customers)
    for email, first, last, prefix, g_email, g_name, g_first, g_phone, a_first, a_phone, g_street, a_street, g_web, c_web in rows:
        assert (g_email, g_first, g_phone, g_street, g_web) == (email, a_first, a_phone, a_street, c_web)
        assert g_name == " ".join(part for part in (prefix, first, last) if part)


@MAGENTO_DB
def test_amazon_pay_references_sit_where_the_plugin_stores_them(seeded_magento):
    # given
    payments = _rows(
        "SELECT p.parent_id, p.entity_id, p.last_trans_id, p.additional_information FROM sales_order_payment p"
        " WHERE p.method = 'amazon_payment_v2'"
    )

    # then
    assert payments
    for order_id, payment_id, charge_id, info in payments:
        details = json.loads(info)
        assert details["method_title"] == "Amazon Pay"
        assert CHARGE_PERMISSION.match(details["charge_permission_id"])
        assert re.match(r"^[0-9a-f-]{36}$", details["amazon_session_id"])
        assert CHARGE.match(charge_id) and charge_id.rsplit("-", 1)[0] == details["charge_permission_id"]
        transactions = dict(_rows("SELECT txn_type, txn_id FROM sales_payment_transaction WHERE payment_id = %s", [payment_id]))
        assert transactions["authorization"] == charge_id
        invoices = [row[0] for row in _rows("SELECT transaction_id FROM sales_invoice WHERE order_id = %s", [order_id])]
        if invoices:
            assert transactions["capture"] == f"{charge_id}-capture" and invoices == [charge_id]
        memos = [row[0] for row in _rows("SELECT transaction_id FROM sales_creditmemo WHERE order_id = %s", [order_id])]
        assert all(REFUND.match(memo) and memo == transactions["refund"] for memo in memos)


@MAGENTO_DB
def test_amazon_links_and_async_rows_carry_the_plugins_identifiers(seeded_magento):
    # given
    buyers = _rows("SELECT amazon_id FROM amazon_customer")
    pending = _rows("SELECT pending_action, pending_id, order_id, is_pending FROM amazon_payv2_async")

    # then
    assert buyers and all(BUYER.match(buyer) for (buyer,) in buyers)
    assert {action for action, *_ in pending} <= {"authorization", "refund"}
    for action, pending_id, order_id, _ in pending:
        assert (CHARGE if action == "authorization" else REFUND).match(pending_id)
        assert (order_id is None) == (action == "authorization")


@MAGENTO_DB
def test_the_hard_cases_discovery_must_handle_are_planted(seeded_magento):
    # given
    cases = seeded_magento.hard_cases

    # then: one e-mail address, two accounts on two websites
    websites = _rows("SELECT website_id FROM customer_entity WHERE email = %s ORDER BY website_id", [cases.shared_email])
    assert [w for (w,) in websites] == [1, 2] and len(cases.shared_email_customer_ids) == 2
    # guest orders under the same address in other case / with spaces
    for customer_id, email, variant in cases.guest_variants:
        assert variant != email and variant.strip().lower() == email.lower()
        assert variant in seeded_magento.guest_emails
    # two different people with one surname in one city
    for pair in (cases.namesakes, cases.homonyms):
        people = _rows(
            "SELECT c.email, c.lastname, a.city, c.firstname FROM customer_entity c"
            " JOIN customer_address_entity a ON a.entity_id = c.default_billing WHERE c.entity_id IN (%s, %s)", list(pair)
        )
        assert len({email for email, *_ in people}) == 2 and len({(last, city) for _, last, city, _ in people}) == 1
    assert len({first for *_, first in people}) == 1  # the homonyms even share the first name
    states = _rows("SELECT state FROM sales_order WHERE customer_id = %s", [cases.open_order_customer_id])
    assert ("processing",) in states
    assert cases.amazon_customer_id in seeded_magento.amazon_customer_ids


@MAGENTO_DB
def test_orders_span_twelve_years_in_open_and_finished_states(seeded_magento):
    # given
    states = {state for (state,) in _rows("SELECT DISTINCT state FROM sales_order")}
    oldest, newest = _rows("SELECT MIN(created_at), MAX(created_at) FROM sales_order")[0]

    # then
    assert {"complete", "canceled", "processing"} <= states
    assert str(oldest)[:4] < str(seeded_magento.as_of.year - 6)
    assert str(newest) <= str(seeded_magento.as_of)


@MAGENTO_DB
def test_no_seeded_text_value_is_an_empty_string(seeded_magento):
    # The MariaDB bulk loader reads an empty field as NULL, so the generator must never write ''.
    for name, table in schema_tables(connections["magento"].vendor).items():
        texts = [c.name for c in table.columns.values() if c.type in ("varchar", "text", "longtext")]
        if texts:
            quote = connections["magento"].ops.quote_name
            where = " OR ".join(f"{quote(column)} = ''" for column in texts)
            assert _rows(f"SELECT COUNT(*) FROM {name} WHERE {where}")[0][0] == 0, name


@MAGENTO_DB
def test_seeding_refuses_a_database_that_already_has_a_shop(seeded_magento):
    # when
    with pytest.raises(MagentoSeedError) as refused:
        magento_seed(using="magento", customers=1, seed=1)

    # then
    assert "already has rows in store" in str(refused.value)


@pytest.mark.parametrize(
    ("arguments", "named"),
    [
        ({"customers": 0}, "customers=0"),
        ({"customers": 1, "orders_per_customer": -1}, "orders_per_customer=-1"),
        ({"customers": 1, "guest_ratio": 1}, "guest_ratio=1"),
        ({"customers": 1, "amazon_pay_ratio": 1.5}, "amazon_pay_ratio=1.5"),
    ],
)
def test_seeding_rejects_bad_arguments_naming_the_argument(arguments, named):
    # when
    with pytest.raises(MagentoSeedError) as rejected:
        magento_seed(using="magento", **arguments)

    # then
    assert str(rejected.value).startswith(named)
