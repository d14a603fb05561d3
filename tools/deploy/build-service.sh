#!/usr/bin/env bash
# Compiles one service and the libraries into plain CommonJS for the production image:
#   tools/deploy/build-service.sh <service> [--out DIR]     (default DIR: dist/deploy/<service>)
# The Dockerfiles run exactly this, so a developer reproduces an image build without Docker.
# The entry point lands in DIR/apps/<service>/src/main.js.
set -euo pipefail

usage() { echo "usage: $0 <service> [--out DIR]" >&2; exit 2; }

[[ $# -ge 1 ]] || usage
service=$1; shift
out=""
while [[ $# -gt 0 ]]; do
  case $1 in
    --out) [[ $# -ge 2 ]] || usage; out=$2; shift 2 ;;
    *) usage ;;
  esac
done

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
[[ -f apps/$service/src/main.ts ]] || { echo "build-service: apps/$service/src/main.ts not found" >&2; exit 2; }
out=${out:-dist/deploy/$service}
out=$(mkdir -p "$out" && cd "$out" && pwd)

# A fresh directory per build: stale output from a deleted source file must not reach an image.
find "$out" -mindepth 1 -delete

swc=node_modules/.bin/swc
[[ -x $swc ]] || { echo "build-service: $swc missing: run npm ci first" >&2; exit 2; }

sources=("apps/$service/src")
for lib in libs/*/src; do sources+=("$lib"); done

# Aliases (@careloop/<lib>) become relative requires here: tools/deploy/swcrc.json maps them with jsc.paths.
"$swc" "${sources[@]}" -d "$out" --config-file tools/deploy/swcrc.json --quiet

# Files swc does not compile (JSON, templates) are loaded at run time from beside the code.
while IFS= read -r -d '' asset; do
  mkdir -p "$out/$(dirname "$asset")"
  cp "$asset" "$out/$asset"
done < <(find "${sources[@]}" -type f ! -name '*.ts' ! -name '*.tsbuildinfo' ! -path '*/__fixtures__/*' -print0)

entry=$out/apps/$service/src/main.js
[[ -f $entry ]] || { echo "build-service: swc produced no $entry" >&2; exit 1; }
node tools/deploy/check-requires.js "$entry" package.json
echo "build-service: $service -> $entry"
