# shenbao — set-up, build, demo and tests. `make demo` and `make test` do everything from a fresh Debian machine.
SHELL := /bin/bash
BUILD_PACKAGES := libxml2-dev libzip-dev libdeflate-dev libpoppler-glib-dev libpoppler-private-dev pkg-config libtesseract-dev libleptonica-dev tesseract-ocr tesseract-ocr-chi-sim
TEST_PACKAGES  := libreoffice-writer-nogui libreoffice-calc-nogui fonts-noto-cjk poppler-utils time ghostscript chromium chromium-driver imagemagick
PYTHON_PACKAGES := python-docx
BROWSER_PYTHON_PACKAGES := selenium pyyaml
## The program the browser tests start (`SHENBAO_BIN=.build-web/debug/shenbao make test-browser` for another build).
SHENBAO_BIN ?= .build/debug/shenbao
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BIN := .build/release/shenbao
DEMO_OUT := demo-out
# Tesseract's OpenMP threads slow OCR 5× on 2 cores; the product's workers set this themselves, the tests' own process needs it here.
export OMP_THREAD_LIMIT := 1

PREFIX ?= /usr/local

.PHONY: all build release demo serve test test-browser deps test-deps clean install uninstall

all: build

## Install the Debian packages the build needs, only those that are missing.
deps:
	@missing=""; for p in $(BUILD_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq -o DPkg::Lock::Timeout=300 $$missing; fi

## Also what the tests need: LibreOffice Writer and Calc (the real clients that open generated files), CJK fonts, poppler-utils, Ghostscript and Chromium (the PDF producers bureaus receive), python-docx, schemathesis (the API fuzz run);
## chromium-driver, Selenium and PyYAML (PyPI) drive Chromium through the web desk in the browser tests.
test-deps: deps
	@missing=""; for p in $(TEST_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq -o DPkg::Lock::Timeout=300 $$missing; fi
	@python3 -c "import docx" 2>/dev/null || python3 -m pip install -q $(PYTHON_PACKAGES)
	@python3 -c "import schemathesis" 2>/dev/null || python3 -m pip install -q schemathesis
	@python3 -c "import selenium, yaml" 2>/dev/null || python3 -m pip install -q $(BROWSER_PYTHON_PACKAGES)

build: deps
	swift build

## The release program links the Swift runtime and Foundation statically (`--static-swift-stdlib`): it starts in
## about half the time (no symbol look-ups across some twenty Swift shared libraries), which is most of a small batch.
## Its PDF page reader is a library of its own beside it (libShenbaoPDFPages.so, opened on the first PDF), and so is
## the web desk (shenbao-desk, which `shenbao serve` hands over to): a command-line run loads none of the desk.
release: deps
	swift build -c release --static-swift-stdlib --product shenbao
	swift build -c release --static-swift-stdlib --product shenbao-desk
	swift build -c release --static-swift-stdlib --product ShenbaoPDFPages

## Install the program, its web desk, its PDF page reader and its call folders: $(PREFIX)/bin/shenbao finds
## $(PREFIX)/lib/shenbao/libShenbaoPDFPages.so and $(PREFIX)/share/shenbao/Templates.
## The system libraries it links (libxml2, libzip, libdeflate, poppler-glib, tesseract + chi_sim data) come from `make deps`.
install: release
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/shenbao $(DESTDIR)$(PREFIX)/share/shenbao
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/shenbao
	install -m 755 $(BIN)-desk $(DESTDIR)$(PREFIX)/bin/shenbao-desk
	install -m 644 $(dir $(BIN))libShenbaoPDFPages.so $(DESTDIR)$(PREFIX)/lib/shenbao/libShenbaoPDFPages.so
	rm -rf $(DESTDIR)$(PREFIX)/share/shenbao/Templates.new
	cp -R Templates $(DESTDIR)$(PREFIX)/share/shenbao/Templates.new
	rm -rf $(DESTDIR)$(PREFIX)/share/shenbao/Templates
	mv $(DESTDIR)$(PREFIX)/share/shenbao/Templates.new $(DESTDIR)$(PREFIX)/share/shenbao/Templates
	@echo "installed $(DESTDIR)$(PREFIX)/bin/shenbao and $(DESTDIR)$(PREFIX)/share/shenbao/Templates"

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/shenbao $(DESTDIR)$(PREFIX)/bin/shenbao-desk
	rm -rf $(DESTDIR)$(PREFIX)/lib/shenbao $(DESTDIR)$(PREFIX)/share/shenbao

## Run the main jobs on Samples/ and leave every output in $(DEMO_OUT)/.
demo: release
	@mkdir -p $(DEMO_OUT)
	@echo "== shenbao calls"; $(BIN) calls
	@echo "== shenbao extract Samples/ (text table per book; JSON lines in $(DEMO_OUT)/extract.jsonl)"
	@$(BIN) extract --format text Samples/ > $(DEMO_OUT)/extract.txt; head -40 $(DEMO_OUT)/extract.txt
	@$(BIN) extract --format json Samples/ > $(DEMO_OUT)/extract.jsonl
	@echo "== shenbao validate Samples/ (report in $(DEMO_OUT)/validate.txt, .json, .csv)"
	@$(BIN) validate --format text Samples/ > $(DEMO_OUT)/validate.txt; tail -12 $(DEMO_OUT)/validate.txt
	@$(BIN) validate --format json Samples/ > $(DEMO_OUT)/validate.json || true
	@$(BIN) validate --format csv Samples/ > $(DEMO_OUT)/validate.csv || true
	@echo "== shenbao summary (汇总表 as Word and Excel in $(DEMO_OUT)/)"
	@$(BIN) summary Samples/hubei-industrial-model-2026 --call hubei-industrial-model-2026 --recommender 武汉市经济和信息化局 \
	  --contact "沈顺 027-85317019" --out $(DEMO_OUT)/汇总表-hubei-industrial-model-2026.docx --out $(DEMO_OUT)/汇总表-hubei-industrial-model-2026.xlsx
	@$(BIN) summary Samples/guangdong-ai-scenario-2023 --call guangdong-ai-scenario-2023 \
	  --out $(DEMO_OUT)/汇总表-guangdong-ai-scenario-2023.docx --out $(DEMO_OUT)/汇总表-guangdong-ai-scenario-2023.xlsx
	@$(BIN) summary Samples/data/hubei-ai-annual-report-2023.csv --call hubei-ai-annual-report-2023 --contact "周前进 85316971" \
	  --out $(DEMO_OUT)/汇总表-hubei-ai-annual-report-2023.docx --out $(DEMO_OUT)/汇总表-hubei-ai-annual-report-2023.xlsx
	@$(BIN) summary Samples/data/miit-ai-innovation-2018.yaml --call miit-ai-innovation-2018 \
	  --out $(DEMO_OUT)/汇总表-miit-ai-innovation-2018.docx --out $(DEMO_OUT)/汇总表-miit-ai-innovation-2018.xlsx
	@echo "== shenbao init / fill / declaration (an applicant's data in Samples/data/ → 申报书 and 承诺书)"
	@$(BIN) init --call hubei-industrial-model-2026 --out $(DEMO_OUT)/数据模板-hubei.yaml --force
	@for call in hubei-industrial-model-2026 guangdong-ai-scenario-2023; do \
	  $(BIN) fill --call $$call Samples/data/applicant-$$call.yaml --out $(DEMO_OUT)/申报书-$$call.docx && \
	  $(BIN) declaration --call $$call Samples/data/applicant-$$call.yaml --out $(DEMO_OUT)/承诺书-$$call.docx; done
	@$(BIN) extract --call hubei-industrial-model-2026 --format text $(DEMO_OUT)/申报书-hubei-industrial-model-2026.docx | head -12
	@echo "outputs in $(DEMO_OUT)/:"; ls $(DEMO_OUT)

## The web desk on 127.0.0.1:8080 with its data in $(SERVE_DATA)/. On first start it creates a demo administrator
## `admin` and a demo bureau `wuhan` (武汉市经济和信息化局, every call, 2 recommendations for the hubei call) with
## random passwords, printed and kept in $(SERVE_DATA)/demo-logins.txt (readable by you only), and puts the sample
## books into its hubei and guangdong inboxes (read as the desk starts).
SERVE_DATA ?= serve-data
SERVE_PORT ?= 8080
serve: release
	@if [ ! -f $(SERVE_DATA)/demo-logins.txt ]; then \
	  mkdir -p $(SERVE_DATA) && chmod 700 $(SERVE_DATA); \
	  admin=$$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 16); \
	  bureau=$$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 16); \
	  SHENBAO_ADMIN_PASSWORD=$$admin $(BIN) serve --data $(SERVE_DATA) --create-admin admin && \
	  SHENBAO_BUREAU_PASSWORD=$$bureau SHENBAO_BUREAU_NAME=武汉市经济和信息化局 SHENBAO_BUREAU_REGION=武汉市 \
	    SHENBAO_BUREAU_QUOTAS=hubei-industrial-model-2026=2 $(BIN) serve --data $(SERVE_DATA) --create-bureau wuhan && \
	  for call in hubei-industrial-model-2026 guangdong-ai-scenario-2023; do \
	    $(BIN) serve --data $(SERVE_DATA) --import Samples/$$call --bureau wuhan --call $$call || exit 1; done && \
	  (umask 077; printf '管理员 admin 密码 %s\n推荐单位 wuhan 密码 %s\n' $$admin $$bureau > $(SERVE_DATA)/demo-logins.txt); \
	fi
	@echo "== 收件台 http://127.0.0.1:$(SERVE_PORT)/  登录（演示账户，见 $(SERVE_DATA)/demo-logins.txt）："; cat $(SERVE_DATA)/demo-logins.txt
	$(BIN) serve --data $(SERVE_DATA) --host 127.0.0.1 --port $(SERVE_PORT)

test: test-deps
	swift build --build-tests
	swift test --skip-build 2>&1 | tee .test-output.log; exit $${PIPESTATUS[0]}
	@echo "== schemathesis against /openapi.yaml (bounded, fixed seed)"
	bash Tests/API/openapi-fuzz.sh .build/debug/shenbao
	$(MAKE) --no-print-directory test-browser

## The web desk in headless Chromium (Selenium): a clerk uploads, reads, recommends and downloads the 汇总表,
## compared through LibreOffice with `shenbao summary`; applicants of the Hubei, Guangdong and Wuhan 培育库 calls
## register, fill their forms, fix what they find, download the 申报书 and submit it to a bureau's inbox (the 培育库
## record's classification checked against `shenbao classify`). Both files run; either failing fails the target.
## Uses the debug build `swift build --build-tests` made.
test-browser: test-deps
	@status=0; for test in Tests/Browser/desk_browser_test.py Tests/Browser/applicant_browser_test.py; do \
	  echo "SHENBAO_BIN=$(SHENBAO_BIN) python3 $$test"; SHENBAO_BIN=$(SHENBAO_BIN) python3 $$test || status=1; done; exit $$status

clean:
	rm -rf .build $(DEMO_OUT)
