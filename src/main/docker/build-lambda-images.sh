#!/usr/bin/env bash
# Builds the container image variant of each function from the zips build-natives.sh produced.
#   src/main/docker/build-lambda-images.sh [tag]        -> stockwatch-<module>:<tag> (default: latest)
# Push to ECR with: docker tag stockwatch-loader:latest <account>.dkr.ecr.<region>.amazonaws.com/stockwatch-loader:latest
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
cd "$ROOT"
# shellcheck source=native-builder.env
source src/main/docker/native-builder.env
tag="${1:-latest}"
runtime="${QUARKUS_NATIVE_CONTAINER_RUNTIME:-docker}"
for module in $FUNCTION_MODULES; do
  arch=$(cat "$module/target/function.zip.arch")
  case "$arch" in arm64) platform=linux/arm64 ;; x86_64) platform=linux/amd64 ;; *) echo "bad arch $arch" >&2; exit 1 ;; esac
  "$runtime" build --platform "$platform" -f src/main/docker/Dockerfile.lambda --build-arg MODULE="$module" \
    -t "stockwatch-$module:$tag" .
done
