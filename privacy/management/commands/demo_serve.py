from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from privacy.demo.services import SIMULATOR_ADDRESS
from privacy.sources.amazon_pay.simulator.demo import simulator_for_demo


class Command(BaseCommand):
    help = (
        "Serve the demo (run by `make demo`): the Amazon Pay simulator filled from the demo shop, in a "
        "background thread, and Django's development server. Never use it in production."
    )

    def add_arguments(self, parser):
        parser.add_argument("--addr", default="127.0.0.1:8000", help="host:port for the web server")

    def handle(self, *args, addr, **options):
        simulator = None
        if settings.AMAZON_PAY_ENABLED:
            host, _, port = SIMULATOR_ADDRESS.rpartition(":")
            simulator, _ = simulator_for_demo(
                address=(host, int(port)), key_directory=settings.VAR_DIR / "amazon-pay", from_magento=True
            )
            simulator.start()
            self.stdout.write(f"Amazon Pay simulator on {simulator.base_url}")
        try:
            call_command("runserver", addr, use_reloader=False)
        finally:
            if simulator is not None:
                simulator.stop()
