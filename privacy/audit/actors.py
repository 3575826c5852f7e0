"""Who did something, as the audit trail records it: a staff user, a customer through a token, or a job."""

from dataclasses import dataclass
from typing import Literal

ActorKind = Literal["staff", "customer", "system"]
ACTOR_KINDS = ("staff", "customer", "system")
MAX_ID_LENGTH = 150
MAX_LABEL_LENGTH = 150


@dataclass(frozen=True)
class Actor:
    """An actor of an audit event; ids and labels are never personal data of a data subject."""

    kind: ActorKind
    id: str
    label: str

    def __post_init__(self):
        if self.kind not in ACTOR_KINDS:
            raise ValueError(f"Actor kind {self.kind!r} is not one of {', '.join(ACTOR_KINDS)}.")
        if not self.id or len(self.id) > MAX_ID_LENGTH:
            raise ValueError(f"Actor id must be 1 to {MAX_ID_LENGTH} characters, got {len(self.id)}.")
        if len(self.label) > MAX_LABEL_LENGTH:
            raise ValueError(f"Actor label must be at most {MAX_LABEL_LENGTH} characters, got {len(self.label)}.")

    @classmethod
    def staff(cls, user) -> "Actor":
        return cls(kind="staff", id=str(user.pk), label=user.get_username()[:MAX_LABEL_LENGTH])

    @classmethod
    def customer(cls, token_hint: str) -> "Actor":
        """Return the customer acting through a status or verification token, named by a short hint of it."""
        return cls(kind="customer", id=token_hint, label=f"customer via token {token_hint}"[:MAX_LABEL_LENGTH])

    @classmethod
    def system(cls, job_name: str) -> "Actor":
        return cls(kind="system", id=job_name, label=job_name)
