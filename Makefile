# afterword: `make run` to try it, `make test` to check everything.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CODE := src tests benchmarks

.PHONY: install system run test lint format bench docs clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The app on 127.0.0.1 with the SQLite file in your data folder; it opens your browser.
run: install
	$(BIN)/afterword serve

lint: install
	$(BIN)/ruff check $(CODE)
	$(BIN)/ruff format --check $(CODE)

format: install
	$(BIN)/ruff check --fix $(CODE)
	$(BIN)/ruff format $(CODE)

# What the tests need from the system: PostgreSQL (a throwaway cluster is started by the
# tests themselves) and Debian's Chromium for the browser tests. Installed only if missing.
system:
	@missing=""; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	if [ -n "$$missing" ]; then \
		echo "Installing system packages:$$missing"; \
		SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

test: install system lint
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python benchmarks/accuracy.py
	for set in benchmarks/heldout*_letters.jsonl; do $(BIN)/python benchmarks/accuracy.py --data $$set; done
	$(BIN)/python benchmarks/speed.py
	$(BIN)/python benchmarks/compose.py
	$(BIN)/python benchmarks/read_accuracy.py
	for set in benchmarks/heldout*_rejections; do $(BIN)/python benchmarks/read_accuracy.py --data $$set; done
	$(BIN)/python benchmarks/read_speed.py
	$(BIN)/python benchmarks/track.py
	$(BIN)/python benchmarks/web.py

docs: install
	$(BIN)/afterword rules --format markdown > docs/rules.md
	$(BIN)/python -c "from afterword.review.docs import gates_file_text; print(gates_file_text(), end='')" > gates.json.tmp
	mv gates.json.tmp src/afterword/data/lexicons/gates.json

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis build src/*.egg-info
