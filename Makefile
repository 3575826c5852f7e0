# Two set-up commands for a fresh machine: `make demo` and `make test`.
PYTHON ?= $(firstword $(wildcard $(HOME)/.pyenv/versions/3.12*/bin/python3.12 /usr/bin/python3.12 /usr/local/bin/python3.12 $(HOME)/.pyenv/versions/3.13*/bin/python3.13 /usr/bin/python3.13) python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
DEMO_ENV := DEBUG=1

.PHONY: install demo test test-embedded test-services bench clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	rm -f $(VENV)/.installed-* && touch $(STAMP)

# The .po catalogs are committed, their compiled .mo files are not: built here (needs Debian's gettext).
CATALOGS := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/django.po))

$(CATALOGS): %.mo: %.po $(STAMP)
	@if command -v msgfmt >/dev/null; then \
		$(DEMO_ENV) $(PY) manage.py compilemessages --locale $(word 2,$(subst /, ,$@)) --ignore '.venv' --ignore 'var'; \
	else \
		echo "gettext (msgfmt) is not installed: $@ not compiled, pages stay in English (apt-get install gettext)"; \
	fi

install: $(STAMP) $(CATALOGS)

demo: install
	test -f .env || printf 'DEBUG=1\n' > .env
	$(DEMO_ENV) $(PY) manage.py migrate --noinput
	$(DEMO_ENV) $(PY) manage.py demo_prepare
	$(DEMO_ENV) $(PY) manage.py demo_serve --addr 127.0.0.1:8000

# The whole suite: first on the embedded default (SQLite, eager Celery), then the same suite
# again on PostgreSQL + MariaDB + Redis with a real Celery worker (skipped with a reason when
# the services are unreachable, failed instead when PRIVACY_REQUIRE_SERVICES=1).
test: install
	@status=0; \
	$(MAKE) --no-print-directory test-embedded || status=1; \
	$(MAKE) --no-print-directory test-services || status=1; \
	exit $$status

test-embedded: install
	DEBUG=1 $(PY) -m pytest -m "not services" $(PYTEST_ARGS)

test-services: install
	DEBUG=1 $(PY) -m tests.services $(PYTEST_ARGS)

bench: install
	DEBUG=1 $(PY) -m benchmarks

clean:
	rm -rf $(VENV) var/*.sqlite3* var/exports var/mail test-artifacts
