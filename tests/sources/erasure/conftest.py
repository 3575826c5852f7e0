"""Fixtures of the erasure tests: a seeded shop at a pinned date."""

import pytest

from privacy.sources.magento.seed.service import magento_seed
from tests.sources.erasure.helpers import SEEDED_AT


@pytest.fixture
def shop(magento_schema):
    """A small deterministic shop whose history ends on SEEDED_AT; rolled back after the test."""
    return magento_seed(using="magento", customers=40, seed=23, now=SEEDED_AT)
