// Loads deploy/terraform with HashiCorp's HCL parser (WASM build on npm) and merges the files into one configuration.
import { readFileSync, readdirSync } from "node:fs";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "@cdktf/hcl2json";
import { format } from "@cdktf/hcl-tools";

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
export const TERRAFORM_DIR = process.env.STOCKWATCH_TERRAFORM_DIR
  ? resolve(process.env.STOCKWATCH_TERRAFORM_DIR)
  : join(REPO_ROOT, "deploy", "terraform");

/** The .tf files of the configuration, sorted. */
export function terraformFiles(dir = TERRAFORM_DIR) {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".tf"))
    .sort()
    .map((name) => join(dir, name));
}

/** Parses one file; throws with `file:line,col: message` on a syntax error. */
export async function parseFile(path) {
  return parse(path, readFileSync(path, "utf8"));
}

/** Returns the differences between a file and its `terraform fmt` form: [] when formatted. */
export async function formatDiff(path) {
  const source = readFileSync(path, "utf8");
  const formatted = await format(source);
  if (formatted === source) return [];
  const a = source.split("\n");
  const b = formatted.split("\n");
  const diffs = [];
  for (let i = 0; i < Math.max(a.length, b.length) && diffs.length < 5; i++) {
    if (a[i] !== b[i]) diffs.push(`${path}:${i + 1}: is ${JSON.stringify(a[i])}, fmt wants ${JSON.stringify(b[i])}`);
  }
  return diffs;
}

/**
 * Parses every file and merges them: resources as { type: { name: body } }, data sources alike, plus variables,
 * outputs and locals by name. Blocks that hcl2json turns into arrays stay arrays (a block may repeat).
 */
export async function loadConfiguration(dir = TERRAFORM_DIR) {
  const config = { resource: {}, data: {}, variable: {}, output: {}, locals: {}, terraform: [], provider: {}, files: {} };
  for (const path of terraformFiles(dir)) {
    const parsed = await parseFile(path);
    config.files[path] = parsed;
    for (const kind of ["resource", "data"]) {
      for (const [type, byName] of Object.entries(parsed[kind] ?? {})) {
        config[kind][type] ??= {};
        for (const [name, bodies] of Object.entries(byName)) {
          if (config[kind][type][name]) throw new Error(`${kind} ${type}.${name} declared twice (${path})`);
          config[kind][type][name] = Object.assign({ __file: path }, ...bodies);
        }
      }
    }
    for (const kind of ["variable", "output"]) {
      for (const [name, bodies] of Object.entries(parsed[kind] ?? {})) {
        if (config[kind][name]) throw new Error(`${kind} ${name} declared twice (${path})`);
        config[kind][name] = Object.assign({ __file: path }, ...bodies);
      }
    }
    for (const block of parsed.locals ?? []) {
      for (const [name, value] of Object.entries(block)) {
        if (name in config.locals) throw new Error(`local.${name} declared twice (${path})`);
        config.locals[name] = value;
      }
    }
    config.terraform.push(...(parsed.terraform ?? []));
    for (const [name, bodies] of Object.entries(parsed.provider ?? {})) config.provider[name] = bodies;
  }
  return config;
}

/** The single block `name` of a body (hcl2json gives blocks as arrays); fails when absent or repeated. */
export function block(body, name) {
  const value = body?.[name];
  if (!Array.isArray(value) || value.length !== 1) {
    throw new Error(`expected exactly one '${name}' block, found ${Array.isArray(value) ? value.length : "none"}`);
  }
  return value[0];
}

/** All blocks `name` of a body ([] when absent). */
export function blocks(body, name) {
  const value = body?.[name];
  return Array.isArray(value) ? value : [];
}

/** Strips the "${...}" wrapper hcl2json puts around expressions. */
export function expr(value) {
  if (typeof value !== "string") return value;
  const m = /^\$\{(.*)\}$/s.exec(value);
  return m ? m[1].trim() : value;
}

/** True when a value is a pure reference like "${aws_s3_bucket.uploads.arn}" to the given address. */
export function refersTo(value, address) {
  return expr(value) === address;
}
