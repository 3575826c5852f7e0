"""The load generator of tests/requests_app/test_load.py, run as its own process: `python -m
tests.requests_app.load_client URL REQUESTS CLIENTS` posts REQUESTS intake submissions (each a unique address)
from CLIENTS concurrent connections and prints one JSON line: statuses, requests per second, p95 in ms."""

import http.client
import json
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit


def post_submission(url, email: str, *, source: str = "127.0.0.1") -> tuple[int, float]:
    """POST one access request for email from the loopback address source; return (status, seconds).

    Status 0 means the connection failed. Each call opens its own connection, as separate clients do.
    """
    body = json.dumps({"kind": "access", "email": email, "jurisdiction": "gdpr"})
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=60, source_address=(source, 0))
    started = time.perf_counter()
    try:
        connection.request("POST", "/api/v1/requests/", body, {"Content-Type": "application/json"})
        status = connection.getresponse().status
    except OSError:
        status = 0
    finally:
        connection.close()
    return status, time.perf_counter() - started


def statuses(answers) -> dict[str, int]:
    return dict(Counter(str(status) for status, _ in answers))


def main(url: str, requests: int, clients: int) -> None:
    target = urlsplit(url)
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        answers = list(pool.map(lambda index: post_submission(target, f"load-{index}@example.com"), range(requests)))
    elapsed = time.perf_counter() - started
    latencies = sorted(seconds for _, seconds in answers)
    print(json.dumps({"statuses": statuses(answers), "seconds": round(elapsed, 2),
                      "requests_per_second": round(requests / elapsed, 1),
                      "p95_ms": round(latencies[int(0.95 * (len(latencies) - 1))] * 1000, 1)}))  # fmt: skip


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
