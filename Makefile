# The front door of the project: CI runs these same targets.
GO      ?= go
OUT     ?= out
SOURCE  ?= source
BENCHTIME ?= 5x
FUZZTIME ?= 30s
# Minimizing a new input of the whole build re-runs both writers many
# times; a short bound leaves the time to finding inputs.
FUZZMINIMIZE ?= 5s
# The packages whose fuzz targets make fuzz runs: every package, unless told.
FUZZPKGS ?= ./...

.PHONY: help run build install test check bench fuzz handouts screenshots clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

run: ## build the sample notes in source/ into out/
	$(GO) run ./cmd/studyguide build -o $(OUT) $(SOURCE)

# -buildvcs=auto stamps the revision of a git checkout into the binary
# ("studyguide version" names it), even when GOFLAGS turns stamping off.
build: ## compile the studyguide binary
	$(GO) build -buildvcs=auto -o studyguide ./cmd/studyguide

install: ## install studyguide into $(go env GOBIN), else $(go env GOPATH)/bin
	$(GO) install -buildvcs=auto ./cmd/studyguide

# go vet runs every check go test would run before the tests, and more:
# go test need not run them again (-vet=off).
test: ## vet, then run every test (the external checkers too, when installed)
	$(GO) vet ./...
	$(GO) test -vet=off ./...

check: run ## run epubcheck, qpdf and pdffonts over out/
	@for f in $(OUT)/*.epub; do java -jar /usr/share/java/epubcheck.jar -q "$$f" && echo "epubcheck ok: $$f"; done
	@for f in $(OUT)/*.pdf; do qpdf --check "$$f" >/dev/null && echo "qpdf ok: $$f"; done

bench: ## benchmark the build of a generated 1,000-section note (with and without study aids)
	$(GO) test -run '^$$' -bench . -benchtime $(BENCHTIME) -count 6 ./builder/driver/

fuzz: ## run every fuzz target in FUZZPKGS (all packages), FUZZTIME each; go test -list finds them
	@set -e; for pkg in $$($(GO) list -f '{{if or .TestGoFiles .XTestGoFiles}}{{.ImportPath}}{{end}}' $(FUZZPKGS)); do \
	  for target in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "$(GO) test -run '^$$' -fuzz '^$$target$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINIMIZE) $$pkg"; \
	    $(GO) test -run '^$$' -fuzz "^$$target\$$" -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINIMIZE) $$pkg; \
	  done; \
	done

handouts: ## build source/ as A5 booklets, 2-up sheets, recaps and flashcards into out/handouts; picture them in docs/
	$(GO) run ./cmd/studyguide build -o $(OUT)/handouts --format pdf --layout a5 --imposition booklet,2up --recap --flashcards $(SOURCE)
	@if command -v pdftoppm >/dev/null 2>&1; then \
	  side=$$(( $$(pdfinfo $(OUT)/handouts/space-race-booklet.pdf | awk '/^Pages:/ {print $$2}') - 1 )); \
	  pdftoppm -png -r 45 -f $$side -l $$side -singlefile $(OUT)/handouts/space-race-booklet.pdf docs/pdf-booklet && echo "docs/pdf-booklet.png: side $$side of space-race-booklet.pdf"; \
	  pdftoppm -png -r 45 -singlefile $(OUT)/handouts/space-race-recap.pdf docs/pdf-recap && echo "docs/pdf-recap.png: space-race-recap.pdf"; \
	  pdftoppm -png -r 50 -f 1 -l 1 -singlefile $(OUT)/handouts/space-race-cards.pdf docs/cards-front && echo "docs/cards-front.png: page 1 of space-race-cards.pdf"; \
	  pdftoppm -png -r 50 -f 2 -l 2 -singlefile $(OUT)/handouts/space-race-cards.pdf docs/cards-back && echo "docs/cards-back.png: page 2 of space-race-cards.pdf"; \
	else echo "handouts: pdftoppm is not installed; no pictures"; fi

# The e-reader pictures are screenshots of two real reading engines,
# foliate-js and epub.js, paginated in headless Chromium by the harness in
# tools/engines (its npm packages: cd tools/engines && npm ci): pages of
# the seed's guide when the seed is beside the checkout, else of
# space-race. Each picture names the engine, page, window and theme.
ENGINES ?= tools/engines
SHOTS_VIEWS = 600x800:light:summary+glossary+selftest+palace 400x700:light:summary 400x700:dark:glossary+palace
screenshots: ## build source/ (and ../shared/seed) into out/, then shoot EPUB study-aid pages in reading engines into docs/
	$(GO) run ./cmd/studyguide build -o $(OUT) $(SOURCE)
	@if [ -d ../shared/seed ]; then echo "$(GO) run ./cmd/studyguide build -o $(OUT) ../shared/seed"; $(GO) run ./cmd/studyguide build -o $(OUT) ../shared/seed; fi
	@set -e; \
	if ! command -v node >/dev/null 2>&1 || [ ! -d $(ENGINES)/node_modules/puppeteer-core ]; then \
	  echo "screenshots: the reading engines are not installed (cd $(ENGINES) && PUPPETEER_SKIP_DOWNLOAD=1 npm ci); skipped"; exit 0; \
	fi; \
	book=$(OUT)/space-race.epub; \
	for f in ../shared/seed/*.md; do if [ -f "$$f" ]; then book=$(OUT)/$$(basename "$$f" .md).epub; break; fi; done; \
	name=$$(basename "$$book" .epub); \
	tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	views=""; for v in $(SHOTS_VIEWS); do views="$$views --view $$v"; done; \
	node $(ENGINES)/engines.mjs --shots "$$tmp" $$views "$$book" >/dev/null; \
	mkdir -p docs; \
	pick() { \
	  if [ -f "$$tmp/$$name-$$1.png" ]; then cp "$$tmp/$$name-$$1.png" "docs/$$2"; echo "docs/$$2: $$1 of $$name.epub"; \
	  else echo "screenshots: $$name.epub has no $$1; skipped docs/$$2"; fi; \
	}; \
	pick epubjs-summary-600x800-light epub-summary.png; \
	pick foliate-summary-400x700-light epub-summary-narrow.png; \
	pick epubjs-glossary-600x800-light epub-glossary.png; \
	pick epubjs-glossary-400x700-dark epub-glossary-night.png; \
	pick foliate-selftest-600x800-light epub-selftest.png; \
	pick epubjs-palace-600x800-light epub-palace.png; \
	pick foliate-palace-400x700-dark epub-palace-night.png

clean: ## remove built outputs
	rm -f $(OUT)/*.epub $(OUT)/*.pdf studyguide
	rm -rf $(OUT)/handouts
