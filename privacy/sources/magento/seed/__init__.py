"""Fill an empty Magento database with a realistic, deterministic shop (demo, tests, benchmarks)."""

from privacy.sources.magento.seed.context import HardCases
from privacy.sources.magento.seed.service import MagentoSeedError, SeedReport, magento_seed

__all__ = ["HardCases", "MagentoSeedError", "SeedReport", "magento_seed"]
