#!/usr/bin/env bash
# Validates docs/asyncapi.json (the topics' AsyncAPI document, kept equal to what
# publish-service makes by AsyncApiDocumentTests) with the AsyncAPI parser from npm, at the
# versions pinned in package-lock.json, installed into tools/asyncapi/node_modules.
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -d node_modules/@asyncapi/parser ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
fi
node validate.mjs "${1:-../../docs/asyncapi.json}"
