#!/usr/bin/env bash
# Checks a native Lambda zip before it may be deployed, and records its architecture:
#
#   src/main/docker/verify-function-zip.sh <module>/target/function.zip <arm64|x86_64>
#
# The zip must hold an entry 'bootstrap' that is an ELF executable for the Lambda architecture (ELF e_machine:
# aarch64 for arm64, x86-64 for x86_64); then '<zip>.arch' is written, which Terraform checks before deploying.
# Called by build-natives.sh for each zip; tested by deploy/checks (test/verify-function-zip.test.mjs) on zips
# holding binaries of several MB. The header is read from an extracted copy: a pipe such as
# `unzip -p | head -c 4` kills unzip with SIGPIPE on any binary larger than the pipe buffer, which pipefail turns
# into a failed build.
set -euo pipefail

zip="${1:?usage: verify-function-zip.sh <function.zip> <arm64|x86_64>}"
arch="${2:?usage: verify-function-zip.sh <function.zip> <arm64|x86_64>}"
case "$arch" in
  arm64) elf_machine=b700 ;;
  x86_64) elf_machine=3e00 ;;
  *) echo "unknown Lambda architecture '$arch' (arm64 or x86_64)" >&2; exit 2 ;;
esac

[[ -f "$zip" ]] || { echo "missing $zip" >&2; exit 1; }
unzip -Z1 "$zip" | grep -qx bootstrap || { echo "$zip has no bootstrap" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
unzip -q -o "$zip" bootstrap -d "$work"
magic=$(od -An -tx1 -N4 "$work/bootstrap" | tr -d ' \n')
[[ "$magic" == "7f454c46" ]] || { echo "$zip: bootstrap is not an ELF executable" >&2; exit 1; }
machine=$(od -An -tx1 -j18 -N2 "$work/bootstrap" | tr -d ' \n')
[[ "$machine" == "$elf_machine" ]] \
  || { echo "$zip: bootstrap is built for another architecture than $arch (ELF e_machine $machine)" >&2; exit 1; }
echo "$arch" > "$zip.arch"
echo "OK $zip ($(du -h "$zip" | cut -f1), $arch)"
