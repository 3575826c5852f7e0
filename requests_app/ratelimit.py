"""A fixed-window rate limiter on Django's cache (Redis in production, local memory in the demo).

Counters are keyed by a scope and an opaque key (a client address or an e-mail blind index,
never a clear e-mail address), so the cache holds nothing personal in clear.
"""

import re
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

PERIOD_SECONDS = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "hour": 3600, "d": 86400, "day": 86400}
RATE_PATTERN = re.compile(r"^\s*(\d+)\s*/\s*([a-z]+)\s*$")


@dataclass(frozen=True)
class Rate:
    limit: int
    seconds: int


def rate_parse(text: str, *, setting: str) -> Rate:
    """Parse "N/period" (period s, m, h or d, e.g. "20/hour"), naming setting in the error."""
    match = RATE_PATTERN.match(text or "")
    if not match or match.group(2) not in PERIOD_SECONDS or int(match.group(1)) < 1:
        raise ImproperlyConfigured(
            f"{setting}={text!r} is not a rate: write a positive count and a period, e.g. 20/hour "
            "(periods: s, min, hour, day)."
        )
    return Rate(limit=int(match.group(1)), seconds=PERIOD_SECONDS[match.group(2)])


def _window_key(scope: str, key: str, rate: Rate, now) -> str:
    return f"ratelimit:{scope}:{key}:{window_of((now or timezone.now()).timestamp(), rate)}"


def window_of(timestamp: float, rate: Rate) -> int:
    """Return the number of the fixed window of rate that timestamp (seconds since the epoch) falls in."""
    return int(timestamp) // rate.seconds


def window_count_over(cache_key: str, rate: Rate) -> bool:
    """Count one attempt under cache_key (one key per window); return True when it goes over rate.

    One atomic increment in the cache (INCR on Redis), so concurrent attempts in several web
    processes are each counted: none reads a count another is about to change.
    """
    cache.add(cache_key, 0, timeout=rate.seconds + 1)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr: this attempt opens a fresh window
        cache.add(cache_key, 1, timeout=rate.seconds + 1)
        count = 1
    return count > rate.limit


def rate_limit_hit(*, scope: str, key: str, setting: str, now=None) -> bool:
    """Count one attempt for key in scope; return True when it goes over the rate in setting."""
    rate = rate_parse(getattr(settings, setting), setting=setting)
    return window_count_over(_window_key(scope, key, rate, now), rate)


def rate_limit_reached(*, scope: str, key: str, setting: str, now=None) -> bool:
    """Return True when key has used up its attempts in scope for this window, without counting one."""
    rate = rate_parse(getattr(settings, setting), setting=setting)
    return cache.get(_window_key(scope, key, rate, now), 0) >= rate.limit


def client_address(request) -> str:
    """Return the client's IP: REMOTE_ADDR, or the address PRIVACY_TRUSTED_PROXIES hops back in X-Forwarded-For."""
    proxies = settings.PRIVACY_TRUSTED_PROXIES
    forwarded = [part.strip() for part in request.headers.get("x-forwarded-for", "").split(",") if part.strip()]
    if proxies and forwarded:
        return forwarded[-min(proxies, len(forwarded))]
    return request.META.get("REMOTE_ADDR", "")
