from django.core.management.base import BaseCommand, CommandError

from privacy import crypto, keys
from privacy.audit.actors import Actor


class Command(BaseCommand):
    help = (
        "Key ring maintenance. `rotate` re-wraps every live data key under the active key-encryption key "
        "(the first in PRIVACY_ENCRYPTION_KEYS); payloads are not touched. Run it after putting a new key "
        "first; remove the old key only once rotate reports nothing left under it."
    )

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        actions.add_parser("rotate").add_argument("--batch-size", type=int, default=500)

    def handle(self, *args, action, batch_size, **options):
        if batch_size < 1:
            raise CommandError(f"--batch-size {batch_size} must be at least 1.")
        count = keys.keys_rotate(batch_size=batch_size, actor=Actor.system("manage.py keys rotate"))
        self.stdout.write(f"Re-wrapped {count} data keys under key-encryption key {crypto.keyring().active_id}.")
