#!/usr/bin/env bash
# Regenerates the PNGs of this folder from the shipped sample with contextd itself (nothing is
# drawn by hand). Run from the repository root:  bash Samples/gallery/make_gallery.sh
# The sample is entirely fictional (see Samples/README.md), so its names may be shown.
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build -c release --product contextd >/dev/null
contextd="$(swift build -c release --show-bin-path)/contextd"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
common=(--data Samples/borough --out "$work" --config Config/contextd.yaml --format png)
# One child's own network (two links out), a takeaway's surroundings pseudonymised, the legend,
# the overview, and the largest cluster.
child=Y-332
place=$(awk -F, '$2 == "location" && $7 == "takeaway" && $4 == 4 { print $1; exit }' Samples/borough/entities.csv)
"$contextd" map "${common[@]}" --fit 18 --child "$child" >"$work/child.txt"
"$contextd" map "${common[@]}" --fit 14 --context "$place" --depth 1 --pseudonymise >"$work/place.txt"
"$contextd" map "${common[@]}" --legend >/dev/null
"$contextd" map "${common[@]}" --fit 26 >/dev/null
cp "$(grep '\.png$' "$work/child.txt")" Samples/gallery/child.png
cp "$(grep '\.png$' "$work/place.txt")" Samples/gallery/place-pseudonymised.png
cp "$work/maps/legend.png" Samples/gallery/legend.png
cp "$work/maps/overview.png" Samples/gallery/overview.png
largest=$(ls -S "$work"/maps/clusters/*.png | head -1)
cp "$largest" Samples/gallery/cluster.png
chmod 644 Samples/gallery/*.png
ls -l Samples/gallery/*.png
