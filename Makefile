# Two commands do all the set-up on a fresh machine:  make demo  and  make test
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test bench clean chromium serve

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)    ## brief the example corpus to the terminal and to out/briefing.html
	mkdir -p out
	$(BIN)/recoupe brief examples/seeds -o out/briefing.html
	$(BIN)/recoupe brief examples/seeds

test: $(STAMP) chromium    ## the whole test suite (CI runs exactly this)
	$(BIN)/python -m pytest -q

# The browser tests drive Debian's chromium with Playwright (which never downloads a browser).
# Installed here when missing (root, or sudo); if that fails the browser tests fail and say why.
CHROMIUM := /usr/bin/chromium
chromium:
	@if [ ! -x $(CHROMIUM) ]; then \
	  echo "installing Debian's chromium for the browser tests (apt-get)"; \
	  if [ "$$(id -u)" -eq 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  ( $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq \
	      --no-install-recommends chromium fonts-liberation >/dev/null ) \
	  || echo "could not install chromium: the browser tests (tests/test_web_browser.py) will fail"; \
	fi

serve: $(STAMP)   ## the web app over examples/seeds on http://127.0.0.1:8000/ (store: out/seeds.db)
	mkdir -p out
	test -f out/seeds.db || $(BIN)/recoupe ingest examples/seeds --db out/seeds.db
	$(BIN)/recoupe serve --db out/seeds.db

bench: $(STAMP)   ## speed benchmarks (figures go in the README)
	$(BIN)/python benchmarks/throughput.py
	$(BIN)/python benchmarks/api_load.py

clean:
	rm -rf $(VENV) out .pytest_cache *.egg-info
