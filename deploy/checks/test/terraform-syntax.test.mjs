// Terraform syntax and formatting with HashiCorp's own HCL parser and formatter (WASM builds on npm).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { parse } from "@cdktf/hcl2json";
import { format } from "@cdktf/hcl-tools";
import { formatDiff, parseFile, terraformFiles, TERRAFORM_DIR } from "../lib/hcl.mjs";

const files = terraformFiles();

test("deploy/terraform has the files by concern", () => {
  const names = files.map((f) => basename(f));
  for (const name of ["versions.tf", "variables.tf", "outputs.tf", "storage.tf", "tables.tf", "functions.tf", "alerts.tf", "auth.tf", "api.tf", "iam.tf"]) {
    assert.ok(names.includes(name), `${name} missing`);
  }
});

for (const file of files) {
  test(`${basename(file)} parses`, async () => {
    await parseFile(file);
  });

  test(`${basename(file)} is formatted like terraform fmt`, async () => {
    assert.deepEqual(await formatDiff(file), [], "run: node deploy/checks/tf-fmt.mjs --write");
  });
}

test("terraform.tfvars.example parses, is formatted and sets only declared variables", async () => {
  const example = join(TERRAFORM_DIR, "terraform.tfvars.example");
  const parsed = await parse(example, readFileSync(example, "utf8"));
  assert.deepEqual(await formatDiff(example), [], "run: node deploy/checks/tf-fmt.mjs --write");
  const declared = new Set();
  for (const file of files) Object.keys((await parseFile(file)).variable ?? {}).forEach((v) => declared.add(v));
  assert.deepEqual(Object.keys(parsed).filter((v) => !declared.has(v)), []);
});

test("no tfvars, state or plan is committed (secrets and account data stay out of git)", () => {
  let tracked;
  try {
    tracked = execFileSync("git", ["ls-files", "--", "."], { cwd: TERRAFORM_DIR, encoding: "utf8" }).split("\n");
  } catch {
    return; // not a git checkout: nothing to check
  }
  assert.deepEqual(tracked.filter((f) => /(^|\/)(terraform\.tfvars|.*\.auto\.tfvars|.*\.tfstate(\..*)?|.*\.tfplan|.*\.plan)$/.test(f)), []);
});

// The two tools must be able to fail, or the tests above prove nothing.
test("the parser reports a syntax error with file and line", async () => {
  await assert.rejects(parse("broken.tf", 'resource "aws_s3_bucket" "b" {\n  bucket = \n}\n'), /broken\.tf:2/);
});

test("the formatter changes unformatted HCL", async () => {
  const unformatted = 'resource "a" "b" {\n  x = 1\n  longer_name = 2\n}\n';
  assert.notEqual(await format(unformatted), unformatted);
});
