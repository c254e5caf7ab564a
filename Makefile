# The two commands a developer needs: `make run` and `make test`. Everything else is a part of them.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

export PATH := $(HOME)/.cargo/bin:$(PATH)
APP_BIN := target/debug/vpn-compliance-assistant
NEXTEST := $(shell command -v cargo-nextest 2>/dev/null)

.PHONY: help run test deps deps-test ui lint test-rust test-ui-unit test-ui test-e2e bindings bench bundle icons clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

run: deps ui ## Install what is missing, build the UI and start the app
	cargo run -p vpn-compliance-assistant

test: deps-test ui lint test-rust test-ui-unit test-ui test-e2e ## Run every check and test (what CI runs)
	@echo "make test: all checks passed"

deps:
	scripts/install-deps.sh run

deps-test:
	scripts/install-deps.sh test

ui: ## Build the front end into ui/dist (embedded into the app at compile time)
	cd ui && npm run build --silent

lint: ## rustfmt, clippy (warnings are errors) and the TypeScript type check
	cargo fmt --all --check
	cargo clippy --workspace --all-targets --locked -- -D warnings
	cd ui && npm run typecheck --silent

test-rust: ## Rust unit, integration and doc tests (inside private, real keychains)
ifneq ($(NEXTEST),)
	scripts/with-keychain.sh cargo nextest run --workspace --locked --no-fail-fast
else
	scripts/with-keychain.sh cargo test --workspace --locked --no-fail-fast
endif
	cargo test --workspace --locked --doc

test-ui-unit: ## Front-end unit tests (vitest)
	cd ui && npm run test:unit --silent

test-ui: ## UI tests: the built front end in headless Chromium, IPC faked
	cd ui && npx vitest run --config vitest.ui.config.ts

test-e2e: ## End-to-end: the real app under Xvfb, driven through tauri-driver
	cargo build -p vpn-compliance-assistant --locked
	scripts/with-display.sh scripts/with-keychain.sh bash -c 'cd ui && npx vitest run --config vitest.e2e.config.ts'
	@echo "Screenshots of every section: artifacts/e2e/"

bindings: ## Regenerate the TypeScript bindings in ui/src/bindings from the Rust types
	VCA_UPDATE_BINDINGS=1 cargo test -p vpn-compliance-assistant --lib bindings_are_fresh

bench: deps-test ui ## Release build; print start-up time, memory, binary and .deb size
	scripts/bench.sh

bundle: deps ui ## Build the .deb into target/release/bundle (AppImage: see the GitHub workflow)
	ui/node_modules/.bin/tauri build --bundles deb
	@echo "AppImage: built by .github/workflows/bundles.yml; its tools (linuxdeploy, the AppImage runtime) come from GitHub, which this machine cannot reach. To try here anyway: ui/node_modules/.bin/tauri build --bundles appimage"

icons: ## Regenerate every icon size from icons/icon.svg
	rsvg-convert -w 1024 -h 1024 icons/icon.svg -o icons/icon-source.png
	cd ui && npx tauri icon ../icons/icon-source.png -o ../icons
	rm -rf icons/android icons/ios
	cp icons/icon.svg ui/public/icon.svg

clean:
	cargo clean
	rm -rf ui/dist artifacts
