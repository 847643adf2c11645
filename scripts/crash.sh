#!/usr/bin/env bash
# The crash test at length: 200 kills of a process writing a project (cargo test does 20).
set -euo pipefail
cd "$(dirname "$0")/.."
ATELIER_CRASH_KILLS="${ATELIER_CRASH_KILLS:-200}" cargo test --release --test crash -- --nocapture every_acknowledged_command_survives_a_kill
