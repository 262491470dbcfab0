// The native build files and the forge workflow agree with the code and the Terraform configuration: the same
// function modules, the architecture from Terraform's variable, the Mandrel builder, the Lambda base image.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { REPO_ROOT } from "../lib/hcl.mjs";
import { FUNCTION_MODULES } from "../lib/code-model.mjs";
import { load } from "../lib/load.mjs";

const read = (path) => readFileSync(join(REPO_ROOT, path), "utf8");
const modules = Object.values(FUNCTION_MODULES).sort();

function builderEnv() {
  const env = {};
  for (const m of read("src/main/docker/native-builder.env").matchAll(/^([A-Z_]+)="?([^"\n]*)"?$/gm)) env[m[1]] = m[2];
  return env;
}

test("native-builder.env names the Mandrel JDK 25 builder and exactly the function modules", () => {
  const env = builderEnv();
  assert.match(env.MANDREL_BUILDER_IMAGE, /^quay\.io\/quarkus\/ubi9-quarkus-mandrel-builder-image(:jdk-25|@sha256:[0-9a-f]{64})$/);
  assert.deepEqual(env.FUNCTION_MODULES.split(/\s+/).sort(), modules);
});

test("build-natives.sh builds with Quarkus's container build and checks the binary's architecture", () => {
  const script = read("src/main/docker/build-natives.sh");
  for (const needle of ["-Dnative", "-Dquarkus.native.container-build=true", "-Dquarkus.native.builder-image=", "--platform=", "function.zip.arch", "lambda_architecture"]) {
    assert.ok(script.includes(needle), `build-natives.sh lacks ${needle}`);
  }
});

test("the Lambda container image runs the native binary on provided.al2023", () => {
  const dockerfile = read("src/main/docker/Dockerfile.lambda");
  assert.match(dockerfile, /^FROM public\.ecr\.aws\/lambda\/provided:al2023\s*$/m);
  assert.match(dockerfile, /^COPY .*bootstrap \/var\/runtime\/bootstrap\s*$/m);
});

test("the fully containerised build uses the same builder image", () => {
  const dockerfile = read("src/main/docker/Dockerfile.native-build");
  assert.ok(dockerfile.includes(`ARG MANDREL_BUILDER_IMAGE=${builderEnv().MANDREL_BUILDER_IMAGE}`));
  for (const module of modules) assert.ok(dockerfile.includes(module), `Dockerfile.native-build does not build ${module}`);
});

test("Terraform's lambda_architecture default is one the build script knows", async () => {
  const { cfg } = await load();
  assert.ok(["arm64", "x86_64"].includes(cfg.variable.lambda_architecture.default));
});

const workflow = parseYaml(read(".github/workflows/ci.yml"));
const steps = (job) => workflow.jobs[job].steps.map((s) => `${s.uses ?? ""} ${s.run ?? ""} ${JSON.stringify(s.with ?? {})}`).join("\n");

test("the workflow runs the tests as .ci/run does", () => {
  assert.match(steps("test"), /bash \.ci\/run/);
});

test("the workflow builds every function natively, on a runner of Terraform's architecture, and keeps the zips", () => {
  const natives = workflow.jobs.natives;
  assert.deepEqual([...natives.strategy.matrix.module].sort(), modules);
  assert.match(String(natives["runs-on"]), /needs\.architecture\.outputs\.runner/);
  assert.match(steps("architecture"), /lambda_architecture/);
  assert.match(steps("natives"), /src\/main\/docker\/build-natives\.sh/);
  assert.match(steps("natives"), /actions\/upload-artifact/);
  assert.match(steps("natives"), /function\.zip/);
});

test("the workflow checks Terraform: fmt, init without backend, validate, security scan", () => {
  const text = steps("terraform");
  assert.match(text, /terraform fmt -check/);
  assert.match(text, /terraform init -backend=false/);
  assert.match(text, /terraform validate/);
  assert.match(text, /trivy-action|checkov|tfsec/);
});
