import pytest
from django.contrib.auth import get_user_model
from django.db import connection

from requests_app.ids import id_parse
from requests_app.models import PrivacyRequest


@pytest.mark.parametrize(("text", "expected"), [
    ("42", 42),
    ("0042", 42),
    ("9223372036854775807", 2**63 - 1),
    ("00000000000000000000009223372036854775807", 2**63 - 1),
    ("9223372036854775808", None),
    ("9" * 5000, None),
    ("²", None),
    ("٤٢", None),
    ("42 ", None),
    ("-1", None),
    ("+1", None),
    ("4_2", None),
    ("", None),
])
def test_only_ascii_digits_within_the_request_id_column_are_a_request_id(text, expected):
    assert id_parse(text, field=PrivacyRequest._meta.pk) == expected  # a bigint column


def test_a_user_id_is_held_to_the_user_id_column_of_this_database():
    user_id = get_user_model()._meta.pk  # auth's AutoField

    beyond_32_bits = id_parse("2147483648", field=user_id)

    if connection.vendor == "sqlite":
        assert beyond_32_bits == 2**31  # SQLite stores every integer column in up to 64 bits
    else:
        assert beyond_32_bits is None  # an integer column on PostgreSQL and MariaDB
    assert id_parse("2147483647", field=user_id) == 2**31 - 1
