"""Fixtures of the retention tests: a seeded test shop at a pinned date, and its default policies.

`shop` is larger than the suite-wide `seeded_magento` (60 customers instead of 20, so every default
policy finds rows on both sides of its age) and pinned to SEEDED_AT, so the statutory cutoffs the
tests state (1 January 2018 for German invoices) do not move with the calendar.
"""

from datetime import UTC, datetime

import pytest

from privacy.sources.magento.seed.service import magento_seed
from retention.models import RetentionPolicy

SEEDED_AT = datetime(2026, 6, 15, 12, 0, tzinfo=UTC)


@pytest.fixture
def shop(magento_schema):
    """A small deterministic shop whose twelve years of history end on SEEDED_AT; rolled back after the test."""
    return magento_seed(using="magento", customers=60, seed=11, now=SEEDED_AT)


@pytest.fixture
def policy():
    return lambda name: RetentionPolicy.objects.get(name=name)
