#!/usr/bin/env bash
# Builds the three native Lambda zips (<module>/target/function.zip, executable 'bootstrap' inside) with Quarkus's
# container build: the Java build runs on this machine (JDK 17+), native-image runs in the Mandrel builder container.
#
#   src/main/docker/build-natives.sh                 # architecture from deploy/terraform (see below)
#   LAMBDA_ARCHITECTURE=x86_64 src/main/docker/build-natives.sh
#   MODULES=notifier src/main/docker/build-natives.sh     # one module
#
# The architecture is Terraform's variable lambda_architecture: LAMBDA_ARCHITECTURE if set, else the value in
# deploy/terraform/terraform.tfvars, else the variable's default in deploy/terraform/variables.tf. Each zip gets a
# sibling function.zip.arch that Terraform checks before deploying it. Build on a machine of that architecture
# (an arm64 GitHub runner, a Graviton instance, Apple silicon): under emulation native-image takes very long.
# Needs Docker or Podman (QUARKUS_NATIVE_CONTAINER_RUNTIME=podman).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
cd "$ROOT"
# shellcheck source=native-builder.env
source src/main/docker/native-builder.env

tf_arch() {
  local value=""
  if [[ -f deploy/terraform/terraform.tfvars ]]; then
    value=$(sed -n 's/^[[:space:]]*lambda_architecture[[:space:]]*=[[:space:]]*"\([a-z0-9_]*\)".*/\1/p' deploy/terraform/terraform.tfvars | tail -1)
  fi
  if [[ -z "$value" ]]; then
    value=$(awk '/^variable "lambda_architecture"/{f=1} f && /default/{gsub(/[" ]/,"",$0); split($0,a,"="); print a[2]; exit}' deploy/terraform/variables.tf)
  fi
  echo "$value"
}

ARCH="${LAMBDA_ARCHITECTURE:-$(tf_arch)}"
case "$ARCH" in
  arm64) PLATFORM=linux/arm64 ;;
  x86_64) PLATFORM=linux/amd64 ;;
  *) echo "unknown Lambda architecture '$ARCH' (arm64 or x86_64)" >&2; exit 2 ;;
esac
echo "Building native Lambda zips for $ARCH ($PLATFORM) with $MANDREL_BUILDER_IMAGE"

runtime="${QUARKUS_NATIVE_CONTAINER_RUNTIME:-docker}"
# MODULES="notifier" builds a subset (the forge's workflow builds each module in its own job).
FUNCTION_MODULES="${MODULES:-$FUNCTION_MODULES}"
modules_csv=$(echo "$FUNCTION_MODULES" | tr ' ' ',')

./mvnw -B package -Dnative -DskipTests \
  -pl "$modules_csv" -am \
  -Dquarkus.native.container-build=true \
  -Dquarkus.native.container-runtime="$runtime" \
  -Dquarkus.native.builder-image="$MANDREL_BUILDER_IMAGE" \
  -Dquarkus.native.container-runtime-options="--platform=$PLATFORM" \
  ${BUILD_NATIVES_MAVEN_ARGS:-}

# Check each zip: an executable ELF 'bootstrap' for the right machine, then record the architecture.
for module in $FUNCTION_MODULES; do
  src/main/docker/verify-function-zip.sh "$module/target/function.zip" "$ARCH"
done
