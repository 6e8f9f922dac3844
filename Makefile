# fastecho: the commands a contributor and CI run. `make test` is what CI
# runs (.ci/run); see README.md.

GO       ?= go
FUZZTIME ?= 60s

.PHONY: test lint unit fuzz fuzz-short conformance oidc-provider bench bench-smoke run deps

## test: everything CI checks: lint, unit tests with -race, a short fuzz
## pass, the OpenAPI conformance suite (browser, generated client, redocly
## lint), OpenID Connect against a real provider and one run of every
## benchmark.
test: lint unit fuzz-short conformance oidc-provider bench-smoke

## lint: gofmt, go vet and the package dependency rules.
lint:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	.ci/deps.sh

## unit: the module's tests under the race detector.
unit:
	$(GO) test -race -count=1 ./...

## fuzz: every fuzz target for FUZZTIME each (default 60s).
fuzz:
	FUZZTIME=$(FUZZTIME) .ci/fuzz.sh

fuzz-short:
	FUZZTIME=3s .ci/fuzz.sh

## conformance: OpenAPI validation, real browser, generated client, lint.
conformance:
	testdata/conformance/run.sh

## oidc-provider: security/oidc against real OpenID providers (zitadel's op,
## mockoidc),
## in a module of its own.
oidc-provider:
	cd testdata/oidc && $(GO) vet ./... && $(GO) test -race -count=1 ./...

## bench: the interleaved benchmark rounds that write bench/RESULTS.md.
bench:
	$(MAKE) -C bench results

bench-smoke:
	@if [ -f bench/go.mod ]; then cd bench && $(GO) vet ./... && $(GO) test -run . -bench . -benchtime=1x ./...; fi

## run: the main demo, the OAuth2 scopes tutorial, on 127.0.0.1:8000/docs.
run:
	$(GO) run ./examples/scopes
