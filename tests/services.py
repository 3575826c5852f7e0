"""The real services the second test pass runs on, and how a test asks for one.

`python -m tests.services [pytest args]` probes PostgreSQL, MariaDB and Redis and runs the
whole suite again with the app database on PostgreSQL, the Magento database on MariaDB and
Redis for the Celery worker tests. An unreachable service skips the pass with a one-line
reason, or fails it when PRIVACY_REQUIRE_SERVICES=1 (as CI sets).
"""

import os
import socket
import subprocess
import sys

# One database pair per run (Django prefixes test_), so two runs on one machine never drop each other's.
RUN = os.environ.get("PRIVACY_TEST_RUN_ID", str(os.getpid()))
POSTGRES_URL = os.environ.get("PRIVACY_TEST_POSTGRES_URL", f"postgres://postgres@127.0.0.1:5432/privacydesk_{RUN}")
MARIADB_URL = os.environ.get("PRIVACY_TEST_MARIADB_URL", f"mysql://root@127.0.0.1:3306/privacydesk_magento_{RUN}")
REDIS_URL = os.environ.get("PRIVACY_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")

SERVICES = {"PostgreSQL": ("127.0.0.1", 5432), "MariaDB": ("127.0.0.1", 3306), "Redis": ("127.0.0.1", 6379)}


def services_required() -> bool:
    return os.environ.get("PRIVACY_REQUIRE_SERVICES", "") not in {"", "0", "false", "no"}


def reachable(host: str, port: int, timeout: float = 1.0) -> bool:
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def unreachable_services() -> list[str]:
    return [name for name, (host, port) in SERVICES.items() if not reachable(host, port)]


def service_unavailable(reason: str):
    """Skip the calling test with reason, or fail it when services are required."""
    import pytest

    if services_required():
        pytest.fail(f"required service unavailable: {reason}", pytrace=False)
    pytest.skip(reason)


def main(argv: list[str]) -> int:
    missing = unreachable_services()
    if missing:
        line = f"services pass: {', '.join(missing)} unreachable on 127.0.0.1"
        if services_required():
            print(f"FAILED {line} (PRIVACY_REQUIRE_SERVICES=1)", file=sys.stderr)
            return 1
        print(f"SKIPPED {line}")
        return 0
    env = {
        **os.environ,
        "DATABASE_URL": POSTGRES_URL,
        "MAGENTO_DATABASE_URL": MARIADB_URL,
        "PRIVACY_TEST_REDIS_URL": REDIS_URL,
        "PRIVACY_SERVICES_PASS": "1",
        "PRIVACY_TEST_RUN_ID": RUN,
    }
    return subprocess.call([sys.executable, "-m", "pytest", *argv], env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
