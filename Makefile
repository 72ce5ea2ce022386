# The two commands: `make run` (set up and serve with the Istanbul record on SQLite) and
# `make test` (set up and run the whole suite). Everything else here is what CI calls too.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
DEV_ENV := DJANGO_DEBUG=true
# Production-shaped values, only for `check --deploy`; never used to serve anything.
DEPLOY_ENV := DJANGO_DEBUG=false DJANGO_SECRET_KEY=check-deploy-only-0123456789abcdefghijklmnopqrstuvwxyz-ABCDEF DJANGO_ALLOWED_HOSTS=talks.example.org
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install messages compile-messages gettext i18n-check run test fuzz data-check chromium lint fmt checks ci nginx-check fault-drill restore-drill load-test bench

$(INSTALLED): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(INSTALLED)

install: $(INSTALLED) compile-messages

# The public site's Ukrainian and Russian catalogues (locale/). `make messages` adds the strings
# the templates and code mark for translation and drops the ones they no longer have; translate
# the new entries in the .po files, then `make i18n-check`. The .mo files are built, never
# committed.
MAKEMESSAGES := makemessages -l uk -l ru --no-obsolete --add-location file \
	--ignore 'tests/*' --ignore 'staticfiles/*' --ignore 'scripts/*'
MO_FILES := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/django.po))

messages: $(INSTALLED) gettext
	$(DEV_ENV) $(PY) manage.py $(MAKEMESSAGES)

compile-messages: $(MO_FILES)

# Compiled with polib (scripts/compile_messages.py), so `make run` and `make test` need no
# system gettext; only `make messages` and `make i18n-check` run makemessages (xgettext).
%.mo: %.po $(INSTALLED)
	$(PY) scripts/compile_messages.py $<

# Untranslated, fuzzy or stale catalogue entries fail (scripts/i18n_check.py), and so does a
# translation whose %(name)s placeholders differ from the English (msgfmt --check).
i18n-check: $(INSTALLED) gettext
	for po in locale/*/LC_MESSAGES/django.po; do msgfmt --check --statistics -o /dev/null $$po || exit 1; done
	$(DEV_ENV) $(PY) scripts/i18n_check.py

# msgfmt and xgettext, from Debian's gettext: install them when missing and this user may.
gettext:
	@command -v msgfmt >/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext >/dev/null; \
	  else echo "The translations need GNU gettext: sudo apt-get install gettext" >&2; exit 1; fi; }

run: install
	$(DEV_ENV) $(PY) manage.py migrate --noinput
	$(DEV_ENV) $(PY) manage.py setup_local
	$(DEV_ENV) $(PY) manage.py runserver $(HOST):$(PORT)

# In parallel, one worker per core; the schemathesis fuzz run is its own target (make fuzz).
test: install chromium
	$(DEV_ENV) $(PY) -m pytest -n auto -m "not fuzz" $(PYTEST_ARGS)

# Schemathesis against the OpenAPI schema: every operation, at least 200 generated requests each.
# One process, in file order (not pytest-randomly's), so the last test counts the requests each
# operation got after all of them ran.
fuzz: install
	$(DEV_ENV) $(PY) -m pytest -m fuzz -p no:randomly tests/test_api_fuzz.py $(PYTEST_ARGS)

# The record's data files (data/istanbul/): keys, references, dates, sources, reader-facing text.
data-check: install
	$(DEV_ENV) $(PY) manage.py data_check

# The browser tests drive Debian's Chromium (Playwright's own download does not work here):
# install it when it is missing and this user may, otherwise say what to install.
chromium:
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "The browser tests need Chromium: sudo apt-get install chromium" >&2; exit 1; fi; }

lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

fmt: install
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

checks: install i18n-check
	$(DEV_ENV) $(PY) manage.py makemigrations --check --dry-run
	$(DEPLOY_ENV) $(PY) manage.py check --deploy --fail-level WARNING
	$(DEV_ENV) $(PY) manage.py spectacular --validate --fail-on-warn --file /dev/null

# Production readiness (README "Deploying"); each is bounded to about two minutes.
nginx-check: install
	$(PY) scripts/nginx_check.py

fault-drill: install
	$(PY) scripts/fault_drill.py

restore-drill: install
	$(PY) scripts/restore_drill.py

load-test: install
	$(PY) scripts/load_test.py

# Uncached pages and API lists against their data floor and Datasette (README "Performance"); a
# benchmark, never part of `make test` or CI. SCALES=1,10,100, BENCH_ARGS="--seconds 3".
SCALES ?= 1
bench: install
	$(PY) scripts/bench.py --scales $(SCALES) $(BENCH_ARGS)

ci: lint checks data-check test fuzz
