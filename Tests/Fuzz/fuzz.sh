#!/usr/bin/env bash
# Builds and runs the libFuzzer target for the CSV reader and the dataset loader.
#
#   bash Tests/Fuzz/fuzz.sh [SECONDS] [extra libFuzzer flags]
#
# Compiles ContextModel, then ContextIngest with Tests/Fuzz/*.swift, with
# `-sanitize=fuzzer,address` into .build-fuzz/ingest-fuzz, and fuzzes for SECONDS (default 60)
# starting from the committed seeds (Tests/Fuzz/Seeds) and the growing corpus in
# .build-fuzz/corpus. Crashes are written to .build-fuzz/crash-*; each fixed one becomes a test.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$root/.build-fuzz"
seconds="${1:-60}"
shift || true
mkdir -p "$out/corpus"
flags=(-swift-version 6 -parse-as-library -sanitize=fuzzer,address -O -g
    -enable-upcoming-feature ExistentialAny -enable-upcoming-feature MemberImportVisibility)
swiftc "${flags[@]}" -wmo -module-name ContextModel -emit-module -emit-module-path "$out/ContextModel.swiftmodule" \
    -c "$root"/Sources/ContextModel/*.swift -o "$out/ContextModel.o"
mapfile -t ingest < <(find "$root/Sources/ContextIngest" -name '*.swift' ! -name InputFingerprint.swift | sort)
swiftc "${flags[@]}" -module-name ContextIngest -I "$out" "${ingest[@]}" "$root"/Tests/Fuzz/*.swift \
    "$out/ContextModel.o" -o "$out/ingest-fuzz"
cd "$out"
exec ./ingest-fuzz -max_total_time="$seconds" -max_len=65536 -timeout=20 -rss_limit_mb=4096 -print_final_stats=1 -detect_leaks=0 \
    "$@" corpus "$root/Tests/Fuzz/Seeds"
