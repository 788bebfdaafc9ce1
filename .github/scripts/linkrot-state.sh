#!/usr/bin/env bash
# Keeps the link-rot state between scheduled runs on a branch of its own
# (default `linkrot-state`) holding one commit with one file, state.json:
# no history to grow, nothing on main, readable with `git show linkrot-state:state.json`.
#
#   linkrot-state.sh restore <file>   copy the saved state to <file> (no-op on the first run)
#   linkrot-state.sh save <file>      replace the saved state with <file>
#
# Run inside a clone whose remote can be pushed to (the job needs `contents: write` to save).
set -euo pipefail
usage="usage: linkrot-state.sh restore|save <file>"
action="${1:?$usage}"
file="${2:?$usage}"
branch="${LINKROT_STATE_BRANCH:-linkrot-state}"
remote="${LINKROT_STATE_REMOTE:-origin}"

case "$action" in
  restore)
    mkdir -p "$(dirname "$file")"
    # ls-remote exits 2 when the branch does not exist: that is the first run, not an error.
    if git ls-remote --exit-code --heads "$remote" "$branch" >/dev/null; then
      git fetch --quiet --depth=1 "$remote" "refs/heads/$branch"
      git show FETCH_HEAD:state.json > "$file.tmp"
      mv "$file.tmp" "$file"
      echo "Restored the link-rot state from branch $branch ($(wc -c < "$file" | tr -d ' ') bytes)."
    else
      status=$?
      if [ "$status" -ne 2 ]; then
        echo "::error::Could not read branch $branch from $remote (git ls-remote exit $status)."
        exit 1
      fi
      echo "No branch $branch yet: this run starts the link-rot history."
    fi
    ;;
  save)
    if [ ! -s "$file" ]; then
      echo "::error::No link-rot state at $file to save."
      exit 1
    fi
    export GIT_AUTHOR_NAME="${GIT_AUTHOR_NAME:-github-actions[bot]}"
    export GIT_AUTHOR_EMAIL="${GIT_AUTHOR_EMAIL:-41898282+github-actions[bot]@users.noreply.github.com}"
    export GIT_COMMITTER_NAME="$GIT_AUTHOR_NAME" GIT_COMMITTER_EMAIL="$GIT_AUTHOR_EMAIL"
    # Plumbing, so the working tree and the current branch are never touched.
    blob=$(git hash-object -w -- "$file")
    tree=$(printf '100644 blob %s\tstate.json\n' "$blob" | git mktree)
    commit=$(git commit-tree "$tree" -m "Link-rot state${GITHUB_RUN_ID:+ from run $GITHUB_RUN_ID}")
    git push --quiet --force "$remote" "$commit:refs/heads/$branch"
    echo "Saved the link-rot state to branch $branch."
    ;;
  *)
    echo "$usage" >&2
    exit 2
    ;;
esac
