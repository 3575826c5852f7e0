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

    def handle(self, *args, **options):
        self.stdout.write(demo_magento_prepare())
        locator_sync()
        added = demo_env_file_update(path=settings.BASE_DIR / ".env", values=demo_amazon_pay_environment())
        if added:
            self.stdout.write(f".env now points at the Amazon Pay simulator ({', '.join(added)})")
        self.stdout.write("\nStaff logins for http://127.0.0.1:8000/admin/ :")
        for login in demo_logins_ensure():
            self.stdout.write(f"  {login.username:<8} {login.password}   ({login.group})")
        self.stdout.write("\nFictional shop customers to try http://127.0.0.1:8000/ with:")
        for email in demo_sample_customers():
            self.stdout.write(f"  {email}")
        self.stdout.write("E-mails the demo sends land in var/mail/.")
