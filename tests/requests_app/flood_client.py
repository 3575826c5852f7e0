"""The flood of tests/requests_app/test_load.py, run as its own process: `python -m tests.requests_app.flood_client
URL FLOOD CLIENTS OTHERS` fires FLOOD intake submissions (each for its own address) from 127.0.0.1 over CLIENTS
concurrent connections; once CLIENTS of them are answered, another user on 127.0.0.2 submits OTHERS requests one
after the other. Prints one JSON line: the flood's statuses, its start and end (seconds since the epoch), the other
user's statuses, and for each of the other user's answers how many flood submissions were still unanswered."""

import json
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

from tests.requests_app.load_client import post_submission, statuses


class Flood:
    def __init__(self, url: str, size: int, clients: int):
        self.target, self.size, self.clients = urlsplit(url), size, clients
        self.answered, self.lock, self.under_way = 0, threading.Lock(), threading.Event()

    def submit(self, index: int) -> tuple[int, float]:
        answer = post_submission(self.target, f"flood-{index}@example.com", source="127.0.0.1")
        with self.lock:
            self.answered += 1
            if self.answered >= self.clients:
                self.under_way.set()
        return answer

    def unanswered(self) -> int:
        with self.lock:
            return self.size - self.answered

    def other_user(self, count: int) -> list[tuple[int, int]]:
        """Wait until the flood is under way, then submit count requests from 127.0.0.2: (status, flood unanswered)."""
        self.under_way.wait(timeout=300)
        answers = []
        for index in range(count):
            status, _ = post_submission(self.target, f"other-{index}@example.com", source="127.0.0.2")
            answers.append((status, self.unanswered()))
        return answers


def main(url: str, size: int, clients: int, others: int) -> None:
    flood = Flood(url, size, clients)
    with ThreadPoolExecutor(max_workers=clients + 1) as pool:
        other = pool.submit(flood.other_user, others)
        started = time.time()
        answers = list(pool.map(flood.submit, range(size)))
        ended = time.time()
        other_answers = other.result()
    print(json.dumps({"flood": statuses(answers), "started": started, "ended": ended,
                      "other": statuses(other_answers), "flood_unanswered": [left for _, left in other_answers]}))  # fmt: skip


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))
