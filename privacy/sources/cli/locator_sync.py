"""`privacy locator-sync`: bring the blind index of unindexed Magento columns up to date."""

import json

from privacy.sources.locator import locator_sync

HELP = (
    "Read new and changed rows of the Magento columns the shop never indexed (guest e-mails on orders and carts, "
    "Amazon Pay async ids) into PrivacyDesk's blind index. Run once after installation; beat repeats it every 5 minutes."
)


def add_arguments(parser) -> None:
    parser.add_argument("--json", action="store_true", help="Print one object: rows read per table.column.")


def run(options: dict, stdout) -> None:
    read = locator_sync()
    if options["json"]:
        stdout.write(json.dumps({"read": read}))
        return
    stdout.write(f"Locator synced: {sum(read.values())} rows read ({', '.join(f'{k} {v}' for k, v in read.items())}).")
