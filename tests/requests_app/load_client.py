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


def _post(url, index: int) -> tuple[int, float]:
    body = json.dumps(
        {"kind": "access", "email": f"load-{index}@example.com", "jurisdiction": "gdpr"}
    )
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
    started = time.perf_counter()
    try:
        connection.request(
            "POST", "/api/v1/requests/", body, {"Content-Type": "application/json"}
        )
        status = connection.getresponse().status
    except OSError:
        status = 0
    finally:
        connection.close()
    return status, time.perf_counter() - started


def main(url: str, requests: int, clients: int) -> None:
    target = urlsplit(url)
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        answers = list(pool.map(lambda index: _post(target, index), range(requests)))
    elapsed = time.perf_counter() - started
    latencies = sorted(seconds for _, seconds in answers)
    print(json.dumps({"statuses": dict(Counter(str(status) for status, _ in answers)), "seconds": round(elapsed, 2),
                      "requests_per_second": round(requests / elapsed, 1),
                      "p95_ms": round(latencies[int(0.95 * (len(latencies) - 1))] * 1000, 1)}))  # fmt: skip


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
