from datetime import timedelta

import pytest
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory
from django.utils import timezone

from requests_app.ratelimit import Rate, client_address, rate_limit_hit, rate_limit_reached, rate_parse


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.mark.parametrize(
    "text, expected",
    [("20/hour", Rate(20, 3600)), ("5/min", Rate(5, 60)), ("1/s", Rate(1, 1)), (" 3 / day ", Rate(3, 86400))],
)
def test_rates_are_read_as_a_count_per_period(text, expected):
    assert rate_parse(text, setting="X") == expected


@pytest.mark.parametrize("text", ["", "20", "0/hour", "20/fortnight", "-1/min", "twenty/hour"])
def test_a_malformed_rate_is_refused_naming_the_setting_and_the_fix(text):
    with pytest.raises(ImproperlyConfigured, match=r"PRIVACY_FORM_RATE_PER_IP=.* e\.g\. 20/hour"):
        rate_parse(text, setting="PRIVACY_FORM_RATE_PER_IP")


def test_attempts_over_the_rate_are_refused_until_the_window_ends(settings):
    # given a limit of three per minute
    settings.PRIVACY_FORM_RATE_PER_IP = "3/min"
    now = timezone.now().replace(second=0, microsecond=0)

    # when four attempts come in the same minute, and one more in the next minute
    inside = [rate_limit_hit(scope="form-ip", key="198.51.100.7", setting="PRIVACY_FORM_RATE_PER_IP", now=now) for _ in range(4)]
    next_window = rate_limit_hit(
        scope="form-ip", key="198.51.100.7", setting="PRIVACY_FORM_RATE_PER_IP", now=now + timedelta(minutes=1)
    )

    # then only the fourth is over the rate, and the next window starts afresh
    assert inside == [False, False, False, True]
    assert next_window is False


def test_one_key_going_over_the_rate_leaves_other_keys_alone(settings):
    settings.PRIVACY_FORM_RATE_PER_IP = "1/hour"
    rate_limit_hit(scope="form-ip", key="198.51.100.7", setting="PRIVACY_FORM_RATE_PER_IP")

    assert rate_limit_hit(scope="form-ip", key="198.51.100.7", setting="PRIVACY_FORM_RATE_PER_IP") is True
    assert rate_limit_hit(scope="form-ip", key="203.0.113.9", setting="PRIVACY_FORM_RATE_PER_IP") is False
    assert rate_limit_hit(scope="form-email", key="198.51.100.7", setting="PRIVACY_FORM_RATE_PER_IP") is False


def test_the_client_address_ignores_forwarded_headers_unless_proxies_are_trusted(settings):
    # given a request that claims another address in X-Forwarded-For
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.7, 10.0.0.1")

    # then without trusted proxies the claim is ignored (a client could rotate it to dodge limits)
    settings.PRIVACY_TRUSTED_PROXIES = 0
    assert client_address(request) == "10.0.0.2"

    # and with one trusted proxy the address that proxy saw is used
    settings.PRIVACY_TRUSTED_PROXIES = 1
    assert client_address(request) == "10.0.0.1"
    settings.PRIVACY_TRUSTED_PROXIES = 2
    assert client_address(request) == "198.51.100.7"


def test_checking_whether_a_key_is_at_its_limit_does_not_count_an_attempt(settings):
    settings.PRIVACY_BAD_LINKS_PER_IP = "2/hour"
    check = dict(scope="bad-links", key="198.51.100.7", setting="PRIVACY_BAD_LINKS_PER_IP")

    before = [rate_limit_reached(**check) for _ in range(5)]
    rate_limit_hit(**check)
    rate_limit_hit(**check)

    assert before == [False] * 5
    assert rate_limit_reached(**check) is True
