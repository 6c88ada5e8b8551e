# One entry point for building and testing Embers.
#   make test   installs what the tests need and runs every tier (this is what CI runs)
#   make build  builds the plugin package into dist/ (frontend + linux backends)
#   make bench  runs the benchmarks (not part of `make test`)

MAGE := go run github.com/magefile/mage@v1.15.0
FUZZTIME ?= 10s
# Our Go packages (./... would also walk Go files that npm packages ship in node_modules).
GO_PKGS := ./pkg/... ./internal/...

.PHONY: test deps lint build build-frontend build-backend \
	test-go test-fuzz test-js test-dist test-e2e test-demo bench

test: deps lint test-go test-fuzz test-js build test-dist validate test-compat test-e2e test-demo
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
	@unformatted=$$(gofmt -l pkg internal testdata/workload demo); [ -z "$$unformatted" ] || { echo "gofmt would change: $$unformatted"; exit 1; }
	go vet $(GO_PKGS)
	cd demo && go vet ./...

build: build-frontend build-backend

build-frontend:
	npm run build

build-backend:
	$(MAGE) -v build:linux build:linuxARM64

## Tier 1 and 2: Go unit tests, goldens, the recorded-answer checks and the host test.
test-go:
	go test -count=1 $(GO_PKGS)

## Tier 1: short fuzz runs of the converters and the query parser; a crash fails.
test-fuzz:
	go test -run '^$$' -fuzz '^FuzzFlameGraph$$' -fuzztime $(FUZZTIME) ./pkg/frames
	go test -run '^$$' -fuzz '^FuzzFlameGraphDiff$$' -fuzztime $(FUZZTIME) ./pkg/frames
	go test -run '^$$' -fuzz '^FuzzParseQuery$$' -fuzztime $(FUZZTIME) ./pkg/models

## Tier 3: jest + React Testing Library.
test-js:
	npm run test:ci

## The built package has the shape Grafana loads.
test-dist:
	node --test scripts/dist.test.mjs

## Tier 4: browser tests in Debian's chromium.
test-e2e:
	npm run e2e

test-demo:
	cd demo && go test -count=1 ./...

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
