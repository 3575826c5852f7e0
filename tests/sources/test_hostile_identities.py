"""Identity parsing under hostile input (hypothesis): quotes, SQL metacharacters, wildcards, NUL bytes, unicode and
huge strings either resolve to nobody or are refused naming the field; never a database error, never a match."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from privacy.sources.base import SubjectLookupError
from privacy.sources.discovery import subject_identify
from tests.requests_app.test_hostile_input import NASTY

pytestmark = pytest.mark.django_db(databases=["default", "magento"])
FIELDS = {"email", "customer_id", "amazon_buyer_id", "order_increment_id"}
WILDCARDS = [
    "%",
    "%@%",
    "_%@%._%",
    "*@*",
    "' OR 1=1 --@example.com",
    "amzn1.account.%",
    "amzn1.account.' OR '1'='1",
]
hostile = st.one_of(
    st.none(),
    st.sampled_from(NASTY + WILDCARDS),
    st.text(alphabet="'\";%_\\\x00-@ .*", max_size=40),
)


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(email=hostile, amazon_buyer_id=hostile, order_increment_id=hostile)
def test_hostile_identities_resolve_to_nobody_or_are_refused_naming_the_field(seeded_magento, email, amazon_buyer_id,
                                                                              order_increment_id):  # fmt: skip
    # given a seeded shop whose real customers' addresses none of the hostile values spell
    real = {customer["email"].lower() for customer in seeded_magento.customers} | {
        e.lower() for e in seeded_magento.guest_emails
    }
    if email is not None and email.strip().lower() in real:
        return

    # when the hostile identity is looked up
    try:
        subject = subject_identify(
            email=email,
            amazon_buyer_id=amazon_buyer_id,
            order_increment_id=order_increment_id,
        )
    except SubjectLookupError as refused:
        # then a refusal names one of the identity's fields and says what to give instead
        assert refused.field in FIELDS and str(refused)
        return

    # then nothing in the shop matched: no wildcard or quote widened the lookup
    assert not subject.customer_ids and not subject.order_ids, subject
