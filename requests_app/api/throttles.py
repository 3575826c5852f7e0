"""Rate limits of the public endpoints (scope `intake`, rate in REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]).

Counted per client address and per e-mail address; the e-mail is counted by its blind index,
so the cache never holds an address in clear.
"""

from rest_framework.throttling import SimpleRateThrottle

from privacy.crypto import email_index
from requests_app.ratelimit import client_address


class IntakeAddressThrottle(SimpleRateThrottle):
    scope = "intake"
    cache_format = "throttle_%(scope)s_address_%(ident)s"

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": f"{self.scope}-{view.throttle_bucket}", "ident": client_address(request)}


class IntakeEmailThrottle(SimpleRateThrottle):
    scope = "intake"
    cache_format = "throttle_%(scope)s_email_%(ident)s"

    def get_cache_key(self, request, view):
        email = request.data.get("email") if hasattr(request.data, "get") else None
        if not isinstance(email, str) or not email.strip():
            return None  # nothing to count by: the address throttle still applies
        return self.cache_format % {"scope": self.scope, "ident": email_index(email)}
