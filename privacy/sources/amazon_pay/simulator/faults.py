"""Fault switches: make the next N matching calls fail the way a real outage does."""

import threading
from dataclasses import asdict, dataclass

# kind -> the status answered instead of running the operation, or None when the operation
# runs and only its answer is spoiled (the nasty case: Amazon did it, the client never heard).
FAULT_KINDS = {
    "throttle": 429,  # TooManyRequests
    "server_error": 500,  # InternalServerError
    "unavailable": 503,  # ServiceUnavailable
    "slow": None,  # answered after `delay` seconds: the client times out
    "malformed": None,  # answered 200 with the JSON body cut in half
    "reset": None,  # the TCP connection is reset, no answer at all
}
FAULT_ANSWERS = {
    429: {"reasonCode": "TooManyRequests", "message": "You submitted requests too quickly."},
    500: {"reasonCode": "InternalServerError", "message": "There was an unknown error in the service."},
    503: {"reasonCode": "ServiceUnavailable", "message": "The service is temporarily unavailable."},
}


@dataclass
class FaultRule:
    kind: str
    count: int = 1
    reference: str | None = None  # only calls whose path names this id
    operation: str | None = None  # only this operation, e.g. "charge_permission_close"
    delay: float = 5.0  # seconds, for "slow"

    def __post_init__(self):
        if self.kind not in FAULT_KINDS:
            raise ValueError(f"fault kind {self.kind!r} is not one of {', '.join(FAULT_KINDS)}")
        if self.count < 1:
            raise ValueError(f"fault count must be at least 1, got {self.count}")

    @classmethod
    def parse(cls, text: str) -> "FaultRule":
        """Read `KIND[:COUNT[:REFERENCE]]`, the command-line form (e.g. `throttle:2:S01-5105180-3221187`)."""
        kind, _, rest = text.partition(":")
        count, _, reference = rest.partition(":")
        try:
            return cls(kind=kind, count=int(count or 1), reference=reference or None)
        except ValueError as error:
            raise ValueError(f"--fault {text!r}: {error}; use KIND[:COUNT[:REFERENCE]]") from None

    def matches(self, operation: str, references: tuple[str, ...]) -> bool:
        return (self.operation in (None, operation)) and (self.reference is None or self.reference in references)

    def as_dict(self) -> dict:
        return asdict(self)


class FaultBook:
    def __init__(self, rules=()):
        self._rules: list[FaultRule] = list(rules)
        self._lock = threading.Lock()

    def add(self, rule: FaultRule) -> None:
        with self._lock:
            self._rules.append(rule)

    def clear(self) -> None:
        with self._lock:
            self._rules.clear()

    def rules(self) -> list[dict]:
        with self._lock:
            return [rule.as_dict() for rule in self._rules]

    def take(self, operation: str, references: tuple[str, ...]) -> FaultRule | None:
        """Use up one call of the first matching rule and return it (None: answer normally)."""
        with self._lock:
            for rule in self._rules:
                if rule.matches(operation, references):
                    rule.count -= 1
                    if rule.count == 0:
                        self._rules.remove(rule)
                    return rule
        return None
