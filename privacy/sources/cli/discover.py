"""`privacy discover`: where one person's data is in the shop database, without printing any of it."""

import json
from collections import Counter

from django.core.management import CommandError

from privacy.sources.base import SubjectLookupError
from privacy.sources.discovery import subject_discover, subject_identify

HELP = (
    "List every Magento row that belongs to the person with this e-mail (any case, guest or registered): "
    "table, primary key, data category and the columns holding data. Prints no personal values."
)


def add_arguments(parser) -> None:
    parser.add_argument("--email", required=True, help="The person's e-mail address.")
    parser.add_argument("--json", action="store_true", help='Print one object: {"rows": [{table, pk, category, columns}]}.')


def run(options: dict, stdout) -> None:
    try:
        subject = subject_identify(email=options["email"])
    except SubjectLookupError as error:
        raise CommandError(f"--{error.field.replace('_', '-')}: {error}") from None
    findings = subject_discover(subject=subject)
    if options["json"]:
        stdout.write(json.dumps({"rows": [finding.as_dict() for finding in findings]}))
        return
    for line in summary_lines(subject, findings):
        stdout.write(line)


def summary_lines(subject, findings) -> list[str]:
    tables = Counter(finding.table for finding in findings)
    categories = Counter(finding.category for finding in findings)
    lines = [
        f"{len(findings)} rows in {len(tables)} tables: {len(subject.customer_ids)} customer accounts, "
        f"{len(subject.order_ids)} orders, {len(subject.amazon_buyer_ids)} Amazon buyer ids."
    ]
    lines += [f"  {table:<40} {count:>6}" for table, count in sorted(tables.items())]
    lines.append("By category:")
    lines += [f"  {category:<40} {count:>6}" for category, count in sorted(categories.items())]
    return lines
