# Field Office — the two commands: `make run` and `make test`.
BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
LIBRARY ?=

export XDG_RUNTIME_DIR ?= /tmp/fieldoffice-runtime-$(shell id -u)
export DBUS_SESSION_BUS_ADDRESS ?= disabled:

.PHONY: all deps configure build run test sanitize fuzz clean

all: build

deps:
	@bash packaging/install-deps.sh

configure: deps
	@mkdir -p -m 700 $(XDG_RUNTIME_DIR)
	@if [ ! -f $(BUILD_DIR)/build.ninja ]; then \
	  cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE); \
	fi

build: configure
	@cmake --build $(BUILD_DIR) -j $(JOBS)

run: build
	@bash packaging/run.sh $(BUILD_DIR)/bin/fieldoffice $(LIBRARY)

test: build
	@cd $(BUILD_DIR) && QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j $(JOBS)

# Every test again under AddressSanitizer and UndefinedBehaviorSanitizer, in build-sanitize/.
sanitize: deps
	@mkdir -p -m 700 $(XDG_RUNTIME_DIR)
	@if [ ! -f build-sanitize/build.ninja ]; then \
	  cmake -S . -B build-sanitize -G Ninja -DCMAKE_BUILD_TYPE=Debug -DFO_SANITIZE=address,undefined; \
	fi
	@cmake --build build-sanitize -j $(JOBS)
	@cd build-sanitize && QT_QPA_PLATFORM=offscreen \
	  ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --output-on-failure -j $(JOBS)

# libFuzzer targets (clang, ASan, UBSan) in build-fuzz/: saved crash inputs once each, then every
# target for FO_FUZZ_SECONDS (default 30) on a copy of its seed corpus. See tests/fuzz/.
fuzz: deps
	@bash tests/fuzz/run-fuzzers.sh

clean:
	@rm -rf $(BUILD_DIR) build-sanitize build-fuzz
