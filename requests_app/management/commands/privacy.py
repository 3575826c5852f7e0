from importlib import import_module

from django.core.management import BaseCommand

from requests_app.cli import SUBCOMMANDS


class Command(BaseCommand):
    help = (
        "Privacy requests from the shell: `submit` records one, `process` runs discovery and fulfilment now, "
        "`show` prints one. Run `privacy <subcommand> --help` for each."
    )

    def add_arguments(self, parser):
        subcommands = parser.add_subparsers(dest="subcommand", required=True, metavar="SUBCOMMAND")
        for name, path in SUBCOMMANDS.items():
            module = import_module(path)
            module.add_arguments(subcommands.add_parser(name, help=module.HELP, description=module.HELP))

    def handle(self, *args, subcommand, **options):
        import_module(SUBCOMMANDS[subcommand]).run(options, self.stdout)
