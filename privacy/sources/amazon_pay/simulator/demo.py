"""Assemble the simulator the way `manage.py amazon_pay_simulator` runs it for the demo."""

from collections.abc import Iterable
from pathlib import Path

from privacy.sources.amazon_pay.simulator.devkeys import DevKeyPair, dev_key_pair_ensure
from privacy.sources.amazon_pay.simulator.faults import FaultRule
from privacy.sources.amazon_pay.simulator.server import AmazonPaySimulator
from privacy.sources.amazon_pay.simulator.state import SimulatorState


def simulator_for_demo(
    *,
    address: tuple[str, int],
    key_directory: Path,
    from_magento: bool,
    faults: Iterable[FaultRule] = (),
    apply_retention: bool = True,
) -> tuple[AmazonPaySimulator, DevKeyPair]:
    """Return an unstarted simulator trusting the development key pair in `key_directory` (created once)."""
    keys = dev_key_pair_ensure(directory=key_directory)
    if from_magento:
        from privacy.sources.amazon_pay.simulator.magento import simulator_state_from_magento

        state = simulator_state_from_magento(apply_retention=apply_retention)
    else:
        state = SimulatorState(apply_retention=apply_retention)
    simulator = AmazonPaySimulator(
        public_keys={keys.public_key_id: keys.public_key()}, state=state, address=address, faults=faults
    )
    return simulator, keys
