# PPS Portal — `make run` to develop, `make test` to verify. See README.md.
SHELL := /bin/bash
.DEFAULT_GOAL := run

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py
# manage.py never turns debug on by itself: development targets say so here,
# production-like ones give a key. Demo logins only come from `make run`.
DEV := DJANGO_DEBUG=1
PROD = DJANGO_DEBUG=0 DJANGO_SECRET_KEY=$$(cat var/secret_key)

.PHONY: run test check serve deps db db-stop redis redis-stop migrate seed venv node messages clean

# Debian packages a target needs, installed when missing (as root; otherwise
# it names them): `run`/`serve` need PostgreSQL and gettext, `test` also
# Redis, Chromium, Java, Node.js and fonts. Target-specific, so `make test`
# asks for the test set.
DEPS ?= run
test: DEPS := test
deps:
	@scripts/debian-packages $(DEPS)

# Virtualenv, re-installed whenever a requirements file changes.
$(VENV)/.installed: requirements.txt requirements-dev.txt | deps
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@
venv: $(VENV)/.installed

# Test tools from npm (axe-core, vnu-jar), pinned by package-lock.json.
node_modules/.installed: package.json package-lock.json | deps
	npm ci --no-audit --no-fund --loglevel=error
	touch $@
node: node_modules/.installed

# Catalogues (locale/<language>): Polish plural forms, the Ukrainian and
# English interface. The compiled .mo files are generated, not in git.
PO := $(wildcard locale/*/LC_MESSAGES/django.po)
MO := $(PO:.po=.mo)
locale/%/LC_MESSAGES/django.mo: locale/%/LC_MESSAGES/django.po $(VENV)/.installed | deps
	$(DEV) $(MANAGE) compilemessages -l $* --ignore=.venv --ignore=node_modules --verbosity 0
messages: $(MO)

# The project-local PostgreSQL cluster, unless DATABASE_URL points elsewhere.
db: deps
ifeq ($(strip $(DATABASE_URL)),)
	scripts/localdb start
else
	@echo "Using DATABASE_URL; no local cluster started."
endif

db-stop:
	scripts/localdb stop

# The test suite's own Redis server (Unix socket under var/redis, nothing on disk).
redis: deps
	scripts/localredis start

redis-stop:
	scripts/localredis stop

migrate: venv messages db
	$(DEV) $(MANAGE) migrate --noinput

# Demo content, and the README's demo logins (development only).
seed: migrate
	$(DEV) $(MANAGE) seed_demo --demo-accounts

# SITE_URL: links in e-mails sent outside a request point to this server.
run: seed
	SITE_URL=$${SITE_URL:-http://127.0.0.1:$(PORT)} $(DEV) $(MANAGE) runserver 127.0.0.1:$(PORT)

test: venv messages node db redis
	DJANGO_DEBUG=0 DJANGO_SECRET_KEY=test-only-secret-key $(BIN)/pytest

check: venv db
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(DEV) $(MANAGE) makemigrations --check --dry-run
	@# The production configuration: debug off, HTTPS on, a real-looking key.
	DJANGO_DEBUG=0 DJANGO_ALLOWED_HOSTS=pps.example.pl \
		DJANGO_SECRET_KEY=make-check-only-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJ \
		$(MANAGE) check --deploy --fail-level WARNING

# Production-like: DEBUG off, collected static served by whitenoise, gunicorn.
# DJANGO_HTTPS=0 only because this serves plain HTTP on loopback. Demo logins
# (if `make run` made them on this database) are refused here.
serve: venv messages db
	@mkdir -p var
	@test -s var/secret_key || (umask 077 && $(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))" > var/secret_key)
	$(PROD) $(MANAGE) migrate --noinput
	$(PROD) $(MANAGE) collectstatic --noinput --verbosity 0
	$(PROD) DJANGO_HTTPS=0 DJANGO_SERVE_MEDIA=1 \
		DJANGO_ALLOWED_HOSTS=$${DJANGO_ALLOWED_HOSTS:-127.0.0.1,localhost} \
		$(BIN)/gunicorn pps_portal.wsgi --bind 127.0.0.1:$(PORT) --workers $${WEB_CONCURRENCY:-3} --access-logfile -

clean:
	rm -rf $(VENV) node_modules var/static $(MO)
