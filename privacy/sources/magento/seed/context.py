"""State shared by the generators of one seeding run: the random stream, id counters, the writer."""

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import accumulate
from random import Random

from privacy.sources.magento.seed.people import Address, Person, sql_time
from privacy.sources.magento.seed.scope import StoreView
from privacy.sources.magento.seed.writer import BulkWriter

YEAR = 365 * 86_400


class FastRandom(Random):
    """Random with cheaper randint, choice and weighted choices: the seeder draws millions of them.

    Still a pure function of the seed, so seeding stays deterministic.
    """

    def __init__(self, seed: int):
        super().__init__(seed)
        self._cumulative: dict[tuple, list] = {}

    def randint(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))

    def choice(self, seq):
        return seq[int(self.random() * len(seq))]

    def choices(self, population, weights=None, *, cum_weights=None, k=1):
        if weights is not None:
            cum_weights = self._cumulative.get(weights) or self._cumulative.setdefault(weights, list(accumulate(weights)))
        return super().choices(population, cum_weights=cum_weights, k=k)


@dataclass
class Customer:
    entity_id: int
    person: Person
    store: StoreView
    created: int  # epoch seconds
    addresses: list[tuple[int, Address]]  # (customer_address_entity id, address); the first is the default billing
    default_shipping: int | None = None
    lock_expires: str | None = None


@dataclass
class HardCases:
    """Subjects discovery must get right, recorded where the seeder planted them (first occurrence)."""

    shared_email: str | None = None  # registered on both websites
    shared_email_customer_ids: tuple[int, ...] = ()
    guest_variants: list[tuple[int, str, str]] = field(default_factory=list)  # (customer id, email, guest order email)
    namesakes: tuple[int, ...] = ()  # two people, same surname and city
    homonyms: tuple[int, ...] = ()  # two people, same first name, surname and city
    amazon_customer_id: int | None = None  # linked by Amazon Sign-in and paid with Amazon Pay
    open_order_customer_id: int | None = None  # has an order that is still pending or processing


class SeedContext:
    def __init__(self, *, rng: Random, writer: BulkWriter, anchor: int, amazon_pay_ratio: float):
        self.rng = rng
        self.writer = writer
        self.anchor = anchor
        self.start = anchor - 12 * YEAR
        self.amazon_pay_ratio = amazon_pay_ratio
        self.hard_cases = HardCases()
        self._ids: dict[str, int] = defaultdict(int)
        self.people = 0

    def next_id(self, table: str) -> int:
        self._ids[table] += 1
        return self._ids[table]

    def last_id(self, table: str) -> int:
        return self._ids[table]

    def increment_id(self, kind: str, store: StoreView) -> str:
        """Return Magento's per-store document number: 000000001 on store 1, 2000000001 on store 2, ..."""
        number = self.next_id(f"{kind}#{store.store_id}")
        return f"{number:09d}" if store.store_id == 1 else f"{store.store_id}{number:09d}"

    def person_number(self) -> int:
        self.people += 1
        return self.people

    def add(self, table: str, row: tuple) -> None:
        self.writer.add(table, row)

    def time_between(self, start: int, end: int) -> int:
        return self.rng.randint(start, max(start, end))

    def sql_time(self, epoch: int) -> str:
        return sql_time(min(epoch, self.anchor))
