"""Errors the request services raise; every message says what is wrong and what to do instead."""

from requests_app.deadlines import ExtensionRefused
from requests_app.states import TransitionRefused

__all__ = ["ExtensionRefused", "FulfilmentUnavailable", "SecondFactorRequired", "TransitionRefused", "VerificationFailed"]


class VerificationFailed(Exception):
    """A link or second factor did not prove control; the message is safe to show the requester."""


class SecondFactorRequired(VerificationFailed):
    """The link is good, but this kind of request also needs the order number and its billing postcode."""


class FulfilmentUnavailable(Exception):
    """No fulfilment is installed for this kind of request yet; it waits in review."""
