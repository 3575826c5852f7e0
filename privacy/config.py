"""Strict readers for settings: every bad value stops start-up naming the variable and the form.

django-environ parses URLs; these wrappers add the checks it does not make (it reads
"maybe" as False, for instance) and the `<NAME>_FILE` and development-default rules.
"""

import base64
import os
import re
import secrets
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

env = environ.Env()

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def _raw(name):
    value = os.environ.get(name)
    return None if value is None else value.strip()


def read_bool(name: str, *, default: bool) -> bool:
    value = _raw(name)
    if value is None:
        return default
    if value.lower() in TRUE_WORDS:
        return True
    if value.lower() in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(f"{name}={value!r} is not a boolean: use 1/0, true/false, yes/no or on/off.")


def read_int(name: str, *, default: int, minimum: int = 0) -> int:
    value = _raw(name)
    if value is None or value == "":
        return default
    try:
        number = int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r} is not a whole number: use digits, e.g. {name}={default}.") from None
    if number < minimum:
        raise ImproperlyConfigured(f"{name}={number} is below the minimum {minimum}.")
    return number


def read_choice(name: str, *, choices: tuple[str, ...], default: str) -> str:
    value = _raw(name)
    if value is None or value == "":
        return default
    if value.lower() not in choices:
        raise ImproperlyConfigured(f"{name}={value!r} is not one of {'|'.join(choices)}.")
    return value.lower()


def read_list(name: str, *, default: list[str]) -> list[str]:
    value = _raw(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def read_pairs(name: str, *, default: dict[str, str], form: str = "key=value,key=value") -> dict[str, str]:
    """Read `key=value,key=value` (keys distinct, neither side empty) into a dict."""
    value = _raw(name)
    if value is None:
        return default
    pairs: dict[str, str] = {}
    for item in filter(None, (part.strip() for part in value.split(","))):
        key, sep, text = (part.strip() for part in item.partition("="))
        if not (sep and key and text) or key in pairs:
            raise ImproperlyConfigured(f"{name} entry {item!r} is malformed: use {form} with distinct keys.")
        pairs[key] = text
    return pairs


# Magento's own rule for a store view code: a letter, then letters, digits or underscores.
MAGENTO_STORE_CODE = re.compile(r"[A-Za-z][A-Za-z0-9_]*")


def read_store_languages(name: str, *, languages: tuple[str, ...]) -> dict[str, str]:
    """Read `store_code=language,...` (Magento store view codes, languages we ship) into a dict; unset: {}."""
    pairs = read_pairs(name, default={}, form="store_code=language,store_code=language (e.g. de=de,fr=fr)")
    for store, language in pairs.items():
        if not MAGENTO_STORE_CODE.fullmatch(store):
            raise ImproperlyConfigured(
                f"{name} entry {store}={language}: {store!r} is not a Magento store view code: use the store's code, "
                "not its id or name (Stores > All Stores in Magento's admin, or SELECT code FROM store)."
            )
        if language.lower() not in languages:
            raise ImproperlyConfigured(
                f"{name} entry {store}={language}: {language!r} is not a language PrivacyDesk ships: use one of "
                f"{'|'.join(languages)} (stores not listed get LANGUAGE_CODE)."
            )
    return {store: language.lower() for store, language in pairs.items()}


def read_url(name: str, *, default: str | None, schemes: tuple[str, ...] = ("http", "https")) -> str | None:
    value = _raw(name)
    if not value:
        return default
    scheme, sep, rest = value.partition("://")
    if not sep or scheme not in schemes or not rest:
        raise ImproperlyConfigured(f"{name}={value!r} is not a URL: use {schemes[0]}://host[:port][/path].")
    return value.rstrip("/")


def read_database(name: str, *, default: str) -> dict:
    value = _raw(name) or default
    scheme = value.partition("://")[0]
    known = {"sqlite", "postgres", "postgresql", "pgsql", "psql", "mysql", "mysql2", "mariadb"}
    if "://" not in value or scheme not in known:
        raise ImproperlyConfigured(
            f"{name}={value!r} is not a database URL: use sqlite:////abs/path.sqlite3, "
            "postgres://user:password@host:5432/name or mysql://user:password@host:3306/name."
        )
    if scheme == "mariadb":
        value = "mysql" + value[len("mariadb"):]
    config = environ.Env.db_url_config(value)
    if config["ENGINE"] != "django.db.backends.sqlite3" and not config.get("NAME"):
        raise ImproperlyConfigured(f"{name}={value!r} names no database: add /name after the host.")
    return config


def read_email(name: str, *, default_dir: Path) -> dict:
    """Return Django's MAILERS entry for the mail URL in name (default: .eml files under default_dir)."""
    value = _raw(name)
    if not value:
        return {"BACKEND": "django.core.mail.backends.filebased.EmailBackend", "OPTIONS": {"file_path": str(default_dir)}}
    try:
        parsed = environ.Env.email_url_config(value)
    except Exception as error:  # django-environ raises bare errors for unknown schemes
        raise ImproperlyConfigured(
            f"{name}={value!r} is not a mail URL: use smtp://user:password@host:25, "
            "smtp+tls://user:password@host:587 or consolemail://."
        ) from error
    backend = parsed["EMAIL_BACKEND"]
    if not backend.endswith("smtp.EmailBackend"):
        return {"BACKEND": backend}
    options = {
        "host": parsed.get("EMAIL_HOST") or "localhost",
        "port": parsed.get("EMAIL_PORT") or 25,
        "username": parsed.get("EMAIL_HOST_USER") or "",
        "password": parsed.get("EMAIL_HOST_PASSWORD") or "",
        "use_tls": bool(parsed.get("EMAIL_USE_TLS")),
        "use_ssl": bool(parsed.get("EMAIL_USE_SSL")),
        "timeout": 20,
    }
    return {"BACKEND": backend, "OPTIONS": options}


def read_secret(name: str, *, debug: bool, dev_file: Path, generate) -> str:
    """Return NAME, else the contents of NAME_FILE, else (DEBUG only) a value generated once into dev_file."""
    value = _raw(name)
    file_name = _raw(f"{name}_FILE")
    if value and file_name:
        raise ImproperlyConfigured(f"Set either {name} or {name}_FILE, not both.")
    if file_name:
        path = Path(file_name)
        if not path.is_file():
            raise ImproperlyConfigured(f"{name}_FILE={file_name!r} is not a readable file.")
        value = path.read_text().strip()
        if not value:
            raise ImproperlyConfigured(f"{name}_FILE={file_name!r} is empty.")
    if value:
        if not debug and dev_file.exists() and dev_file.read_text().strip() == value:
            raise ImproperlyConfigured(f"{name} is the development default from {dev_file}: set a real secret for production.")
        return value
    if not debug:
        raise ImproperlyConfigured(f"{name} (or {name}_FILE) must be set when DEBUG is off.")
    return _development_default(dev_file, generate)


def _development_default(path: Path, generate) -> str:
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(generate() + "\n")
        path.chmod(0o600)
    return path.read_text().strip()


def new_secret_key() -> str:
    return secrets.token_urlsafe(50)


def new_key_entry(key_id: str = "k1") -> str:
    return f"{key_id}:{base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()}"
