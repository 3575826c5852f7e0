from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from privacy.demo.services import (
    demo_amazon_pay_environment,
    demo_env_file_update,
    demo_logins_ensure,
    demo_magento_prepare,
    demo_sample_customers,
)
from privacy.sources.locator import locator_sync


class Command(BaseCommand):
    help = (
        "Prepare the demo (run by `make demo`, safe to repeat): seed the demo Magento SQLite database once, "
        "point .env at the local Amazon Pay simulator, create the staff logins and print them."
    )
    # The system checks would look at the shop database before this command creates it, and warn that every table
    # of the data map is missing; `demo_serve`, which `make demo` runs next, checks the seeded shop.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--env-file", type=Path, default=None,
                            help="the .env file to point at the Amazon Pay simulator (default: .env beside manage.py)")  # fmt: skip

    def handle(self, *args, env_file: Path | None = None, **options):
        self.stdout.write(demo_magento_prepare())
        locator_sync()
        env_file = env_file or settings.BASE_DIR / ".env"
        added = demo_env_file_update(path=env_file, values=demo_amazon_pay_environment())
        if added:
            self.stdout.write(f"{env_file.name} now points at the Amazon Pay simulator ({', '.join(added)})")
        self.stdout.write("\nStaff logins for http://127.0.0.1:8000/admin/ :")
        for login in demo_logins_ensure():
            self.stdout.write(f"  {login.username:<8} {login.password}   ({login.group})")
        self.stdout.write("\nFictional shop customers to try http://127.0.0.1:8000/ with:")
        for email in demo_sample_customers():
            self.stdout.write(f"  {email}")
        self.stdout.write("E-mails the demo sends land in var/mail/.")
