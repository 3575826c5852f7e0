"""Rate limits of the public endpoints (scope `intake`, rate in REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]).

Counted per client address and per e-mail address; the e-mail is counted by its blind index,
so the cache never holds an address in clear.
"""

from rest_framework.throttling import SimpleRateThrottle

from privacy.crypto import email_index
from requests_app.ratelimit import Rate, client_address, window_count_over, window_of


class WindowRateThrottle(SimpleRateThrottle):
    """DRF's rates and cache keys, counted by one atomic increment per request in a fixed window.

    SimpleRateThrottle reads a list of past request times and writes it back: requests arriving
    together in several web processes all read the same list, and all pass. An increment in the
    shared cache (requests_app.ratelimit) counts each of them, so at most the rate gets through.
    """

    def allow_request(self, request, view):
        if self.rate is None:
            return True
        self.key = self.get_cache_key(request, view)
        if self.key is None:
            return True
        self.now = self.timer()
        rate = Rate(limit=self.num_requests, seconds=self.duration)
        return not window_count_over(f"{self.key}:{window_of(self.now, rate)}", rate)

    def wait(self):
        """Seconds until the current window ends (the Retry-After of a 429)."""
        return self.duration - self.now % self.duration


class IntakeAddressThrottle(WindowRateThrottle):
    scope = "intake"
    cache_format = "throttle_%(scope)s_address_%(ident)s"

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": f"{self.scope}-{view.throttle_bucket}", "ident": client_address(request)}


class IntakeEmailThrottle(WindowRateThrottle):
    scope = "intake"
    cache_format = "throttle_%(scope)s_email_%(ident)s"

    def get_cache_key(self, request, view):
        email = request.data.get("email") if hasattr(request.data, "get") else None
        if not isinstance(email, str) or not email.strip():
            return None  # nothing to count by: the address throttle still applies
        return self.cache_format % {"scope": self.scope, "ident": email_index(email)}
