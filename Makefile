# Two commands do all the set-up on a fresh machine:  make demo  and  make test
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)    ## brief the example corpus to the terminal and to out/briefing.html
	mkdir -p out
	$(BIN)/recoupe brief examples/seeds -o out/briefing.html
	$(BIN)/recoupe brief examples/seeds

test: $(STAMP)    ## the whole test suite (CI runs exactly this)
	$(BIN)/python -m pytest -q

bench: $(STAMP)   ## speed benchmarks (figures go in the README)
	$(BIN)/python benchmarks/throughput.py

clean:
	rm -rf $(VENV) out .pytest_cache *.egg-info
