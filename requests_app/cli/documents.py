"""How the report subcommands hand over a document: to standard output, or to the file named by --output."""

import json
from pathlib import Path

from django.core.management import CommandError


def output_argument(parser) -> None:
    parser.add_argument("--output", metavar="FILE", help="Write the document to FILE instead of standard output.")


def document_write(document, *, options: dict, stdout, what: str) -> None:
    """Write document (text, or a dict for JSON) where options say; a file gets a one-line confirmation."""
    text = document if isinstance(document, str) else json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    if not options.get("output"):
        stdout.write(text, ending="")
        return
    path = Path(options["output"])
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as error:
        raise CommandError(f"--output: cannot write {path} ({error.strerror}); give a writable file path.") from None
    stdout.write(f"Wrote {what} to {path} ({len(text.encode())} bytes).")
