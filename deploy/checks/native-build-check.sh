#!/usr/bin/env bash
# Runs Quarkus's native build steps for Lambda function modules without GraalVM, and checks what they produced.
#
#   deploy/checks/native-build-check.sh [--install-deps] <module>...      e.g. loader notifier dashboard-api
#
# The Amazon Lambda extensions refuse quarkus.native.sources-only, so GRAALVM_HOME points at a recording stand-in
# for `native-image` (deploy/checks/native-image-stand-in/bin/native-image). Every Quarkus build step up to the
# native-image call runs for real: configuration validation, reflection/resource registration, substitutions, the
# generated argument list. Anything native-incompatible that Quarkus detects fails the Maven build here.
#
# Results per module in target/native-check/<module>/ at the repository root:
#   native-image.args    the arguments Quarkus gave native-image (build artefact)
#   function.zip.list    what the Lambda zip would contain
#   build.log            the Maven output
# The zip and the placeholder "executable" are deleted: nothing from this check can be deployed.
#
# Needs the modules' dependencies resolvable: the shared modules installed in ~/.m2 (`./mvnw -B install -DskipTests`
# of the whole project, or --install-deps, which installs every module except the checked ones and local-stack).
# Maven runs offline first (-o) and once more online if offline resolution failed. Extra Maven arguments:
# NATIVE_CHECK_MAVEN_ARGS.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
STAND_IN="$ROOT/deploy/checks/native-image-stand-in"
OUT_ROOT="$ROOT/target/native-check"

install_deps=false
modules=()
for arg in "$@"; do
  case "$arg" in
    --install-deps) install_deps=true ;;
    -h | --help) sed -n '2,22p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) modules+=("$arg") ;;
  esac
done
if [[ ${#modules[@]} -eq 0 ]]; then
  echo "usage: $0 [--install-deps] <module>..." >&2
  exit 2
fi

cd "$ROOT"
chmod +x "$STAND_IN/bin/native-image"

maven() {
  # Offline first: nothing to download on a warm machine; online once if offline resolution failed.
  local log="$1"; shift
  if ./mvnw -B -o "$@" ${NATIVE_CHECK_MAVEN_ARGS:-} >"$log" 2>&1; then return 0; fi
  if grep -qE "offline mode|has not been downloaded from it before|Cannot access .* in offline mode" "$log"; then
    echo "  (offline resolution failed; retrying online)"
    ./mvnw -B "$@" ${NATIVE_CHECK_MAVEN_ARGS:-} >"$log" 2>&1
    return $?
  fi
  return 1
}

if [[ ! -d "$HOME/.m2/repository/com/stockwatch/stockwatch-shared" ]]; then
  echo "stockwatch-shared is not installed in ~/.m2: installing the non-function modules first"
  install_deps=true
fi
if $install_deps; then
  # The whole reactor (parent poms, shared, emulators, test-support, ...) except the modules being checked and
  # local-stack, which builds on the functions.
  excluded=$(printf '!%s\n' "${modules[@]}" local-stack | paste -sd, -)
  echo "installing every module except: $excluded"
  mkdir -p "$OUT_ROOT"
  if ! maven "$OUT_ROOT/install-deps.log" install -q -DskipTests -pl "$excluded"; then
    tail -40 "$OUT_ROOT/install-deps.log"
    echo "FAIL: could not install the modules the functions depend on" >&2
    exit 1
  fi
fi

passed=0
failed=0
summary=()
for module in "${modules[@]}"; do
  out="$OUT_ROOT/$module"
  rm -rf "$out"
  mkdir -p "$out"
  problems=()
  echo "== native build steps: $module"
  start=$(date +%s)
  if ! GRAALVM_HOME="$STAND_IN" NATIVE_IMAGE_RECORD="$out/native-image.args" \
    maven "$out/build.log" -pl "$module" package -Dnative -DskipTests \
      -Dquarkus.native.container-build=false -Dquarkus.native.remote-container-build=false \
      -Dquarkus.native.builder-image.pull=never; then
    problems+=("Maven build failed (see $out/build.log):")
    problems+=("$(grep -E '^\[ERROR\]' "$out/build.log" | head -15)")
  fi
  seconds=$(( $(date +%s) - start ))

  args="$out/native-image.args"
  target="$ROOT/$module/target"
  if [[ ${#problems[@]} -eq 0 ]]; then
    if [[ ! -s "$args" ]]; then
      problems+=("native-image was never called (no $args)")
    else
      grep -qx -- '--features=.*io\.quarkus\.runner\.Feature.*' "$args" || problems+=("no --features=io.quarkus.runner.Feature (Quarkus registrations)")
      grep -qx -- '--no-fallback' "$args" || problems+=("no --no-fallback: a failed native build could silently fall back to a JVM image")
      grep -qx -- '--link-at-build-time' "$args" || problems+=("no --link-at-build-time")
      if grep -qxE -- '--report-unsupported-elements-at-runtime|--allow-incomplete-classpath|-H:\+AllowIncompleteClasspath' "$args"; then
        problems+=("arguments that hide native problems until run time: $(grep -xE -- '--report-unsupported-elements-at-runtime|--allow-incomplete-classpath|-H:\+AllowIncompleteClasspath' "$args" | paste -sd' ')")
      fi
      jar=$(grep -A1 -x -- '-jar' "$args" | tail -1)
      cwd=$(cat "$args.cwd" 2>/dev/null || true)
      if [[ -z "$jar" || ! -f "$cwd/$jar" ]]; then
        problems+=("no -jar <runner>.jar argument naming an existing jar")
      else
        manifest_dir=$(mktemp -d)
        (cd "$manifest_dir" && jar xf "$cwd/$jar" META-INF/MANIFEST.MF)
        main=$(tr -d '\r' < "$manifest_dir/META-INF/MANIFEST.MF" | sed -n 's/^Main-Class: //p')
        rm -rf "$manifest_dir"
        [[ "$main" == "io.quarkus.runner.GeneratedMain" ]] || problems+=("runner jar Main-Class is '$main', not io.quarkus.runner.GeneratedMain")
      fi
    fi
    if [[ -f "$target/function.zip" ]]; then
      jar tf "$target/function.zip" > "$out/function.zip.list"
      grep -qx 'bootstrap' "$out/function.zip.list" || problems+=("function.zip has no 'bootstrap' entry")
    else
      problems+=("no $module/target/function.zip: the Lambda packaging step did not run")
    fi
  fi
  # Nothing produced by the stand-in may look deployable.
  rm -f "$target/function.zip" "$target"/*-runner "$target"/*-native-image-source-jar/*-runner

  if [[ ${#problems[@]} -eq 0 ]]; then
    passed=$((passed + 1))
    echo "PASS $module (${seconds}s; $(wc -l < "$args") native-image arguments in ${args#"$ROOT"/})"
    summary+=("$module ${seconds}s PASS")
  else
    failed=$((failed + 1))
    echo "FAIL $module (${seconds}s)"
    printf '  %s\n' "${problems[@]}"
    summary+=("$module ${seconds}s FAIL")
  fi
done

printf '%s\n' "${summary[@]}" > "$OUT_ROOT/summary.txt"
echo "native check: $passed ok, $failed failing"
[[ $failed -eq 0 ]]
