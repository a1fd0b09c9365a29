#!/usr/bin/env bash
# Copies the README's pictures from the browser journeys' latest run (artifacts/screenshots, written by
# `bash scripts/test.sh`) to docs/images, so the README shows the portal as it is now. Run after the tests; commit.
set -euo pipefail
cd "$(dirname "$0")/.."
declare -A pictures=(
  [settings.png]=identity-and-access.png
  [journey-03-diff-before-save.png]=review-before-saving.png
  [journey-05-why-this-role.png]=why-this-role.png
  [journey-01-team-scim-unavailable.png]=mode-unavailable-with-reason.png
  [journey-06-seat-queue.png]=seat-queue.png
  [languages-01-organization-sso-pt-BR.png]=organization-sso-pt-BR.png
)
mkdir -p docs/images
for source in "${!pictures[@]}"; do
  if [[ ! -f "artifacts/screenshots/$source" ]]; then
    echo "missing artifacts/screenshots/$source: run the browser tests first (bash scripts/test.sh)" >&2
    exit 1
  fi
  cp "artifacts/screenshots/$source" "docs/images/${pictures[$source]}"
done
echo "copied ${#pictures[@]} screenshots to docs/images"
