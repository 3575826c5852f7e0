"""The one settings module. Every value comes from the environment (or a .env file).

See README.md "Configuration" for the table of variables.
"""

from pathlib import Path

import environ
from celery.schedules import crontab

from privacy import config, crypto
from privacy.config import (
    read_bool, read_choice, read_database, read_int, read_list, read_pairs, read_secret, read_store_languages, read_url,
)

BASE_DIR = Path(__file__).resolve().parent.parent
if (BASE_DIR / ".env").is_file():
    environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

VAR_DIR = Path(config.env.str("PRIVACY_VAR_DIR", default=str(BASE_DIR / "var")))
DEBUG = read_bool("DEBUG", default=False)

SECRET_KEY = read_secret("SECRET_KEY", debug=DEBUG, dev_file=VAR_DIR / "dev-secret-key", generate=config.new_secret_key)
PRIVACY_ENCRYPTION_KEYS = read_secret(
    "PRIVACY_ENCRYPTION_KEYS", debug=DEBUG, dev_file=VAR_DIR / "dev-encryption-keys", generate=config.new_key_entry
)
PRIVACY_BLIND_INDEX_KEY = read_secret(
    "PRIVACY_BLIND_INDEX_KEY",
    debug=DEBUG,
    dev_file=VAR_DIR / "dev-blind-index-key",
    generate=lambda: config.new_key_entry().partition(":")[2],
)

# Validate the key material now, so a malformed key stops start-up rather than the first encryption.
crypto.parse_key_list(PRIVACY_ENCRYPTION_KEYS, variable="PRIVACY_ENCRYPTION_KEYS")
crypto.parse_single_key(PRIVACY_BLIND_INDEX_KEY, variable="PRIVACY_BLIND_INDEX_KEY")

ALLOWED_HOSTS = read_list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = read_list("CSRF_TRUSTED_ORIGINS", default=[])
PRIVACY_SITE_URL = read_url("PRIVACY_SITE_URL", default="http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "privacy",
    "privacy.audit",
    "privacy.sources",
    "privacy.sources.magento",
    "privacy.sources.erasure",
    "requests_app",
    "requests_app.rights",
    "retention",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "privacy.urls"
WSGI_APPLICATION = "privacy.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Databases: the app's own, and the shop's Magento database behind a router.
SQLITE_OPTIONS = {"timeout": 30, "transaction_mode": "IMMEDIATE", "init_command": "PRAGMA journal_mode=WAL;"}
MYSQL_OPTIONS = {
    "charset": "utf8mb4", "init_command": "SET sql_mode='STRICT_TRANS_TABLES', innodb_lock_wait_timeout=10",
    "multi_statements": False,
}


def _database(variable: str, default_file: str) -> dict:
    database = read_database(variable, default=f"sqlite:///{VAR_DIR / default_file}")
    engine = database["ENGINE"]
    if engine.endswith("sqlite3"):
        database["OPTIONS"] = {**SQLITE_OPTIONS, **database.get("OPTIONS", {})}
    elif engine.endswith("mysql"):
        database["OPTIONS"] = {**MYSQL_OPTIONS, **database.get("OPTIONS", {})}
    database["CONN_MAX_AGE"] = read_int("DATABASE_CONN_MAX_AGE", default=0)
    return database


DATABASES = {
    "default": _database("DATABASE_URL", "privacydesk.sqlite3"),
    "magento": _database("MAGENTO_DATABASE_URL", "magento-demo.sqlite3"),
}
DATABASE_ROUTERS = ["privacy.sources.magento.router.MagentoRouter"]
# mysqlclient accepts several statements in one packet unless told not to: only the shop's connection does, where
# batch.results sends a level of discovery's reads and an erasure's writes as one round trip each (every value a
# bound parameter, every name checked by finder.quote). MAGENTO_MULTI_STATEMENTS=0 turns it off there too, and the
# same statements go one by one.
MAGENTO_MULTI_STATEMENTS = read_bool("MAGENTO_MULTI_STATEMENTS", default=True)
if DATABASES["magento"]["ENGINE"].endswith("mysql"):
    DATABASES["magento"]["OPTIONS"]["multi_statements"] = MAGENTO_MULTI_STATEMENTS
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("de", "Deutsch"), ("fr", "Français")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = config.env.str("TIME_ZONE", default="UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_ROOT = VAR_DIR / "media"
PRIVACY_EXPORT_DIR = VAR_DIR / "exports"

# Mail
MAILERS = {"default": config.read_email("EMAIL_URL", default_dir=VAR_DIR / "mail")}
DEFAULT_FROM_EMAIL = config.env.str("DEFAULT_FROM_EMAIL", default="privacy@localhost")
PRIVACY_STAFF_EMAILS = read_list("PRIVACY_STAFF_EMAILS", default=[])

# Celery: no broker means tasks run eagerly in-process (demo, quick tests).
CELERY_BROKER_URL = read_url("CELERY_BROKER_URL", default=None, schemes=("redis", "rediss", "amqp", "amqps"))
CELERY_TASK_ALWAYS_EAGER = CELERY_BROKER_URL is None
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE: dict = {}
# Personal-data sources: the locator (blind index of the shop columns Magento never indexed).
CELERY_BEAT_SCHEDULE["sync-source-locator"] = {
    "task": "privacy.sources.tasks.sync_source_locator_task",
    "schedule": 300.0,  # every 5 minutes: guest e-mails of new or changed orders and carts, Amazon Pay async ids
}
# The locator's change window (docs/data-map.md): how far a writer that sets change times from its own clock may lag
# the shop database's clock, and how old a sync may be before a discovery brings it up to date first.
PRIVACY_LOCATOR_CLOCK_ALLOWANCE_SECONDS = read_int("PRIVACY_LOCATOR_CLOCK_ALLOWANCE_SECONDS", default=5, minimum=0)
PRIVACY_LOCATOR_CATCH_UP_SECONDS = read_int("PRIVACY_LOCATOR_CATCH_UP_SECONDS", default=2, minimum=0)

# Audit trail: events are sealed into the hash chain after they commit; subject keys are
# shredded when the record-keeping period ends (CCPA regulations §7101: at least 24 months).
PRIVACY_RECORD_KEEPING_MONTHS = read_int("PRIVACY_RECORD_KEEPING_MONTHS", default=24, minimum=1)
CELERY_BEAT_SCHEDULE["seal-audit-events"] = {
    "task": "privacy.audit.tasks.seal_audit_events_task",
    "schedule": 60.0,  # every minute: seals events whose on-commit sealing task was lost
}
CELERY_BEAT_SCHEDULE["verify-audit-chain"] = {
    "task": "privacy.audit.tasks.verify_audit_chain_task",
    "schedule": crontab(hour=3, minute=15),  # daily at 03:15: walks the chain, e-mails staff on failure
}
CELERY_BEAT_SCHEDULE["shred-expired-subject-keys"] = {
    "task": "privacy.audit.tasks.shred_expired_subject_keys_task",
    "schedule": crontab(hour=4, minute=0),  # daily at 04:00: destroys keys whose record-keeping period ended
}

# Privacy requests (requests_app): legal clocks, verification, exports, e-mails.
PRIVACY_SHOP_NAME = config.env.str("PRIVACY_SHOP_NAME", default="Our shop")
PRIVACY_SUPERVISORY_AUTHORITY = config.env.str("PRIVACY_SUPERVISORY_AUTHORITY", default="")  # the shop's lead authority
PRIVACY_PUBLIC_HOLIDAYS = read_list("PRIVACY_PUBLIC_HOLIDAYS", default=[])  # YYYY-MM-DD,...: non-working days
PRIVACY_DUE_SOON_DAYS = read_int("PRIVACY_DUE_SOON_DAYS", default=7)
PRIVACY_VERIFICATION_LINK_HOURS = read_int("PRIVACY_VERIFICATION_LINK_HOURS", default=24, minimum=1)
PRIVACY_VERIFICATION_CLOSE_DAYS = read_int("PRIVACY_VERIFICATION_CLOSE_DAYS", default=7, minimum=1)
PRIVACY_VERIFICATION_MAX_ATTEMPTS = read_int("PRIVACY_VERIFICATION_MAX_ATTEMPTS", default=5, minimum=1)
# Kinds that need a second factor (an order number with its billing postcode) besides the e-mailed link.
PRIVACY_SECOND_FACTOR_KINDS = read_list("PRIVACY_SECOND_FACTOR_KINDS", default=["deletion", "access", "export"])
PRIVACY_DOWNLOAD_LINK_HOURS = read_int("PRIVACY_DOWNLOAD_LINK_HOURS", default=72, minimum=1)
PRIVACY_EXPORT_RETENTION_DAYS = read_int("PRIVACY_EXPORT_RETENTION_DAYS", default=30, minimum=1)
PRIVACY_AGENT_DOCUMENT_MAX_BYTES = read_int("PRIVACY_AGENT_DOCUMENT_MAX_BYTES", default=5 * 1024 * 1024, minimum=1)
CELERY_BEAT_SCHEDULE["send-deadline-digest"] = {
    "task": "requests_app.tasks.send_deadline_digest_task",
    "schedule": crontab(hour=7, minute=0),  # daily at 07:00: e-mails staff the overdue and due-soon requests
}
CELERY_BEAT_SCHEDULE["send-verification-reminders"] = {
    "task": "requests_app.tasks.send_verification_reminders_task",
    "schedule": crontab(minute=10),  # hourly at :10: one reminder once the first link expired unconfirmed
}
CELERY_BEAT_SCHEDULE["close-unverified-requests"] = {
    "task": "requests_app.tasks.close_unverified_requests_task",
    "schedule": crontab(minute=20),  # hourly at :20: closes requests unconfirmed 7 days after the first link
}
CELERY_BEAT_SCHEDULE["purge-export-packages"] = {
    "task": "requests_app.tasks.purge_export_packages_task",
    "schedule": crontab(hour=2, minute=30),  # daily at 02:30: deletes export packages whose lifetime ended
}
# A worker holds an approved request's fulfilment (a verified one's discovery) this long, renewed at each step it
# records; past it (the worker died) the sweep queues it again. Keep it above the longest single step (a deletion's
# shop transaction for a customer with many orders, one Amazon Pay closure with its retries).
PRIVACY_FULFILMENT_LEASE_MINUTES = read_int("PRIVACY_FULFILMENT_LEASE_MINUTES", default=30, minimum=1)
# A verified request still not discovered this long after its verification lost its task: the sweep queues it again.
PRIVACY_VERIFIED_GRACE_MINUTES = read_int("PRIVACY_VERIFIED_GRACE_MINUTES", default=30, minimum=1)
CELERY_BEAT_SCHEDULE["redispatch-stuck-requests"] = {
    "task": "requests_app.tasks.redispatch_stuck_requests_task",
    "schedule": crontab(minute="*/5"),  # every 5 minutes: queues again lost fulfilments and discoveries (above)
}
# The remaining rights (requests_app/rights, docs/rights.md). Customer EAV attributes (int) the shop's integrations
# read: set to 1 on every account of an address that opted out of sale/sharing, or limited sensitive data. Empty: none.
PRIVACY_OPT_OUT_ATTRIBUTE_CODE = config.env.str("PRIVACY_OPT_OUT_ATTRIBUTE_CODE", default="")
PRIVACY_LIMIT_ATTRIBUTE_CODE = config.env.str("PRIVACY_LIMIT_ATTRIBUTE_CODE", default="")
# Ad and analytics partners that receive the keyed (HMAC) list of opted-out addresses, e.g. google_ads,meta.
PRIVACY_OPT_OUT_PARTNERS = read_list("PRIVACY_OPT_OUT_PARTNERS", default=[])
# Recipients told of a correction (GDPR Art. 19): data-map recipient key=privacy contact, e.g. amazon_pay=dpo@x.example.
PRIVACY_CORRECTION_RECIPIENTS = read_pairs("PRIVACY_CORRECTION_RECIPIENTS", default={})
CELERY_BEAT_SCHEDULE["apply-opt-out-preferences"] = {
    "task": "requests_app.rights.tasks.apply_opt_out_preferences_task",
    "schedule": crontab(hour=1, minute=40),  # daily at 01:40: flags accounts opened since an address opted out
}
# Compliance reports (requests_app/reports): who the GDPR Art. 30(1)(a) record names. Empty DPO: none designated.
PRIVACY_CONTROLLER_NAME = config.env.str("PRIVACY_CONTROLLER_NAME", default=PRIVACY_SHOP_NAME)
PRIVACY_CONTROLLER_ADDRESS = config.env.str("PRIVACY_CONTROLLER_ADDRESS", default="")
PRIVACY_CONTROLLER_EMAIL = config.env.str("PRIVACY_CONTROLLER_EMAIL", default=DEFAULT_FROM_EMAIL)
PRIVACY_DPO_NAME = config.env.str("PRIVACY_DPO_NAME", default="")
PRIVACY_DPO_EMAIL = config.env.str("PRIVACY_DPO_EMAIL", default="")
PRIVACY_EU_REPRESENTATIVE = config.env.str("PRIVACY_EU_REPRESENTATIVE", default="")  # Art. 27, outside the EU only

# Retention (retention/): policies, their schedules and the statutory periods are edited in the admin.
RETENTION_JURISDICTION = read_choice("RETENTION_JURISDICTION", choices=("de", "fr", "us"), default="de")
RETENTION_LEASE_SECONDS = read_int("RETENTION_LEASE_SECONDS", default=300, minimum=10)
# The language of the inactive-account warning (it belongs to no request), by the customer's Magento store view code,
# e.g. de=de,fr=fr; a store not listed gets LANGUAGE_CODE. Codes rather than ids: they are what Magento's admin and
# app/etc/config.php show, and they stay the same in a staging copy whose store views were created in another order.
PRIVACY_STORE_LANGUAGES = read_store_languages("PRIVACY_STORE_LANGUAGES", languages=tuple(code for code, _name in LANGUAGES))
CELERY_BEAT_SCHEDULE["run-due-retention-policies"] = {
    "task": "retention.tasks.run_due_retention_policies_task",
    "schedule": crontab(minute="*/5"),  # every 5 minutes: starts each policy whose own schedule (admin) is due
}

# Amazon Pay API v2
AMAZON_PAY_ENABLED = read_bool("AMAZON_PAY_ENABLED", default=False)
AMAZON_PAY_REGION = read_choice("AMAZON_PAY_REGION", choices=("na", "eu", "jp"), default="eu")
AMAZON_PAY_SANDBOX = read_bool("AMAZON_PAY_SANDBOX", default=True)
AMAZON_PAY_PUBLIC_KEY_ID = config.env.str("AMAZON_PAY_PUBLIC_KEY_ID", default="")
AMAZON_PAY_PRIVATE_KEY_PATH = config.env.str("AMAZON_PAY_PRIVATE_KEY_PATH", default="")
AMAZON_PAY_ENDPOINT = read_url("AMAZON_PAY_ENDPOINT", default=None)
AMAZON_PAY_ALGORITHM = read_choice(
    "AMAZON_PAY_ALGORITHM", choices=("amzn-pay-rsassa-pss-v2", "amzn-pay-rsassa-pss"), default="amzn-pay-rsassa-pss-v2"
).upper()
AMAZON_PAY_TIMEOUT_SECONDS = read_int("AMAZON_PAY_TIMEOUT_SECONDS", default=10, minimum=1)
AMAZON_PAY_MAX_RETRIES = read_int("AMAZON_PAY_MAX_RETRIES", default=3)
# Erasure closes the subject's open charge permissions; with this on it also cancels their pending charges.
PRIVACY_AMAZON_CANCEL_PENDING_CHARGES = read_bool("PRIVACY_AMAZON_CANCEL_PENDING_CHARGES", default=False)
CELERY_BEAT_SCHEDULE["retry-blocked-erasures"] = {
    "task": "privacy.sources.erasure.tasks.retry_blocked_erasures_task",
    "schedule": crontab(hour=5, minute=30),  # daily at 05:30: resumes deletions whose open orders or refunds are settled
}
if AMAZON_PAY_ENABLED and not (AMAZON_PAY_PUBLIC_KEY_ID and AMAZON_PAY_PRIVATE_KEY_PATH):
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(
        "AMAZON_PAY_ENABLED=1 needs AMAZON_PAY_PUBLIC_KEY_ID and AMAZON_PAY_PRIVATE_KEY_PATH (a PEM RSA private key)."
    )

# Django REST framework and its OpenAPI schema
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAdminUser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_RATES": {"intake": config.env.str("PRIVACY_INTAKE_RATE", default="20/hour")},
}
SPECTACULAR_SETTINGS = {
    "TITLE": "PrivacyDesk API",
    "DESCRIPTION": "Privacy rights requests (GDPR, UK GDPR, CCPA/CPRA) for a Magento 2 shop.",
    "VERSION": "1",
}
# Requests accept every channel, staff entry only e-mail/phone/post: two choice sets, two enum names.
SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"] = {
    "ChannelEnum": "requests_app.models.Channel",
    "StaffChannelEnum": "requests_app.models.StaffChannel",
    "DenialReasonEnum": "requests_app.models.DenialReason",
}

# Self-service form limits, "N/period" (s, min, hour, day): per client address and per e-mail address.
# Behind a reverse proxy set PRIVACY_TRUSTED_PROXIES to the number of proxies that append to X-Forwarded-For.
PRIVACY_FORM_RATE_PER_IP = config.env.str("PRIVACY_FORM_RATE_PER_IP", default="20/hour")
PRIVACY_FORM_RATE_PER_EMAIL = config.env.str("PRIVACY_FORM_RATE_PER_EMAIL", default="5/hour")
PRIVACY_TRUSTED_PROXIES = read_int("PRIVACY_TRUSTED_PROXIES", default=0)
# Verification, status and download links that do not work, per client address, before it is refused for a while.
PRIVACY_BAD_LINKS_PER_IP = config.env.str("PRIVACY_BAD_LINKS_PER_IP", default="20/hour")

# Rate limits count in the cache: one shared by every web process (Redis, whose INCR is atomic) in production.
# A process's own memory would give each gunicorn worker its own allowance; the database cache's
# increment is a read then a write, which concurrent requests race past. Local memory is for DEBUG only.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
REDIS_URL = read_url("REDIS_URL", default=None, schemes=("redis", "rediss"))
if REDIS_URL:
    CACHES["default"] = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
elif not DEBUG:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(
        "REDIS_URL must be set when DEBUG is off (e.g. redis://127.0.0.1:6379/1): rate limits need a cache "
        "shared by every web process."
    )

# Production hardening: on whenever DEBUG is off.
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CSP = {"default-src": ["'self'"], "img-src": ["'self'", "data:"], "frame-ancestors": ["'none'"]}
if not DEBUG:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = read_bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = read_int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = read_bool("SECURE_HSTS_PRELOAD", default=False)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": config.env.str("LOG_LEVEL", default="INFO")},
    # At DEBUG the template engine logs whole render contexts (names, e-mail addresses): never below INFO.
    "loggers": {"django.template": {"level": "INFO"}},
}
