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

# The summary picture shows its page from the heading down to the first
# summary table (what comes between is hidden in a copy of the page); the
# glossary and palace pictures show the top of their pages as they are.
screenshots: ## build source/ (and ../shared/seed) into out/, then shoot EPUB study-aid pages into docs/
	$(GO) run ./cmd/studyguide build -o $(OUT) $(SOURCE)
	@if [ -d ../shared/seed ]; then echo "$(GO) run ./cmd/studyguide build -o $(OUT) ../shared/seed"; $(GO) run ./cmd/studyguide build -o $(OUT) ../shared/seed; fi
	@set -e; \
	for tool in chromium unzip; do \
	  if ! command -v $$tool >/dev/null 2>&1; then echo "screenshots: $$tool is not installed; skipped"; exit 0; fi; \
	done; \
	tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	books=""; \
	for f in ../shared/seed/*.md; do [ -f "$$f" ] && books="$$books $(OUT)/$$(basename "$$f" .md).epub"; done; \
	books="$$books $$(ls $(OUT)/*.epub 2>/dev/null)"; \
	for b in $$books; do \
	  [ -f "$$b" ] && [ ! -d "$$tmp/$$(basename "$$b" .epub)" ] || continue; \
	  mkdir "$$tmp/$$(basename "$$b" .epub)"; unzip -q "$$b" -d "$$tmp/$$(basename "$$b" .epub)"; \
	done; \
	find_page() { \
	  for b in $$books; do \
	    p=$$(grep -l "$$1" "$$tmp/$$(basename "$$b" .epub)"/EPUB/*.xhtml 2>/dev/null | head -n 1); \
	    if [ -n "$$p" ]; then echo "$$p"; return; fi; \
	  done; \
	}; \
	shot() { \
	  chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
	    --disable-sync --no-first-run --hide-scrollbars --window-size=$$1 --screenshot="$(CURDIR)/docs/$$2" "file://$$3" >/dev/null 2>&1; \
	  echo "docs/$$2: $$(basename "$$3") of $$(basename "$$(dirname "$$(dirname "$$3")")").epub at $$1"; \
	}; \
	mkdir -p "$(CURDIR)/docs"; \
	page=$$(find_page 'class="aid summary"'); \
	if [ -n "$$page" ]; then \
	  probe="$$(dirname "$$page")/summary-probe.xhtml"; \
	  sed 's#</head>#<style>body :not(h1):has(~ table.aid.summary), body :not(h1):has(~ * table.aid.summary) { display: none; }</style></head>#' "$$page" > "$$probe"; \
	  shot 600,800 epub-summary.png "$$probe"; \
	  shot 400,800 epub-summary-narrow.png "$$probe"; \
	else echo "screenshots: no page with a summary table; skipped epub-summary.png and epub-summary-narrow.png"; fi; \
	page=$$(find_page 'class="level-1 aid glossary"'); \
	if [ -n "$$page" ]; then shot 600,800 epub-glossary.png "$$page"; \
	else echo "screenshots: no glossary page; skipped epub-glossary.png"; fi; \
	page=$$(find_page 'class="level-1 aid self-test"'); \
	if [ -n "$$page" ]; then shot 600,800 epub-selftest.png "$$page"; \
	else echo "screenshots: no self-test page; skipped epub-selftest.png"; fi; \
	page=$$(find_page 'class="palace"'); \
	if [ -n "$$page" ]; then shot 600,800 epub-palace.png "$$page"; \
	else echo "screenshots: no palace page; skipped epub-palace.png"; fi

clean: ## remove built outputs
	rm -f $(OUT)/*.epub $(OUT)/*.pdf studyguide
	rm -rf $(OUT)/handouts
