// Argument names of the AWS provider's resources and data sources, read from @cdktf/provider-aws (generated from the
// provider's schema; its version names the provider version). Lets the checks catch what `terraform validate` would:
// unknown arguments and blocks, and missing required arguments, without a terraform binary or provider download.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
let root;
try {
  root = join(dirname(require.resolve("@cdktf/provider-aws/package.json")), "lib");
} catch {
  root = null;
}

/** Provider version the package was generated from, e.g. "6.25.0". */
export function providerVersion() {
  const js = readFileSync(join(root, "lambda-function", "index.js"), "utf8");
  return /providerVersion: '([^']+)'/.exec(js)?.[1];
}

const cache = new Map();

/**
 * Schema of a resource ("resource") or data source ("data") type: { args: Map(name -> nestedFn|null), required: Set,
 * blocks: Map(fnName -> { args, required }) }, or null when the type is not an AWS one or unknown.
 */
export function schemaOf(kind, type) {
  if (!root || !type.startsWith("aws_")) return null;
  const key = `${kind}:${type}`;
  if (cache.has(key)) return cache.get(key);
  const dir = join(root, kind === "data" ? `data-${type.replace(/_/g, "-")}` : type.replace(/^aws_/, "").replace(/_/g, "-"));
  if (!existsSync(join(dir, "index.js"))) {
    cache.set(key, undefined);
    return undefined;
  }
  const js = readFileSync(join(dir, "index.js"), "utf8");
  const dts = readFileSync(join(dir, "index.d.ts"), "utf8");
  const interfaces = new Map();
  for (const m of dts.matchAll(/export interface (\w+)(?: extends [\w.]+)? \{([\s\S]*?)\n\}/g)) {
    const required = new Set([...m[2].matchAll(/readonly (\w+)(\??):/g)].filter((f) => f[2] === "").map((f) => f[1]));
    interfaces.set(m[1], required);
  }
  const parseBody = (body, self) => {
    const args = new Map();
    const camel = new Map();
    for (const line of body.split("\n")) {
      const m = /^\s*(\w+): (.*),$/.exec(line);
      if (!m) continue;
      const nested = /(\w+)ToTerraform\b/.exec(m[2].replace(/cdktf\.\w+ToTerraform/g, ""));
      args.set(m[1], nested ? nested[1] : null);
      const c = new RegExp(`${self}\\.(?:_)?(\\w+)`).exec(m[2]);
      if (c) camel.set(c[1], m[1]);
    }
    return { args, camel };
  };
  const blocks = new Map();
  for (const m of js.matchAll(/^function (\w+)ToTerraform\(struct\) \{[\s\S]*?return \{\n([\s\S]*?)\n    \};\n\}/gm)) {
    const { args, camel } = parseBody(m[2], "struct");
    const iface = m[1][0].toUpperCase() + m[1].slice(1);
    const required = new Set([...(interfaces.get(iface) ?? [])].map((c) => camel.get(c)).filter(Boolean));
    blocks.set(m[1], { args, required });
  }
  const top = /synthesizeAttributes\(\) \{\n\s*return \{\n([\s\S]*?)\n        \};/.exec(js);
  const { args, camel } = parseBody(top[1], "this");
  const configName = [...interfaces.keys()].find((n) => /Config$/.test(n) && dts.includes(`constructor(scope: Construct, id: string, config`) && js.includes(n.replace(/Config$/, "")));
  const required = new Set([...(interfaces.get(configName) ?? [])].map((c) => camel.get(c.replace(/^_/, "")) ?? camel.get(c)).filter(Boolean));
  const schema = { args, required, blocks };
  cache.set(key, schema);
  return schema;
}

const META = new Set(["count", "for_each", "depends_on", "lifecycle", "provider", "dynamic", "__file", "connection", "provisioner"]);

/** Problems of one resource/data body against its schema ([] when the type is not checked). */
export function validateBody(kind, type, name, body) {
  const schema = schemaOf(kind, type);
  if (schema === null) return [];
  if (schema === undefined) return [`${kind} ${type}.${name}: unknown ${kind === "data" ? "data source" : "resource"} type in provider ${providerVersion()}`];
  const problems = [];
  const where = `${kind === "data" ? "data." : ""}${type}.${name}`;
  const check = (obj, spec, path, dynamicBlock) => {
    for (const [k, v] of Object.entries(obj)) {
      if (path === where && META.has(k)) continue;
      if (!spec.args.has(k)) {
        problems.push(`${path}: unsupported argument or block "${k}"`);
        continue;
      }
      const nested = spec.args.get(k);
      if (nested && Array.isArray(v) && v.every((x) => x && typeof x === "object" && !Array.isArray(x))) {
        const sub = schema.blocks.get(nested);
        if (sub) v.forEach((item) => check(item, sub, `${path}.${k}`));
      }
    }
    if (!dynamicBlock) {
      for (const r of spec.required) if (!(r in obj)) problems.push(`${path}: required argument "${r}" missing`);
    }
  };
  check(body, schema, where);
  // dynamic "<block>" { content { ... } }: validate content against the block's schema.
  for (const [blockName, defs] of Object.entries(body.dynamic ?? {})) {
    const nested = schema.args.get(blockName);
    if (!nested) {
      problems.push(`${where}: dynamic block "${blockName}" is not a block of ${type}`);
      continue;
    }
    for (const def of defs) for (const content of def.content ?? []) check(content, schema.blocks.get(nested), `${where}.${blockName}`, false);
  }
  return problems;
}

export const available = () => root !== null;
