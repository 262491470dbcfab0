#!/usr/bin/env bash
# `./stockwatch native`: real native executables of the functions, built on this machine with the verification
# toolchain (tools/native-image, README.md there), and the end-to-end test on them.
#
#   ./stockwatch native [--test] [--analysis-only M1,M2] [module ...]
#
#   module ...          the function modules to build (default: loader notifier dashboard-api), one at a time
#   --analysis-only L   for the modules in L (comma-separated), stop after native-image's analysis stage
#                       (-H:+ReturnAfterAnalysis: reflection, class initialisation, unresolved types and image heap
#                       errors show up there) and build no executable
#   --test              then run the end-to-end test (local-stack LocalStackIT) on the native executables
#
# Leaves <module>/target/<name>-runner (dynamically linked against the toolchain's JDK libraries: it runs on this
# machine only). The function.zip the Quarkus build also writes is deleted: only the Mandrel container build
# (src/main/docker/build-natives.sh) makes deployable zips. Logs and timings: target/native/ at the repository root.
# Environment: NATIVE_IMAGE_XMX (builder heap, default 5g), NATIVE_NICE (default 5), MAVEN_ARGS_NATIVE (extra).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
ALL_MODULES=(loader notifier dashboard-api)
OUT="$ROOT/target/native"

modules=()
analysis_only=","
run_test=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    --test) run_test=true ;;
    --analysis-only) analysis_only=",${2:?--analysis-only needs a list of modules},"; shift ;;
    --analysis-only=*) analysis_only=",${1#*=}," ;;
    -h | --help) sed -n '2,18p' "${BASH_SOURCE[0]}"; exit 0 ;;
    -*) echo "stockwatch native: unknown option $1" >&2; exit 2 ;;
    *) modules+=("$1") ;;
  esac
  shift
done
[[ ${#modules[@]} -gt 0 ]] || modules=("${ALL_MODULES[@]}")
for m in "${modules[@]}"; do
  [[ " ${ALL_MODULES[*]} " == *" $m "* ]] || { echo "stockwatch native: $m is not a function module (${ALL_MODULES[*]})" >&2; exit 2; }
done

mkdir -p "$OUT"
started=$(date +%s)
if ! GRAALVM_HOME_LOCAL=$(tools/native-image/build-toolchain.sh); then
  echo "stockwatch native: no native toolchain on this machine (see above). The release binaries are built by" >&2
  echo "  src/main/docker/build-natives.sh in the Mandrel builder container." >&2
  exit 1
fi

summary=()
status=0
built=()
for module in "${modules[@]}"; do
  log="$OUT/$module.log"
  mode=full
  env_analysis=false
  if [[ "$analysis_only" == *",$module,"* ]]; then mode=analysis; env_analysis=true; fi
  echo "== native $mode build: $module (log: ${log#"$ROOT"/})"
  target="$module/target"
  rm -f "$target"/*-runner "$target/function.zip"
  t0=$(date +%s)
  set +e
  NATIVE_IMAGE_ANALYSIS_ONLY=$env_analysis nice -n "${NATIVE_NICE:-5}" ./mvnw -B package -Dnative \
    -Dmaven.test.skip=true -pl "$module" -am \
    -Dquarkus.native.container-build=false -Dquarkus.native.remote-container-build=false \
    -Dquarkus.native.graalvm-home="$GRAALVM_HOME_LOCAL" \
    -Dquarkus.native.native-image-xmx="${NATIVE_IMAGE_XMX:-5g}" \
    ${MAVEN_ARGS_NATIVE:-} > "$log" 2>&1
  rc=$?
  set -e
  seconds=$(( $(date +%s) - t0 ))
  # Never leave a zip of a verification binary where deploy steps look for function.zip.
  rm -f "$target/function.zip"
  peak=$(grep -o 'Peak RSS: [0-9.]*GB' "$log" | tail -1 | cut -d' ' -f3 || true)
  if [[ $mode == analysis ]]; then
    # Quarkus fails after native-image returns without an executable; the analysis itself must have passed.
    if grep -q '^\[2/8\] Performing analysis' "$log" && ! grep -qE '^(Error|Fatal error)' "$log" \
        && grep -q 'ReturnAfterAnalysis' "$target"/*-native-image-source-jar/*.builder-command.txt 2>/dev/null; then
      summary+=("$module analysis OK ${seconds}s peak ${peak:-?}")
    else
      summary+=("$module analysis FAILED ${seconds}s (see $log)"); status=1
    fi
  else
    runner=$(compgen -G "$target/*-runner" | head -1 || true)
    if [[ $rc -eq 0 && -n "$runner" && -x "$runner" ]]; then
      summary+=("$module OK ${seconds}s peak ${peak:-?} $(du -m "$runner" | cut -f1) MB $runner")
      built+=("$module")
    else
      grep -E '^(Error|Fatal error)|\[ERROR\]' "$log" | head -20 >&2 || true
      summary+=("$module FAILED ${seconds}s (see $log)"); status=1
    fi
  fi
  echo "   ${summary[-1]}"
done
printf '%s\n' "${summary[@]}" > "$OUT/summary.txt"
echo "native builds: $(( $(date +%s) - started )) s"
printf '  %s\n' "${summary[@]}"
[[ $status -eq 0 ]] || exit $status

if $run_test; then
  [[ ${#built[@]} -gt 0 ]] || { echo "stockwatch native --test: no executable was built (analysis only)" >&2; exit 1; }
  native_list=$(IFS=,; echo "${built[*]}")
  echo "== end to end with native $native_list: LocalStackIT (-Dstockwatch.it.native=$native_list)"
  t0=$(date +%s)
  # The stack's own classpath (local-stack/target/classpath.txt) and the JVM jars it starts for emulators come from
  # this reactor; the functions run from their native executables (the test fails if one runs on the JVM instead).
  nice -n "${NATIVE_NICE:-5}" ./mvnw -B verify -pl local-stack -am -Dstockwatch.it.native="$native_list" \
    -Dtest=NoUnitTests -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=LocalStackIT \
    -Dfailsafe.failIfNoSpecifiedTests=false ${MAVEN_ARGS_NATIVE:-} \
    2>&1 | tee "$OUT/e2e.log" | grep -E '\[it\]|Tests run|FAIL|ERROR|BUILD' || true
  rc=${PIPESTATUS[0]}
  echo "native end-to-end test: $([[ $rc -eq 0 ]] && echo passed || echo FAILED) in $(( $(date +%s) - t0 )) s (log: target/native/e2e.log)"
  exit "$rc"
fi
