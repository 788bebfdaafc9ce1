#!/usr/bin/env bash
# Posts the explainer report on a pull request as one comment that later
# runs edit in place (found by the marker on its first line), so a busy pull
# request gets one summary, not one per push. Pull requests that change no
# explainer get no comment, unless they had one (it is then updated).
#
#   pr-comment.sh <pull-request-number> <report.md>
#
# Needs the GitHub CLI with GH_TOKEN (permissions: pull-requests: write) and GITHUB_REPOSITORY.
set -euo pipefail
usage="usage: pr-comment.sh <pull-request-number> <report.md>"
pr="${1:?$usage}"
report="${2:?$usage}"
repo="${GITHUB_REPOSITORY:?GITHUB_REPOSITORY is not set}"
marker=$(head -n 1 "$report")

existing=$(gh api "repos/$repo/issues/$pr/comments" --paginate \
  --jq ".[] | select(.body | startswith(\"$marker\")) | .id")
existing="${existing%%$'\n'*}"

if [ -n "$existing" ]; then
  gh api --method PATCH "repos/$repo/issues/comments/$existing" -F "body=@$report" >/dev/null
  echo "Updated the report comment on #$pr."
elif grep -q '^No explainer changed\.$' "$report"; then
  echo "No explainer changed: no comment posted."
else
  gh pr comment "$pr" --body-file "$report" >/dev/null
  echo "Posted the report on #$pr."
fi
