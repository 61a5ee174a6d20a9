# The front door of the project: CI runs these same targets.
GO      ?= go
OUT     ?= out
SOURCE  ?= source
BENCHTIME ?= 5x

.PHONY: help run build test check bench fuzz screenshots clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

run: ## build the sample notes in source/ into out/
	$(GO) run ./cmd/studyguide build -o $(OUT) $(SOURCE)

build: ## compile the studyguide binary
	$(GO) build -o studyguide ./cmd/studyguide

test: ## vet, then run every test (the external checkers too, when installed)
	$(GO) vet ./...
	$(GO) test ./...

check: run ## run epubcheck, qpdf and pdffonts over out/
	@for f in $(OUT)/*.epub; do java -jar /usr/share/java/epubcheck.jar -q "$$f" && echo "epubcheck ok: $$f"; done
	@for f in $(OUT)/*.pdf; do qpdf --check "$$f" >/dev/null && echo "qpdf ok: $$f"; done

bench: ## benchmark both writers on a generated note of 1,000 sections
	$(GO) test -run '^$$' -bench . -benchtime $(BENCHTIME) -count 6 ./builder/driver/

clean: ## remove built outputs
	rm -f $(OUT)/*.epub $(OUT)/*.pdf studyguide
