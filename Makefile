# fastecho: the commands a contributor and CI run. See README.md.
#
#   make test         lint, then the module's tests under the race detector
#                     (fuzz seed corpora included), the FastAPI test twins and
#                     the allocation budgets: Go only, a few minutes.
#   make conformance  what needs more than Go or more time: timed fuzzing,
#                     copyable examples, OpenAPI conformance (real Chromium, generated clients,
#                     redocly via npx), real OpenID providers, bench smoke.
#
# .ci/run installs the tools and runs both.

GO       ?= go
FUZZTIME ?= 60s

.PHONY: test lint unit allocs conformance fuzz fuzz-short openapi-conformance oidc-provider bench bench-smoke bench-http run

## test: lint + go test -race of the module and the FastAPI test twins + allocation budgets.
test: lint unit allocs

## lint: gofmt, go vet and the package dependency rules.
lint:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./... ./testdata/fastapi/...
	.ci/deps.sh

## unit: the module's tests (and fuzz seed corpora) under the race detector.
unit:
	$(GO) test -race -count=1 ./... ./testdata/fastapi/...

## allocs: the allocation budgets, which the race detector skews.
allocs:
	$(GO) test -count=1 -run 'Allocs' ./...

## conformance: everything beyond Go, each step timed.
conformance:
	@.ci/step.sh "every example builds in a module of its own" .ci/copyable.sh
	@.ci/step.sh "fuzzing, 3 s per target" $(MAKE) --no-print-directory fuzz-short
	@.ci/step.sh "OpenAPI conformance (Chromium, oapi-codegen, redocly)" $(MAKE) --no-print-directory openapi-conformance
	@.ci/step.sh "OpenID Connect against real providers" $(MAKE) --no-print-directory oidc-provider
	@.ci/step.sh "benchmark smoke run" $(MAKE) --no-print-directory bench-smoke

## fuzz: every fuzz target for FUZZTIME each (default 60s).
fuzz:
	FUZZTIME=$(FUZZTIME) .ci/fuzz.sh

fuzz-short:
	FUZZTIME=3s .ci/fuzz.sh

openapi-conformance:
	testdata/conformance/run.sh

## oidc-provider: security/oidc against zitadel's op and mockoidc, in a module of its own.
oidc-provider:
	cd testdata/oidc && $(GO) vet ./... && $(GO) test -race -count=1 ./...

## bench: the interleaved benchmark rounds that write bench/RESULTS.md.
bench:
	$(MAKE) -C bench results

bench-smoke:
	cd bench && $(GO) vet ./... && $(GO) test -run . -bench . -benchtime=1x ./...

## bench-http: the four scopes servers under vegeta on loopback; writes the HTTP section of bench/RESULTS.md and bench/http-latency.png.
bench-http:
	cd bench && $(GO) run ./cmd/httpload -go $(GO) -out RESULTS.md -plot http-latency.png

## run: the main demo, the OAuth2 scopes tutorial, on 127.0.0.1:8000/docs.
run:
	$(GO) run ./examples/scopes
