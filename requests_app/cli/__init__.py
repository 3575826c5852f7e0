"""Subcommands of `manage.py privacy`, one small module each.

A module exposes HELP, add_arguments(parser) and run(options, stdout). Adding a subcommand
is one line here: its name and the module's dotted path (it may live in another app).
"""

SUBCOMMANDS = {
    "submit": "requests_app.cli.submit",
    "process": "requests_app.cli.process",
    "show": "requests_app.cli.show",
    "erase": "privacy.sources.erasure.cli",
    "discover": "privacy.sources.cli.discover",
    "locator-sync": "privacy.sources.cli.locator_sync",
    "opt-outs": "requests_app.rights.cli",
    "report": "requests_app.cli.report",
    "record": "requests_app.cli.record",
    "request-report": "requests_app.cli.request_report",
}
