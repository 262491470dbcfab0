// src/main/docker/verify-function-zip.sh, the check build-natives.sh runs on every native Lambda zip, on zips holding
// binaries of several MB (an earlier version piped `unzip -p` into `head`, which SIGPIPE and pipefail turned into a
// failed build for any real binary).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, existsSync, rmSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_ROOT } from "../lib/hcl.mjs";

const SCRIPT = join(REPO_ROOT, "src/main/docker/verify-function-zip.sh");
const MACHINES = { x86_64: 0x3e, aarch64: 0xb7 };

// A function.zip whose bootstrap starts with an ELF header for `machine` and is `size` bytes of incompressible data.
function functionZip(name, { machine = "x86_64", elf = true, entry = "bootstrap", size = 3 * 1024 * 1024 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), `verify-zip-${name}-`));
  const binary = randomBytes(size);
  if (elf) {
    binary.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0], 0);
    binary.writeUInt16LE(2, 16); // ET_EXEC
    binary.writeUInt16LE(MACHINES[machine], 18);
  } else {
    binary.write("#!/bin/sh\necho not a binary\n", 0);
  }
  writeFileSync(join(dir, entry), binary, { mode: 0o755 });
  const zipped = spawnSync("zip", ["-q", "-j", join(dir, "function.zip"), join(dir, entry)]);
  assert.equal(zipped.status, 0, `zip failed: ${zipped.stderr}`);
  return { dir, zip: join(dir, "function.zip") };
}

function verify(zip, arch) {
  return spawnSync("bash", [SCRIPT, zip, arch], { encoding: "utf8" });
}

test("a zip with a 3 MB x86-64 bootstrap passes for x86_64 and records the architecture", (t) => {
  const { dir, zip } = functionZip("x86");
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const result = verify(zip, "x86_64");
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /^OK .*function\.zip \(.*, x86_64\)$/m);
  assert.equal(readFileSync(`${zip}.arch`, "utf8"), "x86_64\n");
});

test("a zip with a 3 MB aarch64 bootstrap passes for arm64 and fails for x86_64 without an .arch file", (t) => {
  const { dir, zip } = functionZip("arm", { machine: "aarch64" });
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const wrong = verify(zip, "x86_64");
  assert.equal(wrong.status, 1);
  assert.match(wrong.stderr, /built for another architecture than x86_64 \(ELF e_machine b700\)/);
  assert.equal(existsSync(`${zip}.arch`), false);
  const right = verify(zip, "arm64");
  assert.equal(right.status, 0, right.stderr);
  assert.equal(readFileSync(`${zip}.arch`, "utf8"), "arm64\n");
});

test("a bootstrap that is not an ELF binary is refused", (t) => {
  const { dir, zip } = functionZip("script", { elf: false });
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const result = verify(zip, "x86_64");
  assert.equal(result.status, 1);
  assert.match(result.stderr, /bootstrap is not an ELF executable/);
});

test("a zip without bootstrap is refused, and an unknown architecture too", (t) => {
  const { dir, zip } = functionZip("noboot", { entry: "runner" });
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const result = verify(zip, "x86_64");
  assert.equal(result.status, 1);
  assert.match(result.stderr, /has no bootstrap/);
  assert.equal(verify(zip, "s390x").status, 2);
});

test("build-natives.sh verifies every zip with this script and pipes nothing into head", () => {
  const script = readFileSync(join(REPO_ROOT, "src/main/docker/build-natives.sh"), "utf8");
  assert.match(script, /verify-function-zip\.sh "\$module\/target\/function\.zip" "\$ARCH"/);
  assert.doesNotMatch(script, /\|\s*head\b/);
});
