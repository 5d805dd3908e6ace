#!/usr/bin/env bash
# The GitHub Action (../action.yml): runs `gitops-promotion promote` in the command line's image with the action's
# inputs, which GitHub hands over as environment variables (never spliced into this script, so an input cannot run
# code). The token stays in the environment: docker run passes it on by name, and the command reads it by name.
set -euo pipefail

: "${GITOPS_IMAGE:?the image input is required: REGISTRY/gitops-promotion:VERSION}"
: "${GITOPS_REPOSITORY:?the repository input is required}"
: "${GITOPS_ENVIRONMENT:?the environment input is required}"

args=(promote --repo "$GITOPS_REPOSITORY" --env "$GITOPS_ENVIRONMENT" --json)
option() { if [ -n "$2" ]; then args+=("$1" "$2"); fi; }
option --app "${GITOPS_APP:-}"
option --image "${GITOPS_IMAGE_REFERENCE:-}"
option --tag "${GITOPS_TAG:-}"
option --digest "${GITOPS_DIGEST:-}"
option --from "${GITOPS_FROM:-}"
option --base "${GITOPS_BASE:-}"
option --mode "${GITOPS_MODE:-}"
option --provider "${GITOPS_PROVIDER:-}"
option --api-url "${GITOPS_API_URL:-}"
option --username "${GITOPS_USERNAME:-}"
if [ -n "${GITOPS_TOKEN:-}" ]; then
  args+=(--token-env GITOPS_TOKEN)
fi
if [ "${GITOPS_DRY_RUN:-false}" = true ]; then
  args+=(--dry-run)
fi
# Provenance: the run and the commit that asked for the promotion, as commit trailers and in the pull request.
if [ -n "${GITHUB_RUN_ID:-}" ]; then
  args+=(--build-url "$GITHUB_SERVER_URL/$GITHUB_REPOSITORY/actions/runs/$GITHUB_RUN_ID"
    --source-commit "$GITHUB_SHA" --source-url "$GITHUB_SERVER_URL/$GITHUB_REPOSITORY/commit/$GITHUB_SHA")
fi

# As the runner's user, in the workspace: a repository given as a path in the checkout can be written, and what the
# command writes there belongs to the runner. HOME stays the image's, where the mirror cache goes.
workspace=${GITHUB_WORKSPACE:-$PWD}
result=$(docker run --rm --user "$(id -u):$(id -g)" --env GITOPS_TOKEN --volume "$workspace:$workspace" \
  --workdir "$workspace" "$GITOPS_IMAGE" "${args[@]}")
echo "$result"
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  echo "result=$result" >> "$GITHUB_OUTPUT"
fi
