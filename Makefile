# The two set-up commands of README: `make run` and `make test`. Both install missing Debian
# packages first (scripts/install-deps.sh is idempotent and quick when nothing is missing).
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
HOST ?= 127.0.0.1
PORT ?= 8080
DATA_DIR ?= .pmstudio-data
PYTHON ?= /usr/bin/python3

.PHONY: deps build run test unit-test api-test browser-deps format format-check tidy bench clean

deps:
	scripts/install-deps.sh

build: deps
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=Release
	cmake --build $(BUILD_DIR) -j $(JOBS)

run: build
	HOST=$(HOST) PORT=$(PORT) DATA_DIR=$(DATA_DIR) scripts/run-server.sh $(BUILD_DIR)/pmstudio

test: build unit-test api-test

unit-test:
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

api-test: browser-deps
	PMSTUDIO_BINARY=$(abspath $(BUILD_DIR))/pmstudio $(PYTHON) -m pytest -c tests/api/pytest.ini tests/api

# playwright-core for the browser tests (tests/browser drives Debian's chromium), installed into
# the build directory as tests/browser/package-lock.json pins it.
BROWSER_DEPS := $(BUILD_DIR)/browser-tests/npm-ci.stamp
browser-deps: $(BROWSER_DEPS)
$(BROWSER_DEPS): tests/browser/package.json tests/browser/package-lock.json
	mkdir -p $(@D)
	cp $^ $(@D)
	cd $(@D) && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $@

format:
	clang-format -i $$(git ls-files 'src/*.cpp' 'src/*.h')

format-check:
	clang-format --dry-run --Werror $$(git ls-files 'src/*.cpp' 'src/*.h')

tidy: build
	clang-tidy -p $(BUILD_DIR) --quiet $$(git ls-files 'src/*.cpp')

bench: build
	bench/http_bench.sh $(BUILD_DIR)/pmstudio

clean:
	rm -rf $(BUILD_DIR)
