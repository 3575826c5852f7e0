"""The demo's set-up: a seeded Magento SQLite shop, staff logins, and the Amazon Pay simulator wiring.

Only `make demo` uses this; production never seeds anything.
"""

import secrets
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import Group, User
from django.db import connections, transaction

from privacy.sources.amazon_pay.simulator.devkeys import dev_key_pair_ensure
from privacy.sources.magento.router import MAGENTO_ALIAS
from privacy.sources.magento.schema import magento_schema_create, magento_tables_present
from privacy.sources.magento.seed import magento_seed

DEMO_CUSTOMERS = 300
DEMO_SEED = 2026
SIMULATOR_ADDRESS = "127.0.0.1:8765"
DEMO_LOGINS = {"officer": "Privacy officer", "agent": "Agent", "auditor": "Auditor"}


@dataclass(frozen=True)
class DemoLogin:
    username: str
    password: str
    group: str


def demo_magento_prepare(*, using: str = MAGENTO_ALIAS) -> str:
    """Create and seed the demo Magento database once; return what was done, in words."""
    if connections[using].vendor != "sqlite":
        raise RuntimeError("the demo seeds only its own SQLite Magento file; MAGENTO_DATABASE_URL points elsewhere")
    if not magento_tables_present(using=using):
        magento_schema_create(using=using)
    with connections[using].cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM customer_entity")
        if cursor.fetchone()[0]:
            return "demo Magento database already seeded"
    report = magento_seed(
        using=using, customers=DEMO_CUSTOMERS, orders_per_customer=3, guest_ratio=0.25, amazon_pay_ratio=0.35,
        seed=DEMO_SEED,
    )
    return f"seeded the demo Magento database: {report.total_rows} rows"


@transaction.atomic
def demo_logins_ensure() -> list[DemoLogin]:
    """Create one staff login per group (password kept under var/ so it prints the same every time)."""
    logins = []
    for username, group_name in DEMO_LOGINS.items():
        password = _demo_password(username)
        user, _ = User.objects.get_or_create(username=username, defaults={"is_staff": True})
        user.is_staff = True
        user.set_password(password)
        user.save(update_fields=["is_staff", "password"])
        user.groups.set([Group.objects.get(name=group_name)])
        logins.append(DemoLogin(username=username, password=password, group=group_name))
    return logins


def _demo_password(username: str) -> str:
    path = Path(settings.VAR_DIR) / "demo-logins" / username
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        path.write_text(secrets.token_urlsafe(12))
    return path.read_text().strip()


def demo_amazon_pay_environment() -> dict[str, str]:
    """Create the simulator's development key pair once; return the settings that point PrivacyDesk at it."""
    keys = dev_key_pair_ensure(directory=Path(settings.VAR_DIR) / "amazon-pay")
    return {
        "AMAZON_PAY_ENABLED": "1",
        "AMAZON_PAY_ENDPOINT": f"http://{SIMULATOR_ADDRESS}",
        "AMAZON_PAY_PUBLIC_KEY_ID": keys.public_key_id,
        "AMAZON_PAY_PRIVATE_KEY_PATH": str(keys.private_key_path),
    }


def demo_env_file_update(*, path: Path, values: dict[str, str]) -> list[str]:
    """Add to the .env file the values it does not set yet; return the names added."""
    lines = path.read_text().splitlines() if path.exists() else []
    present = {line.partition("=")[0].strip() for line in lines if "=" in line}
    added = [name for name in values if name not in present]
    lines += [f"{name}={values[name]}" for name in added]
    path.write_text("\n".join(lines) + "\n")
    return added


def demo_sample_customers(*, using: str = MAGENTO_ALIAS, limit: int = 3) -> list[str]:
    """A few seeded (fictional) customer e-mails to try the self-service form with."""
    with connections[using].cursor() as cursor:
        cursor.execute(
            "SELECT c.email FROM customer_entity c JOIN sales_order o ON o.customer_id = c.entity_id "
            "GROUP BY c.email ORDER BY c.email LIMIT %s",
            [limit],
        )
        return [row[0] for row in cursor.fetchall()]
