#!/usr/bin/env bash
# Exactly what CI checks, plus formatting, lints and the house rule that the library stays headless.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo fmt --check
cargo clippy --all-targets -- -D warnings
leaks=$(grep -rlE '^\s*(use|extern crate)\s+(egui|eframe)|egui::|eframe::' src | grep -vE '^src/(ui/|main\.rs)' || true)
if [ -n "$leaks" ]; then
  echo "egui/eframe used outside src/ui and src/main.rs: $leaks" >&2
  exit 1
fi
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --lib --quiet
cargo test --locked
