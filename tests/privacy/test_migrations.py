"""Every change to a model, a label or an option included, comes with its migration."""

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_no_model_change_lacks_its_migration():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)  # exits non-zero when one is missing
