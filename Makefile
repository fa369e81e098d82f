# factdeck's build, test and lint commands. The README's test command is
# `make test`; .ci/run calls exactly that after installing what it needs.

GO ?= go
STATICCHECK_VERSION := v0.8.2
DEADCODE_VERSION := v0.52.0

.PHONY: run test build lint fmt bench fuzz

run:
	$(GO) run ./cmd/factdeck

build:
	$(GO) build -o bin/factdeck ./cmd/factdeck

# test: formatting, vet, a tidy go.mod, staticcheck, no dead code, then
# every test with the race detector. Tests that need Chromium, Mnemosyne,
# gift-pegjs or PostgreSQL use them when installed (.ci/run installs them)
# and say so when skipped.
#
# gotestsum runs go test and closes with its summary ("DONE N tests, N
# skipped, N failures"), failures repeated at the end.
GOTESTSUM_VERSION := v1.13.0
test: lint
	$(GO) run gotest.tools/gotestsum@$(GOTESTSUM_VERSION) --format pkgname-and-test-fails -- -race -count=1 -timeout 20m ./...

# lint: the checks that need no test run.
lint:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$unformatted" ]; then echo "gofmt needed: $$unformatted"; exit 1; fi
	$(GO) vet ./...
	$(GO) mod tidy -diff
	$(GO) run honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION) ./...
	@dead=$$($(GO) run golang.org/x/tools/cmd/deadcode@$(DEADCODE_VERSION) ./cmd/...) || exit 1; \
	  if [ -n "$$dead" ]; then echo "deadcode ./cmd/... lists:"; echo "$$dead"; \
	  if [ "$(DEADCODE_STRICT)" = 1 ]; then exit 1; fi; fi

# Dead code fails lint (DEADCODE_STRICT=0 only warns, while a rewrite is
# under way).
DEADCODE_STRICT ?= 1

fmt:
	gofmt -w $$(git ls-files '*.go')

# bench: the throughput figures the issues ask for.
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

# fuzz: every fuzz target in turn, FUZZTIME each (make fuzz FUZZTIME=30s).
FUZZTIME ?= 5m
FUZZ_TARGETS := ./web:FuzzHighlight ./quiz/clean:FuzzArticle ./quiz/clean:FuzzFromHTML \
	./quiz/clean:FuzzStripMarkdown ./quiz/clean:FuzzTitled ./quiz/generate:FuzzTemplates \
	./quiz/pipeline:FuzzBatch ./quiz/export:FuzzCSV ./quiz/export:FuzzQuizlet \
	./quiz/export:FuzzJSON ./quiz/export:FuzzAPKG ./quiz/export:FuzzGIFT \
	./quiz:FuzzGrade ./quiz/extract:FuzzFacts ./quiz/ner:FuzzEntities ./store:FuzzJSONStrings
fuzz:
	@for t in $(FUZZ_TARGETS); do \
	  pkg=$${t%%:*}; fn=$${t##*:}; echo "== $$pkg $$fn"; \
	  $(GO) test $$pkg -run '^$$' -fuzz "^$$fn$$" -fuzztime $(FUZZTIME) -parallel 1 || exit 1; \
	done
