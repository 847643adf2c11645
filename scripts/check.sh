#!/usr/bin/env bash
# Exactly what CI checks, plus formatting, lints and the house rules: the library stays headless,
# the domain's types live in model/, and stats/ and charts/ do not import each other.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo fmt --check
cargo clippy --all-targets -- -D warnings
leaks=$(grep -rlE '^\s*(use|extern crate)\s+(egui|eframe)|egui::|eframe::' src | grep -vE '^src/(ui/|main\.rs)' || true)
if [ -n "$leaks" ]; then
  echo "egui/eframe used outside src/ui and src/main.rs: $leaks" >&2
  exit 1
fi
# The domain's types live in model/: outside import/, nothing names an importer's type.
import_types=$(grep -rnE 'crate::import::([a-z_]+::)*(\{[^}]*)?[A-Z]' src | grep -v '^src/import/' || true)
if [ -n "$import_types" ]; then
  echo "a type named from crate::import outside src/import (it belongs in model/): $import_types" >&2
  exit 1
fi
# Figures stand above statistics and charts, which never import each other.
tangled=$( (grep -rn 'crate::charts' src/stats; grep -rn 'crate::stats' src/charts) || true)
if [ -n "$tangled" ]; then
  echo "stats/ and charts/ import each other (figures/ joins them): $tangled" >&2
  exit 1
fi
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --lib --quiet
cargo test --locked
