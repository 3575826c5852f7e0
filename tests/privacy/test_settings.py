"""Start-up configuration: every malformed value stops start-up naming the variable."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from privacy.config import new_key_entry

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "x" * 60,
    "PRIVACY_ENCRYPTION_KEYS": new_key_entry("prod1"),
    "PRIVACY_BLIND_INDEX_KEY": new_key_entry().partition(":")[2],
    "ALLOWED_HOSTS": "privacy.example.com",
    "REDIS_URL": "redis://127.0.0.1:6379/1",  # only named: nothing here reaches the cache
}


def start_django(env_overrides: dict, tmp_path: Path, code: str = "import django; django.setup(); print('started')"):
    env = {key: value for key, value in os.environ.items() if not key.startswith(("PRIVACY_", "AMAZON_PAY", "SECRET_KEY"))}
    env.pop("DATABASE_URL", None)
    env.pop("MAGENTO_DATABASE_URL", None)
    env.pop("REDIS_URL", None)
    env.update({"DJANGO_SETTINGS_MODULE": "privacy.settings", "PRIVACY_VAR_DIR": str(tmp_path / "var")})
    env.update(env_overrides)
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)


def test_debug_with_nothing_configured_generates_development_secrets_once(tmp_path):
    first = start_django({"DEBUG": "1"}, tmp_path)
    key_file = tmp_path / "var" / "dev-encryption-keys"
    kept = key_file.read_text()

    second = start_django({"DEBUG": "1"}, tmp_path)

    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    assert key_file.read_text() == kept


def test_production_settings_start_when_every_secret_is_given(tmp_path):
    result = start_django(PRODUCTION, tmp_path)

    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    "missing", ["SECRET_KEY", "PRIVACY_ENCRYPTION_KEYS", "PRIVACY_BLIND_INDEX_KEY"]
)
def test_production_refuses_to_start_without_a_secret(tmp_path, missing):
    env = {key: value for key, value in PRODUCTION.items() if key != missing}

    result = start_django(env, tmp_path)

    assert result.returncode != 0
    assert f"{missing} (or {missing}_FILE) must be set when DEBUG is off" in result.stderr


def test_production_refuses_to_start_without_a_cache_shared_by_every_web_process(tmp_path):
    # given production settings without REDIS_URL (each gunicorn worker would count rate limits on its own)
    env = {key: value for key, value in PRODUCTION.items() if key != "REDIS_URL"}

    # when Django starts
    result = start_django(env, tmp_path)

    # then it stops, naming the variable
    assert result.returncode != 0
    assert "REDIS_URL must be set when DEBUG is off" in result.stderr


def test_production_refuses_the_development_default_secret(tmp_path):
    start_django({"DEBUG": "1"}, tmp_path)
    dev_secret = (tmp_path / "var" / "dev-secret-key").read_text().strip()

    result = start_django({**PRODUCTION, "SECRET_KEY": dev_secret}, tmp_path)

    assert "SECRET_KEY is the development default" in result.stderr


def test_secret_can_come_from_a_file(tmp_path):
    secret_file = tmp_path / "secret"
    secret_file.write_text("y" * 60 + "\n")
    env = {key: value for key, value in PRODUCTION.items() if key != "SECRET_KEY"}

    result = start_django(
        {**env, "SECRET_KEY_FILE": str(secret_file)}, tmp_path,
        code="import django; django.setup(); from django.conf import settings; print(settings.SECRET_KEY == 'y' * 60)",
    )

    assert result.stdout.strip() == "True", result.stderr


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("DEBUG", "maybe", "DEBUG='maybe' is not a boolean"),
        ("DATABASE_URL", "postgress://x/y", "DATABASE_URL='postgress://x/y' is not a database URL"),
        ("MAGENTO_DATABASE_URL", "magento.sqlite", "MAGENTO_DATABASE_URL='magento.sqlite' is not a database URL"),
        ("CELERY_BROKER_URL", "localhost:6379", "CELERY_BROKER_URL='localhost:6379' is not a URL"),
        ("EMAIL_URL", "carrier-pigeon://coop", "EMAIL_URL='carrier-pigeon://coop' is not a mail URL"),
        ("AMAZON_PAY_REGION", "mars", "AMAZON_PAY_REGION='mars' is not one of na|eu|jp"),
        ("AMAZON_PAY_SANDBOX", "perhaps", "AMAZON_PAY_SANDBOX='perhaps' is not a boolean"),
        ("AMAZON_PAY_ENDPOINT", "ftp://sim", "AMAZON_PAY_ENDPOINT='ftp://sim' is not a URL"),
        ("PRIVACY_ENCRYPTION_KEYS", "k1:tooshort", "PRIVACY_ENCRYPTION_KEYS key 'k1' must be 32 bytes"),
        ("AMAZON_PAY_ENABLED", "1", "AMAZON_PAY_ENABLED=1 needs AMAZON_PAY_PUBLIC_KEY_ID"),
        ("PRIVACY_STORE_LANGUAGES", "de=es", "PRIVACY_STORE_LANGUAGES entry de=es: 'es' is not a language PrivacyDesk "
         "ships: use one of en|de|fr"),
        ("PRIVACY_STORE_LANGUAGES", "de:de", "PRIVACY_STORE_LANGUAGES entry 'de:de' is malformed: use store_code=language"),
        ("PRIVACY_STORE_LANGUAGES", "2=de", "PRIVACY_STORE_LANGUAGES entry 2=de: '2' is not a Magento store view code: "
         "use the store's code, not its id"),
    ],
)
def test_malformed_value_stops_start_up_naming_the_variable_and_the_form(tmp_path, variable, value, message):
    result = start_django({**PRODUCTION, variable: value}, tmp_path)

    assert result.returncode != 0
    assert message in result.stderr


PRINT_STORE_LANGUAGES = "import django; django.setup(); from django.conf import settings; print(settings.PRIVACY_STORE_LANGUAGES)"


def test_store_languages_map_magento_store_view_codes_to_the_languages_we_ship(tmp_path):
    result = start_django({**PRODUCTION, "PRIVACY_STORE_LANGUAGES": " de=de, fr_be=FR ,default=en"}, tmp_path, code=PRINT_STORE_LANGUAGES)

    assert result.stdout.strip() == "{'de': 'de', 'fr_be': 'fr', 'default': 'en'}", result.stderr


def test_without_store_languages_every_store_is_in_the_default_language(tmp_path):
    result = start_django(PRODUCTION, tmp_path, code=PRINT_STORE_LANGUAGES)

    assert result.stdout.strip() == "{}", result.stderr
