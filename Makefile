# Co-production Hub. `make run` starts the site with demo content;
# `make test` runs every check CI runs. Both set up .venv themselves.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt constraints.txt | cksum | cut -d' ' -f1)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: gettext messages compilemessages help run stack test lint format chromium redis pango wrk vnu axe bench bench-compare lock venv backup restore

help:
	@echo "make run    - the site with demo content and a task worker on http://127.0.0.1:8000"
	@echo "make stack  - the production stack (PostgreSQL, Redis, SMTP, S3, Procfile) on loopback"
	@echo "make test   - lint, migrations check and the whole test suite (browser tests too)"
	@echo "make lint   - ruff check and format check, template indentation"
	@echo "make format - format Python (ruff) and templates (djhtml)"
	@echo "make messages - gather marked strings into the Welsh catalogue (locale/cy)"
	@echo "make bench  - measure public pages, notifications, the outbox and a PDF"
	@echo "make bench-compare - requests per second against Wagtail's bakerydemo"
	@echo "make backup DIR=...  - database, media and private files into a new folder"
	@echo "make restore DIR=... - a backup into a new, empty database, counts checked"

venv: pango $(STAMP)

$(STAMP): requirements.txt requirements-dev.txt constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
		|| { echo "Python 3.11 or newer is needed (set PYTHON=...)"; exit 1; }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@rm -f $(VENV)/.installed-*
	@touch $@

run: venv compilemessages
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo_content
	$(PY) manage.py schedules_register
	$(PY) manage.py collectstatic --noinput --verbosity 0
	@bin/dev-server

# The production stack on this machine: PostgreSQL, Redis, an SMTP server
# that keeps every email, moto's S3, then the Procfile (stack/runner.py).
stack: venv redis
	@bin/stack

chromium:
	@command -v chromium >/dev/null 2>&1 || { \
		echo "Installing Debian's chromium for the browser tests"; \
		$(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# WeasyPrint (core/pdf.py: the annual report as a PDF) draws text with Pango,
# a system library pip cannot install.
pango:
	@{ /sbin/ldconfig -p 2>/dev/null || ldconfig -p; } | grep -q 'libpangoft2-1.0.so.0' || { \
		echo "Installing Debian's Pango for PDFs (WeasyPrint)"; \
		$(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 >/dev/null; }

# tests/test_cache_outage.py and `make stack` start their own redis-server.
redis:
	@command -v redis-server >/dev/null 2>&1 || { \
		echo "Installing Debian's redis-server (cache outage tests, make stack)"; \
		$(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null; }

# bench/versus_bakerydemo.py loads both sites with wrk.
wrk:
	@command -v wrk >/dev/null 2>&1 || { \
		echo "Installing Debian's wrk for make bench-compare"; \
		$(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }

# The Nu HTML Checker (the W3C's validator), run on Java by the browser tests.
VNU_VERSION := 26.9.27
VNU_JAR := .cache/vnu/node_modules/vnu-jar/build/dist/vnu.jar

vnu:
	@test -f $(VNU_JAR) || { \
		echo "Installing the Nu HTML Checker (vnu-jar $(VNU_VERSION)) into .cache/vnu"; \
		npm install --no-save --ignore-scripts --silent --prefix .cache/vnu vnu-jar@$(VNU_VERSION); }
	@command -v java >/dev/null 2>&1 || echo "The Nu HTML Checker needs Java: install a Java runtime (java)."

# axe-core, the accessibility engine every browser test runs: this release,
# from the npm registry (tests/browser/axe.py reads the version from here).
AXE_VERSION := 4.14.1

axe:
	@grep -qs '"version": "$(AXE_VERSION)"' .cache/axe/node_modules/axe-core/package.json || { \
		echo "Installing axe-core $(AXE_VERSION) into .cache/axe"; \
		npm install --no-save --ignore-scripts --silent --prefix .cache/axe axe-core@$(AXE_VERSION); }

lint: venv
	$(VENV)/bin/ruff check --no-cache .
	$(VENV)/bin/ruff format --check --no-cache .
	find templates */templates -name '*.html' | xargs $(VENV)/bin/djhtml --check

format: venv
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
	find templates */templates -name '*.html' | xargs $(VENV)/bin/djhtml

test: venv chromium redis vnu axe lint compilemessages
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/pytest

gettext:
	@command -v msgfmt >/dev/null || { echo "Installing Debian's gettext (the Welsh catalogue)"; \
		apt-get install -y gettext >/dev/null || sudo apt-get install -y gettext >/dev/null; }

messages: venv gettext
	$(PY) manage.py makemessages --locale cy --no-obsolete --add-location file \
		--ignore 'staticfiles/*' --ignore 'media/*' --ignore 'node_modules/*'

compilemessages: venv gettext
	$(PY) manage.py compilemessages --locale cy --ignore '.venv' --verbosity 0

bench: venv
	$(PY) bench/public_pages.py
	$(PY) bench/notifications.py
	$(PY) bench/pdf_render.py
	$(PY) bench/annual_report.py
	$(PY) bench/channel.py

# Our site and bakerydemo under gunicorn on one PostgreSQL and Redis: a few
# minutes (bakerydemo's first set-up, in .cache/bakerydemo, a few more).
bench-compare: venv redis wrk
	$(PY) bench/versus_bakerydemo.py
# README "Deployment": run with the site's settings and environment
# (DJANGO_SETTINGS_MODULE=cms.settings.production and its variables).
backup: venv
	@test -n "$(DIR)" || { echo "Usage: make backup DIR=/path/to/a/new/folder"; exit 2; }
	$(PY) manage.py backup "$(DIR)"

restore: venv
	@test -n "$(DIR)" || { echo "Usage: make restore DIR=/path/to/a/backup"; exit 2; }
	$(PY) manage.py restore "$(DIR)"

lock: venv
	@echo "# Every installed package, pinned (pip freeze). Regenerate with \`make lock\`." > constraints.txt
	$(VENV)/bin/pip freeze --exclude-editable >> constraints.txt
