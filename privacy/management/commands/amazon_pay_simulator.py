import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from privacy.sources.amazon_pay.simulator.demo import simulator_for_demo
from privacy.sources.amazon_pay.simulator.faults import FaultRule


class Command(BaseCommand):
    help = (
        "Serve a local Amazon Pay API v2 simulator (demo and manual tests; never production). It checks every "
        "signature against a development key pair kept in var/amazon-pay/, answers for the Magento shop's Amazon "
        "Pay references with --from-magento, and fails on purpose with --fault KIND[:COUNT[:REFERENCE]] "
        "(throttle, server_error, unavailable, slow, malformed, reset). Stop it with Ctrl-C."
    )

    def add_arguments(self, parser):
        parser.add_argument("--addr", default="127.0.0.1:8765", help="host:port to listen on (port 0: any free port)")
        parser.add_argument("--from-magento", action="store_true", help="load references from the Magento database")
        parser.add_argument("--key-dir", default=str(settings.VAR_DIR / "amazon-pay"), help="development key pair")
        parser.add_argument("--fault", action="append", default=[], help="KIND[:COUNT[:REFERENCE]], repeatable")
        parser.add_argument("--no-retention", action="store_true", help="ignore Amazon's 30/180-day rules")
        parser.add_argument("--json", action="store_true", dest="as_json", help="print the settings as one JSON line")

    def handle(self, *args, addr, from_magento, key_dir, fault, no_retention, as_json, **options):
        host, _, port = addr.rpartition(":")
        if not host or not port.isdigit():
            raise CommandError(f"--addr {addr!r} is not host:port, e.g. 127.0.0.1:8765")
        try:
            faults = [FaultRule.parse(text) for text in fault]
        except ValueError as error:
            raise CommandError(str(error)) from None
        simulator, keys = simulator_for_demo(
            address=(host, int(port)),
            key_directory=Path(key_dir),
            from_magento=from_magento,
            faults=faults,
            apply_retention=not no_retention,
        )
        environment = {
            "AMAZON_PAY_ENABLED": "1",
            "AMAZON_PAY_ENDPOINT": simulator.base_url,
            "AMAZON_PAY_PUBLIC_KEY_ID": keys.public_key_id,
            "AMAZON_PAY_PRIVATE_KEY_PATH": str(keys.private_key_path),
        }
        counts = simulator.state.counts()
        if as_json:
            self.stdout.write(
                json.dumps({"base_url": simulator.base_url, "references": counts, "environment": environment})
            )
        else:
            summary = ", ".join(f"{count} {name}" for name, count in counts.items())
            self.stdout.write(
                f"Amazon Pay simulator on {simulator.base_url} ({summary}); public key {keys.public_key_path}"
            )
            self.stdout.write(
                "Point PrivacyDesk at it with:\n" + "\n".join(f"  {k}={v}" for k, v in environment.items())
            )
        self.stdout.flush()
        try:
            simulator.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            simulator.stop()
