#!/usr/bin/env bash
# Every deploy check this machine can run without terraform, GraalVM or AWS. Called by .ci/run.
#
#   deploy/checks/run-checks.sh [--no-native] [--install-deps]
#
# 1. Terraform syntax and formatting with HashiCorp's HCL parser and formatter from npm, and the wiring of
#    deploy/terraform against the Java code (node's built-in test runner); `terraform fmt -check -recursive` too
#    where a terraform binary is on the machine.
# 2. Quarkus's native build steps for the three function modules with a recording native-image stand-in
#    (deploy/checks/native-build-check.sh). --no-native skips them; --install-deps installs the non-function
#    modules into ~/.m2 first (needed on a machine where nothing was installed yet).
#
# Needs node >= 18 with npm (the npm registry for `npm ci`) and JDK 17 (java, jar). Ends with "N passed, N failed".
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CHECKS="$ROOT/deploy/checks"
native=true
native_args=()
for arg in "$@"; do
  case "$arg" in
    --no-native) native=false ;;
    --install-deps) native_args+=(--install-deps) ;;
    *) echo "unknown argument $arg" >&2; exit 2 ;;
  esac
done

# A CI clone must not build against whatever shared modules an earlier session left in ~/.m2.
if [[ "${CI:-}" == "true" && ! " ${native_args[*]-} " =~ " --install-deps " ]]; then native_args+=(--install-deps); fi

passed=0
failed=0

echo "== npm ci (deploy/checks)"
if ! (cd "$CHECKS" && npm ci --no-audit --no-fund --loglevel=error); then
  echo "npm ci failed"
  echo "0 passed, 1 failed"
  exit 1
fi

echo "== Terraform syntax, fmt and wiring (node --test)"
start=$(date +%s)
report=$(mktemp)
(cd "$CHECKS" && node --test --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$report" test/*.test.mjs)
node_status=$?
node_pass=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$report")
node_fail=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$report")
rm -f "$report"
passed=$((passed + ${node_pass:-0}))
failed=$((failed + ${node_fail:-0}))
if [[ $node_status -ne 0 && ${node_fail:-0} -eq 0 ]]; then failed=$((failed + 1)); fi
echo "terraform checks: ${node_pass:-0} ok, ${node_fail:-0} failing ($(( $(date +%s) - start ))s)"

# HashiCorp's own formatter where the machine has it (providers cannot be fetched here, so fmt is all it can run).
if command -v terraform >/dev/null 2>&1; then
  echo "== terraform fmt -check -recursive ($(terraform version | head -n 1))"
  if (cd "$ROOT/deploy/terraform" && terraform fmt -check -recursive -diff); then
    passed=$((passed + 1))
  else
    echo "terraform fmt found unformatted files: run (cd deploy/terraform && terraform fmt -recursive)"
    failed=$((failed + 1))
  fi
else
  echo "== terraform fmt: no terraform on this machine (the npm formatter above checked the format)"
fi

if $native; then
  echo "== Quarkus native build steps (recording native-image stand-in)"
  native_out=$(mktemp)
  "$CHECKS/native-build-check.sh" "${native_args[@]}" loader notifier dashboard-api | tee "$native_out"
  native_status=${PIPESTATUS[0]}
  n_pass=$(sed -n 's/^native check: \([0-9]*\) ok, \([0-9]*\) failing$/\1/p' "$native_out")
  n_fail=$(sed -n 's/^native check: \([0-9]*\) ok, \([0-9]*\) failing$/\2/p' "$native_out")
  rm -f "$native_out"
  passed=$((passed + ${n_pass:-0}))
  failed=$((failed + ${n_fail:-0}))
  if [[ $native_status -ne 0 && ${n_fail:-0} -eq 0 ]]; then failed=$((failed + 1)); fi
fi

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
