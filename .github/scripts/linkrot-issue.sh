#!/usr/bin/env bash
# Keeps one open issue, labelled `link-rot`, in step with the link-rot report:
# opens it when sources are dead or rotten, updates it while they stay so
# (commenting only when the report changes, so a steady state is not weekly noise),
# and closes it with a comment once every source is healthy again.
#
#   linkrot-issue.sh <report.md> healthy|unhealthy
#
# Needs the GitHub CLI with GH_TOKEN (permissions: issues: write).
set -euo pipefail
export LC_ALL=C.UTF-8
usage="usage: linkrot-issue.sh <report.md> healthy|unhealthy"
report="${1:?$usage}"
state="${2:?$usage}"
label="${LINKROT_LABEL:-link-rot}"
title="${LINKROT_ISSUE_TITLE:-Link rot: some sources need attention}"
guide="${GITHUB_SERVER_URL:-https://github.com}/${GITHUB_REPOSITORY:-}/blob/HEAD/.github/CONTRIBUTING.md#when-a-source-rots"
run_url="${GITHUB_SERVER_URL:-https://github.com}/${GITHUB_REPOSITORY:-}/actions/runs/${GITHUB_RUN_ID:-}"
# A fingerprint of the report's list and table lines (where problems are listed, unlike
# timings): when it is unchanged, the issue is edited silently instead of commented on.
digest=$( (grep -E '^[[:space:]]*([-*+|]|[0-9]+\.)[[:space:]]' "$report" || true) | sha256sum | cut -c1-16)
marker="<!-- linkrot-report $digest -->"

number=$(gh issue list --label "$label" --state open --limit 1 --json number --jq '.[0].number // empty')

case "$state" in
  unhealthy)
    text=$(cat "$report")
    # GitHub refuses bodies over 65,536 characters.
    if [ "${#text}" -gt 60000 ]; then text="${text:0:60000}"$'\n\n… (cut: the full report is in the run)'; fi
    body="$(mktemp)"
    printf '%s\n\n%s\n\n---\nUpdated by the link-rot workflow on %s: %s\nHow to fix a source: %s\n' \
      "$marker" "$text" "$(date -u +%Y-%m-%d)" "$run_url" "$guide" > "$body"
    gh label create "$label" --color B60205 --description "Cited sources that are dead or rotten (kept by the link-rot workflow)" >/dev/null 2>&1 || true
    if [ -n "$number" ]; then
      previous=$(gh issue view "$number" --json body --jq .body)
      previous="${previous%%$'\n'*}"
      gh issue edit "$number" --body-file "$body" >/dev/null
      if [ "$previous" != "$marker" ]; then
        gh issue comment "$number" --body "The link-rot report changed: see the updated description ($run_url)." >/dev/null
      fi
      echo "Updated issue #$number."
    else
      gh issue create --title "$title" --label "$label" --body-file "$body"
    fi
    ;;
  healthy)
    if [ -n "$number" ]; then
      gh issue comment "$number" --body "Every source is healthy again as of $(date -u +%Y-%m-%d) ($run_url). Closing." >/dev/null
      gh issue close "$number" >/dev/null
      echo "Closed issue #$number."
    else
      echo "Every source is healthy; no link-rot issue is open."
    fi
    ;;
  *)
    echo "$usage" >&2
    exit 2
    ;;
esac
