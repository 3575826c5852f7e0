"""`manage.py privacy` subcommands of the personal-data sources (registered in requests_app.cli)."""
