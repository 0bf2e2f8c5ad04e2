# Thin wrapper over CMake. The README's two commands:
#   make demo   build, start lede-server locally, analyze the sample with the CLI
#   make test   build and run the unit and end-to-end tests
# Both install missing Debian packages first (as root, on Debian 12).

BUILD ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=RelWithDebInfo

.PHONY: all deps configure build demo test eval bench loadtest peers container-test interop-test format check-format clean

all: build

deps:
	@scripts/install-deps.sh

configure: deps
	@cmake -S . -B $(BUILD) $(CMAKE_FLAGS) > /dev/null

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

demo: build
	@scripts/demo.sh $(BUILD)

test: build
	@cd $(BUILD) && ctest --output-on-failure -LE eval -j $(JOBS)

# Data-backed evaluations (need ../shared).
eval: build
	@cd $(BUILD) && ctest --output-on-failure -L eval

bench: build
	@scripts/bench.sh $(BUILD)

# h2load against a local server at several concurrencies (documents/s, p50/p90/p99).
loadtest: build
	@bench/load_test.sh $(BUILD)

# wink-nlp, compromise and chrono-node (pinned npm packages) on the same texts.
peers: build
	@bench/peers/run.sh $(BUILD)

# Builds the container image with podman and checks it end to end (slow on a
# cold machine: debootstrap plus a full build inside the image).
container-test: build
	@scripts/container-test.sh $(BUILD)

# Python and Node clients against a real server.
interop-test: build
	@scripts/interop-test.sh $(BUILD)

format:
	@clang-format -i $$(git ls-files '*.cc' '*.h')

check-format:
	@scripts/check-format.sh

clean:
	@rm -rf $(BUILD)
