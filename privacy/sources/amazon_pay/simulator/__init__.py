"""A local stand-in for the Amazon Pay API v2, for the demo and the tests (see server.py)."""

from privacy.sources.amazon_pay.simulator.auth import Accepted, Rejected, SignatureChecker
from privacy.sources.amazon_pay.simulator.devkeys import DevKeyPair, dev_key_pair_ensure, public_key_id_for
from privacy.sources.amazon_pay.simulator.faults import FAULT_KINDS, FaultRule
from privacy.sources.amazon_pay.simulator.server import AmazonPaySimulator, Call
from privacy.sources.amazon_pay.simulator.state import (
    SimBuyer,
    SimCharge,
    SimChargePermission,
    SimRefund,
    SimulatorState,
)

__all__ = [
    "FAULT_KINDS",
    "Accepted",
    "AmazonPaySimulator",
    "Call",
    "DevKeyPair",
    "FaultRule",
    "Rejected",
    "SignatureChecker",
    "SimBuyer",
    "SimCharge",
    "SimChargePermission",
    "SimRefund",
    "SimulatorState",
    "dev_key_pair_ensure",
    "public_key_id_for",
]
