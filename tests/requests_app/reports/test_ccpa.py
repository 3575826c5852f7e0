"""CCPA §7102 metrics against figures computed by hand from requests with explicit dates."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from requests_app.models import DenialReason, Kind
from requests_app.reports.ccpa import (
    CATEGORIES, CATEGORY_OF_KIND, DENIAL_GROUP_OF, OUTSIDE_CCPA, ReportRefused, ccpa_metrics,
)
from requests_app.states import State
from tests.requests_app.reports.builders import completed, denied, moment, request_row

pytestmark = pytest.mark.django_db

D = date


@pytest.fixture
def year_2025():
    """Requests around calendar year 2025 (CCPA unless said), each with its days to a response worked out."""
    # know = access + export
    completed("access", D(2024, 12, 20), D(2025, 1, 15))  # received in 2024: belongs to 2024, not 2025
    completed("access", D(2025, 1, 10), D(2025, 2, 3))  # 24 days
    completed("export", D(2025, 3, 1), D(2025, 4, 20), extended_on=D(2025, 4, 10))  # 50 days, extended
    completed("access", D(2025, 12, 28), D(2026, 1, 20))  # answered next year: counts in 2025, 23 days
    request_row(kind="access", received=D(2025, 6, 1), state=State.CLOSED_UNVERIFIED, closed=D(2025, 6, 9))  # 8 days
    denied("export", D(2025, 7, 1), D(2025, 7, 31), DenialReason.EXEMPT)  # 30 days
    completed("access", D(2025, 5, 5), D(2025, 5, 20), jurisdiction="gdpr")  # 15 days, only in "all"
    still_open = request_row(kind="access", received=D(2025, 11, 15))  # pending
    request_row(kind="access", received=D(2025, 11, 20), state=State.CANCELLED, closed=D(2025, 11, 20),
                duplicate_of=still_open)  # a duplicate: not counted
    # delete
    completed("deletion", D(2025, 2, 10), D(2025, 3, 7))  # 25 days
    denied("deletion", D(2025, 2, 15), D(2025, 3, 1), DenialReason.LEGAL_HOLD)  # exempt, 14 days
    denied("deletion", D(2025, 9, 1), D(2025, 9, 4), DenialReason.NOT_A_CONSUMER)  # 3 days
    request_row(kind="deletion", received=D(2025, 10, 1), state=State.CANCELLED, closed=D(2025, 10, 5))  # withdrawn
    completed("deletion", D(2025, 10, 20), D(2026, 1, 10), extended_on=D(2025, 11, 20))  # 82 days, extended
    denied("deletion", D(2025, 4, 1), D(2025, 4, 11), DenialReason.MANIFESTLY_UNFOUNDED, jurisdiction="uk_gdpr")  # 10
    # correct
    completed("correction", D(2025, 3, 3), D(2025, 3, 13))  # 10 days
    denied("correction", D(2025, 8, 8), D(2025, 8, 18), DenialReason.OTHER)  # 10 days
    # opt out
    completed("opt_out", D(2025, 4, 1), D(2025, 4, 3))  # 2 days
    completed("opt_out", D(2025, 5, 1), D(2025, 5, 1))  # same day: 0 days
    completed("opt_out", D(2026, 1, 1), D(2026, 1, 2))  # received in 2026: not counted


def figures(metrics, key):
    found = {entry.category.key: entry for entry in metrics.figures}[key]
    return {
        "received": found.received, "complied": found.complied, "denied": found.denied_total,
        "unverifiable": found.denied["unverifiable"], "not_a_consumer": found.denied["not_a_consumer"],
        "exempt": found.denied["exempt"], "other": found.denied["other"], "withdrawn": found.withdrawn,
        "pending": found.pending, "extended": found.extended, "median": found.median_days, "mean": found.mean_days,
    }


def zeros(**figures) -> dict:
    return {"received": 0, "complied": 0, "denied": 0, "unverifiable": 0, "not_a_consumer": 0, "exempt": 0,
            "other": 0, "withdrawn": 0, "pending": 0, "extended": 0, "median": None, "mean": None} | figures


def test_california_figures_match_the_hand_count_including_year_boundaries_and_extensions(year_2025):
    # given the requests above, when the 2025 CCPA metrics are made in mid-2026
    metrics = ccpa_metrics(year=2025, scope="ccpa", as_of=moment(D(2026, 6, 1)))

    # then know: 6 received (24, 50, 23 days complied; 8 unverifiable, 30 exempt; one pending) -> median 24, mean 27
    assert figures(metrics, "know") == zeros(received=6, complied=3, denied=2, unverifiable=1, exempt=1, pending=1,
                                            extended=1, median=24.0, mean=27.0)
    # delete: 25 and 82 complied, 14 exempt (legal hold), 3 not a consumer, one withdrawn -> median 19.5, mean 31
    assert figures(metrics, "delete") == zeros(received=5, complied=2, denied=2, not_a_consumer=1, exempt=1,
                                              withdrawn=1, extended=1, median=19.5, mean=31.0)
    assert figures(metrics, "correct") == zeros(received=2, complied=1, denied=1, other=1, median=10.0, mean=10.0)
    assert figures(metrics, "opt_out") == zeros(received=2, complied=2, median=1.0, mean=1.0)
    assert figures(metrics, "limit") == zeros()
    assert metrics.duplicates == 1 and metrics.complete


def test_all_jurisdictions_add_the_gdpr_and_uk_requests(year_2025):
    metrics = ccpa_metrics(year=2025, scope="all", as_of=moment(D(2026, 6, 1)))

    # know gains the GDPR access answered in 15 days: days 8, 15, 23, 24, 30, 50
    assert figures(metrics, "know") == zeros(received=7, complied=4, denied=2, unverifiable=1, exempt=1, pending=1,
                                            extended=1, median=23.5, mean=25.0)
    # delete gains the UK refusal as manifestly unfounded ("other"), 10 days: days 3, 10, 14, 25, 82
    assert figures(metrics, "delete") == zeros(received=6, complied=2, denied=3, not_a_consumer=1, exempt=1, other=1,
                                              withdrawn=1, extended=1, median=14.0, mean=26.8)


def test_requests_answered_after_the_as_of_day_count_as_pending(year_2025):
    # when the report is made on 5 January 2026, before two late-2025 requests were answered
    metrics = ccpa_metrics(year=2025, scope="ccpa", as_of=moment(D(2026, 1, 5), 23))

    # then those two are pending and their days are not in the averages
    assert figures(metrics, "know") == zeros(received=6, complied=2, denied=2, unverifiable=1, exempt=1, pending=2,
                                            extended=1, median=27.0, mean=28.0)
    assert figures(metrics, "delete") == zeros(received=5, complied=1, denied=2, not_a_consumer=1, exempt=1,
                                              withdrawn=1, pending=1, extended=1, median=14.0, mean=14.0)
    assert not ccpa_metrics(year=2026, scope="ccpa", as_of=moment(D(2026, 1, 5), 23)).complete


def test_an_extension_granted_after_the_as_of_day_is_not_counted(year_2025):
    metrics = ccpa_metrics(year=2025, scope="ccpa", as_of=moment(D(2025, 11, 1)))

    assert figures(metrics, "delete")["extended"] == 0
    assert figures(metrics, "know")["extended"] == 1


def test_the_year_of_receipt_is_the_day_in_the_controllers_time_zone(settings):
    # given a Californian controller and two requests near new year, stated in UTC
    settings.TIME_ZONE = "America/Los_Angeles"
    pacific = ZoneInfo("America/Los_Angeles")
    request_row(kind="access", received=datetime(2025, 1, 1, 5, 0, tzinfo=UTC),  # 31 Dec 2024, 21:00 local
                state=State.COMPLETED, closed=datetime(2025, 1, 2, 18, 0, tzinfo=pacific))
    request_row(kind="access", received=datetime(2026, 1, 1, 7, 30, tzinfo=UTC),  # 31 Dec 2025, 23:30 local
                state=State.COMPLETED, closed=datetime(2026, 1, 1, 9, 0, tzinfo=pacific))

    # when the metrics of 2024 and 2025 are made
    as_of = datetime(2026, 3, 1, tzinfo=pacific)
    metrics_2024 = ccpa_metrics(year=2024, scope="ccpa", as_of=as_of)
    metrics_2025 = ccpa_metrics(year=2025, scope="ccpa", as_of=as_of)

    # then each request counts in the local year it arrived, with local calendar days (2 and 1)
    assert figures(metrics_2024, "know") == zeros(received=1, complied=1, median=2.0, mean=2.0)
    assert figures(metrics_2025, "know") == zeros(received=1, complied=1, median=1.0, mean=1.0)


def test_a_year_that_has_not_begun_or_an_unknown_scope_is_refused_with_the_fix():
    with pytest.raises(ReportRefused, match="Year 2031 has not begun"):
        ccpa_metrics(year=2031, as_of=moment(D(2026, 6, 1)))
    with pytest.raises(ReportRefused, match="before the CCPA"):
        ccpa_metrics(year=2019)
    with pytest.raises(ReportRefused, match="use ccpa .* or all"):
        ccpa_metrics(year=2025, scope="california")


def test_every_request_kind_maps_to_one_ccpa_category_or_is_declared_outside():
    assert set(Kind.values) <= set(CATEGORY_OF_KIND) | OUTSIDE_CCPA
    assert [category.key for category in CATEGORIES] == ["know", "delete", "correct", "opt_out", "limit"]
    assert CATEGORY_OF_KIND["access"].key == CATEGORY_OF_KIND["export"].key == "know"


def test_every_denial_reason_falls_in_one_of_the_four_groups_the_regulation_names():
    assert set(DenialReason.values) <= set(DENIAL_GROUP_OF)
    assert set(DENIAL_GROUP_OF.values()) == {"unverifiable", "not_a_consumer", "exempt", "other"}


@pytest.mark.django_db(databases=["default", "magento"])
def test_requests_worked_through_the_real_services_count_as_the_hand_count(magento_schema, django_user_model):
    from requests_app.fulfilment import privacy_request_discover, privacy_request_fulfil
    from requests_app.services import (
        privacy_request_approve, privacy_request_cancel, privacy_request_deny, privacy_request_extend,
        privacy_request_submit,
    )

    officer = django_user_model.objects.create_user(username="officer", is_staff=True, is_superuser=True)

    def post(kind, email, day):
        return privacy_request_submit(kind=kind, email=email, jurisdiction="ccpa", channel="post", received_at=day,
                                      verified=True, by=officer, start_processing=False, now=moment(day))

    # given an access request fulfilled in 9 days
    access = post("access", "ada@example.com", D(2025, 3, 3))
    privacy_request_discover(request_id=access.pk, now=moment(D(2025, 3, 10)))
    privacy_request_approve(privacy_request=access, by=officer, start_processing=False, now=moment(D(2025, 3, 10)))
    privacy_request_fulfil(request_id=access.pk, now=moment(D(2025, 3, 12)))
    # a deletion extended within its first 45 days, then refused as exempt after 58 days
    deletion = post("deletion", "bob@example.com", D(2025, 3, 5))
    privacy_request_extend(privacy_request=deletion, reason="Three systems to search.", by=officer,
                           now=moment(D(2025, 4, 1)))
    privacy_request_deny(privacy_request=deletion, reason="exempt", by=officer, now=moment(D(2025, 5, 2)))
    # a withdrawn access request, an open export and its duplicate
    privacy_request_cancel(privacy_request=post("access", "cy@example.com", D(2025, 4, 1)), by=officer,
                           reason="Withdrawn by phone.", now=moment(D(2025, 4, 2)))
    post("export", "dee@example.com", D(2025, 6, 1))
    duplicate = post("export", "dee@example.com", D(2025, 6, 2))

    # when the 2025 metrics are made
    metrics = ccpa_metrics(year=2025, scope="ccpa", as_of=moment(D(2026, 6, 1)))

    # then they count what the services recorded
    assert duplicate.duplicate_of_id is not None
    assert figures(metrics, "know") == zeros(received=3, complied=1, withdrawn=1, pending=1, median=9.0, mean=9.0)
    assert figures(metrics, "delete") == zeros(received=1, denied=1, exempt=1, extended=1, median=58.0, mean=58.0)
    assert metrics.duplicates == 1
