"""One sealing task per window across every process that appends, agreed through Redis.

Each committing process used to queue its own delayed sealing task every half second: eight web
or worker processes appending meant sixteen tasks a second, each paying a sealing run's fixed
cost to seal a handful of events. Now the first process of a window claims it in Redis
(`SET NX PX`) and queues the task; the others learn how long the window has left and ask again
only after it. The window closes before the task's countdown ends, so an event committed by
another process inside it is committed before the task reads. A clock between hosts running
fast by more than that margin makes a task read early: the events it misses ride on the next
task or the beat's sealing a minute later, never lost.

Without REDIS_URL (development, tests), or when Redis does not answer, every process keeps its
own window, as before.
"""

import logging
from functools import lru_cache

from django.conf import settings

logger = logging.getLogger(__name__)

WINDOW_KEY = "privacydesk:audit:sealing-window"


def window_claim(*, window_seconds: float) -> float:
    """Claim the shared sealing window; return 0.0 if this process claimed it (and must queue the
    task), else the seconds left of the window another process claimed."""
    client = _client(settings.REDIS_URL)
    if client is None:
        return 0.0
    import redis

    try:
        with client.pipeline(transaction=False) as pipe:
            pipe.set(WINDOW_KEY, 1, nx=True, px=int(window_seconds * 1000))
            pipe.pttl(WINDOW_KEY)
            claimed, left_ms = pipe.execute()
    except redis.RedisError:
        logger.warning("audit: Redis did not answer for the sealing window; this process queues its own task")
        return 0.0
    return 0.0 if claimed else max(left_ms, 0) / 1000


@lru_cache(maxsize=2)
def _client(url: str | None):
    if not url:
        return None
    import redis

    return redis.Redis.from_url(url, socket_timeout=0.5, socket_connect_timeout=0.5)
