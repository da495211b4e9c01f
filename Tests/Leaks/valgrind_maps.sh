#!/usr/bin/env bash
# Leak check of the map renderer: one `contextd map` process draws a few hundred maps (every
# child's and every place's own network in the shipped sample, depth 1, cache off) under
# valgrind's memcheck, and the script prints the leak summary. Run from the repository root:
#   bash Tests/Leaks/valgrind_maps.sh [number of children] [number of places]
# VALGRIND_LOG=FILE keeps valgrind's whole report.
#
# Two workarounds, both for valgrind 3.19 (Debian bookworm), not for contextd:
# - its DWARF reader cannot read Swift 6's debug information, so the binary is copied with the
#   debug sections stripped (symbols stay, so stacks still name functions);
# - it crashes when rt_sigsuspend is given a signal mask in read-only memory, which is what
#   libdispatch does on every Swift async main; sigsuspend_shim.c, preloaded, copies the mask.
set -euo pipefail
cd "$(dirname "$0")/../.."
children=${1:-150}
places=${2:-150}
swift build --product contextd >/dev/null
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
strip --strip-debug "$(swift build --show-bin-path)/contextd" -o "$work/contextd"
gcc -shared -fPIC -O2 Tests/Leaks/sigsuspend_shim.c -o "$work/sigsuspend_shim.so"
printf 'maps:\n  cache: false\n  max_nodes: 40\n' >"$work/config.yaml"
subjects=()
for id in $(awk -F, '$2 == "child" { print $1 }' Samples/borough/entities.csv | head -"$children"); do
    subjects+=(--child "$id")
done
for id in $(awk -F, '$2 == "location" { print $1 }' Samples/borough/entities.csv | head -"$places"); do
    subjects+=(--context "$id")
done
# The Swift runtime's lazy metadata initialisation shows up as "conditional jump depends on
# uninitialised value" reports inside libswiftCore; they are not leaks and are not counted here.
LD_PRELOAD="$work/sigsuspend_shim.so" valgrind --leak-check=full --show-leak-kinds=definite \
    --num-callers=40 --log-file="$work/valgrind.log" \
    "$work/contextd" map --data Samples/borough --out "$work/out" --config "$work/config.yaml" \
    --as-of 2024-09-30 --depth 1 "${subjects[@]}" | tail -1
if [ -n "${VALGRIND_LOG:-}" ]; then cp "$work/valgrind.log" "$VALGRIND_LOG"; fi
grep -E "definitely lost|indirectly lost|possibly lost|still reachable|ERROR SUMMARY" "$work/valgrind.log" \
    | sed 's/^==[0-9]*== *//'
if ! grep -q "definitely lost: 0 bytes in 0 blocks" "$work/valgrind.log"; then
    grep -B2 -A40 "definitely lost in" "$work/valgrind.log" | sed 's/^==[0-9]*== *//' | head -300
    exit 1
fi
