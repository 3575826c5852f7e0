import sys
from datetime import datetime, timezone

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from privacy.sources.magento.schema import MagentoSchemaError
from privacy.sources.magento.seed import MagentoSeedError, magento_seed
from privacy.sources.magento.selectors import magento_row_counts


def _day(value: str) -> datetime:
    return datetime.strptime(value, "%Y-%m-%d").replace(tzinfo=timezone.utc)


class Command(BaseCommand):
    help = (
        "Fill an EMPTY Magento database (demo, tests, benchmarks) with a realistic, deterministic shop: the same "
        "--seed and --as-of day give byte-identical data. Never run it on a shop's real database: it refuses one "
        "that has customers or orders, and --create-schema refuses one that has any Magento table."
    )

    def add_arguments(self, parser):
        parser.add_argument("--create-schema", action="store_true", help="create the Magento tables first")
        parser.add_argument("--customers", type=int, required=True, help="registered customers to create")
        parser.add_argument("--orders-per-customer", type=float, default=3.0, help="average orders of a registered customer")
        parser.add_argument("--guest-ratio", type=float, default=0.25, help="share of all orders placed by guests (0 to <1)")
        parser.add_argument("--amazon-pay-ratio", type=float, default=0.3, help="share of orders paid with Amazon Pay")
        parser.add_argument("--seed", type=int, default=1, help="random seed")
        parser.add_argument("--as-of", type=_day, default=None, help="YYYY-MM-DD the data ends on (default: today)")
        parser.add_argument("--database", default="magento", help="database alias (default: magento)")

    def handle(self, *args, **options):
        using = options["database"]
        try:
            with tqdm(total=options["customers"], unit="customer", file=sys.stderr, disable=not sys.stderr.isatty()) as bar:
                report = magento_seed(
                    using=using, customers=options["customers"], orders_per_customer=options["orders_per_customer"],
                    guest_ratio=options["guest_ratio"], amazon_pay_ratio=options["amazon_pay_ratio"], seed=options["seed"],
                    progress=bar.update, now=options["as_of"], create_schema=options["create_schema"],
                )  # fmt: skip
        except (MagentoSchemaError, MagentoSeedError) as error:
            raise CommandError(str(error)) from error
        counts = ", ".join(f"{table} {count}" for table, count in magento_row_counts(using=using).items())
        self.stdout.write(f"Seeded {report.total_rows} rows in {report.seconds:.1f} s ({report.total_rows / report.seconds:.0f} rows/s): {counts}")
