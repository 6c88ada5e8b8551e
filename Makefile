# One entry point for building and testing Embers.
#   make test   installs what the tests need and runs every tier (this is what CI runs)
#   make build  builds the plugin package into dist/ (frontend + linux backends)
#   make bench  runs the benchmarks (not part of `make test`)
#   make test-conformance  the third-party tier (needs ../shared/testdata beside the repository)

MAGE := go run github.com/magefile/mage@v1.15.0
FUZZTIME ?= 10s
# Our Go packages (./... would also walk Go files that npm packages ship in node_modules).
GO_PKGS := ./pkg/... ./internal/... ./src/shared
# The go test timeout only catches a hang: no test is held to a speed.
GO_TEST := go test -count=1 -timeout 60m
# Third-party profiles and a real server's answers for them. They never enter
# the repository; the conformance tier reads them when they sit beside it.
CONFORMANCE_DATA := ../shared/testdata
CONFORMANCE_PKGS := ./pkg/frames ./pkg/plugin ./pkg/pyroscopetest

.PHONY: test deps lint build build-frontend build-backend \
	test-go test-fuzz test-js test-dist test-e2e test-demo bench \
	test-conformance test-conformance-if-present

test: deps lint test-go test-fuzz test-js build test-dist validate test-compat test-e2e test-demo test-conformance-if-present
	@echo "All test tiers passed."

## deps: everything the tests need, from the package registries only.
deps:
	npm ci --no-audit --no-fund
	go mod download
	cd demo && go mod download
	@bash scripts/ensure-chromium.sh

lint:
	npm run typecheck
	npm run lint
	@unformatted=$$(gofmt -l pkg internal src/shared testdata/workload demo); [ -z "$$unformatted" ] || { echo "gofmt would change: $$unformatted"; exit 1; }
	go vet $(GO_PKGS)
	go vet -tags conformance $(CONFORMANCE_PKGS)
	cd demo && go vet ./...

build: build-frontend build-backend

build-frontend:
	npm run build

build-backend:
	$(MAGE) -v build:linux build:linuxARM64

## Tier 1 and 2: Go unit tests, goldens, the recorded-answer checks and the host test.
test-go:
	$(GO_TEST) $(GO_PKGS)

## Tier 1: short fuzz runs of the converters and the query parser; a crash fails.
test-fuzz:
	go test -run '^$$' -fuzz '^FuzzFlameGraph$$' -fuzztime $(FUZZTIME) ./pkg/frames
	go test -run '^$$' -fuzz '^FuzzFlameGraphDiff$$' -fuzztime $(FUZZTIME) ./pkg/frames
	go test -run '^$$' -fuzz '^FuzzParseQuery$$' -fuzztime $(FUZZTIME) ./pkg/models

## Tier 3: jest + React Testing Library.
test-js:
	npm run test:ci
	node --test scripts/migrate-core-dashboard.test.mjs

## The built package has the shape Grafana loads.
test-dist:
	node --test scripts/dist.test.mjs

## Tier 4: browser tests in Debian's chromium.
test-e2e:
	npm run e2e

test-demo:
	cd demo && $(GO_TEST) ./...

## Conformance: the converter, the fake and the whole pipeline on other projects'
## profiles (Go, Java, Node, Python, broken ones) and a real server's answers.
test-conformance:
	$(GO_TEST) -tags conformance -run Conformance $(CONFORMANCE_PKGS)

test-conformance-if-present:
	@if [ -d "$(CONFORMANCE_DATA)/profiles" ] && [ -d "$(CONFORMANCE_DATA)/recorded" ]; then \
		$(MAKE) --no-print-directory test-conformance; \
	else \
		echo "Conformance tier not run: the third-party test data ($(CONFORMANCE_DATA)/profiles and recorded) is not beside the repository."; \
	fi

bench:
	npm run bench

.PHONY: build-backend-release package validate test-compat

## The release: the backend for every OS and architecture Grafana runs on.
build-backend-release:
	$(MAGE) -v build:linux build:linuxARM64 build:darwin build:darwinARM64 build:windows build:custom windows arm64

## build/embers-profiling-app-<version>.zip and its .sha256, from a fresh dist/.
package: build-frontend build-backend-release
	node scripts/package.mjs

## The zip, checked for what Grafana's plugin validator checks offline.
validate: package
	node --test scripts/validate.test.mjs

## Grafana's compatibility check (levitate) of what each plugin module uses from
## @grafana/data, ui and runtime, against 12.4.0 and the latest 13.x. Needs the npm registry.
test-compat:
	cd compat && npm ci --no-audit --no-fund && node --test compat.test.mjs
