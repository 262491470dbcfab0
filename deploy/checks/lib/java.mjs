// Reads what the Java code of a function module expects from its environment, straight from the sources, so the
// Terraform checks stay true while the code changes:
//  - configuration keys of SmallRye @ConfigMapping interfaces (prefix + kebab-case method names, @WithName,
//    @WithParentName, nested groups, Optional/@WithDefault for "required"), @ConfigProperty names, and the keys in
//    src/main/resources/application.properties (with their %profile);
//  - the AWS SDK v2 calls of each service, as IAM actions.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

/** All files under dir ending with suffix. */
export function filesUnder(dir, suffix) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path, suffix));
    else if (name.endsWith(suffix)) out.push(path);
  }
  return out;
}

/** Removes comments and the contents of string literals' escapes (keeps the literals themselves). */
export function stripComments(source) {
  let out = "";
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    const n = source[i + 1];
    if (c === "/" && n === "/") {
      while (i < source.length && source[i] !== "\n") i++;
      out += "\n";
    } else if (c === "/" && n === "*") {
      i += 2;
      while (i < source.length && !(source[i] === "*" && source[i + 1] === "/")) {
        if (source[i] === "\n") out += "\n";
        i++;
      }
      i++;
    } else if (c === '"') {
      // Text blocks and plain literals are copied verbatim.
      if (source.startsWith('"""', i)) {
        const end = source.indexOf('"""', i + 3);
        out += source.slice(i, end + 3);
        i = end + 2;
      } else {
        let j = i + 1;
        while (j < source.length && source[j] !== '"') j += source[j] === "\\" ? 2 : 1;
        out += source.slice(i, j + 1);
        i = j;
      }
    } else if (c === "'") {
      let j = i + 1;
      while (j < source.length && source[j] !== "'") j += source[j] === "\\" ? 2 : 1;
      out += source.slice(i, j + 1);
      i = j;
    } else {
      out += c;
    }
  }
  return out;
}

/** Index of the brace that closes the one at `open`. */
function matchingBrace(text, open) {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '"') i = skipString(text, i);
    else if (text[i] === "{") depth++;
    else if (text[i] === "}" && --depth === 0) return i;
  }
  throw new Error("unbalanced braces");
}

/** Index of the closing quote of the string literal (or text block) starting at i. */
function skipString(text, i) {
  if (text.startsWith('"""', i)) return text.indexOf('"""', i + 3) + 2;
  let j = i + 1;
  while (j < text.length && text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
  return j;
}

/** SmallRye's default naming strategy (KEBAB_CASE): topicArn -> topic-arn, s3PathStyle -> s3-path-style. */
export function kebab(name) {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/([A-Z])([A-Z][a-z])/g, "$1-$2")
    .toLowerCase();
}

/** Environment variable form of a configuration key: upper case, every other character '_'. */
export function envName(key) {
  return key.toUpperCase().replace(/[^A-Z0-9]/g, "_");
}

const OPTIONAL_TYPES = /^(Optional|OptionalInt|OptionalLong|OptionalDouble)\b/;

/**
 * The interfaces declared in the sources (top-level and nested), each with its methods:
 * { name, prefix (when @ConfigMapping), methods: [{ name, key, type, hasDefault, optional }] }.
 */
export function parseInterfaces(source) {
  const text = stripComments(source);
  const interfaces = [];
  const re = /((?:@[\w.]+(?:\([^)]*\))?\s*)*)(?:public\s+|static\s+|sealed\s+)*interface\s+(\w+)[^{]*\{/g;
  let m;
  while ((m = re.exec(text))) {
    const annotations = m[1] ?? "";
    const open = m.index + m[0].length - 1;
    const close = matchingBrace(text, open);
    const prefixMatch = /@ConfigMapping\s*\(\s*(?:prefix\s*=\s*)?"([^"]*)"/.exec(annotations);
    interfaces.push({
      name: m[2],
      prefix: prefixMatch ? prefixMatch[1] : null,
      methods: parseMethods(text.slice(open + 1, close)),
    });
  }
  return interfaces;
}

/** Abstract methods at depth 0 of an interface body (default/static methods and nested types are skipped). */
function parseMethods(body) {
  // Blank out nested bodies so only this interface's own members remain.
  let flat = "";
  let depth = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '"') {
      const end = skipString(body, i);
      if (depth === 0) flat += body.slice(i, end + 1);
      i = end;
      continue;
    }
    if (c === "{") depth++;
    if (depth === 0) flat += c;
    if (c === "}") {
      depth--;
      if (depth === 0) flat += ";";
    }
  }
  const methods = [];
  for (const member of flat.split(";")) {
    const decl = member.trim();
    if (!decl || /\b(default|static|interface|class|record|enum)\b/.test(decl)) continue;
    const m = /^((?:@[\w.]+(?:\((?:[^()]|\([^()]*\))*\))?\s*)*)([\w.<>,?\[\]\s]+?)\s+(\w+)\s*\(\s*\)$/s.exec(decl);
    if (!m) continue;
    const annotations = m[1];
    const withName = /@WithName\s*\(\s*"([^"]*)"\s*\)/.exec(annotations);
    methods.push({
      name: m[3],
      type: m[2].replace(/\s+/g, ""),
      segment: /@WithParentName\b/.test(annotations) ? "" : withName ? withName[1] : kebab(m[3]),
      hasDefault: /@WithDefault\b/.test(annotations),
    });
  }
  return methods;
}

/**
 * Configuration keys read through @ConfigMapping interfaces and @ConfigProperty in the given source roots:
 * [{ key, required, source }]. A key ending in ".*" stands for any sub-key (a Map).
 */
export function mappedKeys(sourceRoots) {
  const interfaces = new Map();
  const mappings = [];
  const keys = [];
  for (const root of sourceRoots) {
    for (const file of filesUnder(root, ".java")) {
      const source = readFileSync(file, "utf8");
      for (const itf of parseInterfaces(source)) {
        itf.file = file;
        interfaces.set(itf.name, itf);
        if (itf.prefix !== null) mappings.push(itf);
      }
      const text = stripComments(source);
      for (const m of text.matchAll(/@ConfigProperty\s*\(([^)]*)\)/g)) {
        const name = /name\s*=\s*"([^"]+)"/.exec(m[1]);
        if (name) keys.push({ key: name[1], required: !/defaultValue\s*=/.test(m[1]), source: file });
      }
    }
  }
  const visit = (itf, prefix, optionalParent, seen) => {
    for (const method of itf.methods) {
      const key = [prefix, method.segment].filter(Boolean).join(".");
      const optional = optionalParent || OPTIONAL_TYPES.test(method.type);
      const inner = method.type.replace(/^(Optional|List|Set)<(.+)>$/, "$2");
      const mapValue = /^Map<[^,]+,(.+)>$/.exec(method.type);
      if (mapValue) {
        keys.push({ key: `${key}.*`, required: false, source: itf.file });
      } else if (interfaces.has(inner) && !seen.has(inner)) {
        visit(interfaces.get(inner), key, optional, new Set([...seen, inner]));
      } else {
        keys.push({ key, required: !optional && !method.hasDefault, source: itf.file });
      }
    }
  };
  for (const mapping of mappings) visit(mapping, mapping.prefix, false, new Set([mapping.name]));
  return keys;
}

/** Keys of a .properties file: [{ key, profile, value }] (profile null for the default). */
export function propertiesKeys(path) {
  if (!existsSync(path)) return [];
  const out = [];
  const lines = readFileSync(path, "utf8").replace(/\\\r?\n\s*/g, "").split(/\r?\n/);
  for (const raw of lines) {
    const line = raw.trim();
    if (!line || line.startsWith("#") || line.startsWith("!")) continue;
    const m = /^([^=:\s]+)\s*[=:\s]\s*(.*)$/.exec(line);
    if (!m) continue;
    const full = m[1];
    const p = /^%([\w,-]+)\.(.+)$/.exec(full);
    if (p) for (const profile of p[1].split(",")) out.push({ key: p[2], profile, value: m[2] });
    else out.push({ key: full, profile: null, value: m[2] });
  }
  return out;
}

/** Everything a function module reads from configuration: its own sources plus the shared module's. */
export function moduleConfiguration(repoRoot, module) {
  const roots = [join(repoRoot, module, "src/main/java"), join(repoRoot, "shared/src/main/java")];
  const properties = propertiesKeys(join(repoRoot, module, "src/main/resources/application.properties"));
  return { mapped: mappedKeys(roots), properties };
}

// ---------------------------------------------------------------------------------------------------------------------
// AWS SDK calls -> IAM actions
// ---------------------------------------------------------------------------------------------------------------------

const SDK_ACTIONS = {
  dynamodb: {
    getItem: ["dynamodb:GetItem"],
    putItem: ["dynamodb:PutItem"],
    updateItem: ["dynamodb:UpdateItem"],
    deleteItem: ["dynamodb:DeleteItem"],
    query: ["dynamodb:Query"],
    queryPaginator: ["dynamodb:Query"],
    scan: ["dynamodb:Scan"],
    scanPaginator: ["dynamodb:Scan"],
    batchGetItem: ["dynamodb:BatchGetItem"],
    batchGetItemPaginator: ["dynamodb:BatchGetItem"],
    batchWriteItem: ["dynamodb:BatchWriteItem"],
    transactGetItems: ["dynamodb:GetItem"],
    describeTable: ["dynamodb:DescribeTable"],
  },
  s3: {
    getObject: ["s3:GetObject"],
    headObject: ["s3:GetObject"],
    getObjectAsBytes: ["s3:GetObject"],
    putObject: ["s3:PutObject"],
    deleteObject: ["s3:DeleteObject"],
    copyObject: ["s3:GetObject", "s3:PutObject"],
    listObjectsV2: ["s3:ListBucket"],
    listObjectsV2Paginator: ["s3:ListBucket"],
    presignGetObject: ["s3:GetObject"],
    presignPutObject: ["s3:PutObject"],
  },
  sns: {
    publish: ["sns:Publish"],
    publishBatch: ["sns:Publish"],
  },
  lambda: {
    invoke: ["lambda:InvokeFunction"],
  },
  sqs: {
    sendMessage: ["sqs:SendMessage"],
    sendMessageBatch: ["sqs:SendMessage"],
  },
};

// Parts of a TransactWriteItem and the action each needs.
const TRANSACT_PARTS = {
  put: "dynamodb:PutItem",
  update: "dynamodb:UpdateItem",
  delete: "dynamodb:DeleteItem",
  conditionCheck: "dynamodb:ConditionCheckItem",
};

/**
 * IAM actions the SDK calls of a module need: Map(action -> [files]). Only files that import the service's
 * package (software.amazon.awssdk.services.<service>) count for that service, so unrelated methods named like SDK
 * calls do not.
 */
export function sdkActions(sourceRoots) {
  const actions = new Map();
  const add = (action, file) => {
    if (!actions.has(action)) actions.set(action, []);
    if (!actions.get(action).includes(file)) actions.get(action).push(file);
  };
  for (const root of sourceRoots) {
    for (const file of filesUnder(root, ".java")) {
      const text = stripComments(readFileSync(file, "utf8"));
      for (const [service, calls] of Object.entries(SDK_ACTIONS)) {
        if (!new RegExp(`import\\s+(static\\s+)?software\\.amazon\\.awssdk\\.services\\.${service}\\.`).test(text)) continue;
        for (const [call, needed] of Object.entries(calls)) {
          if (new RegExp(`\\.${call}\\s*\\(`).test(text)) needed.forEach((a) => add(a, file));
        }
        // Without s3:ListBucket, S3 answers a read of a missing key with 403 AccessDenied instead of 404 NoSuchKey:
        // a function that reads objects needs it to tell a deleted file from a permissions problem.
        if (service === "s3" && /\.(getObject|headObject)\s*\(/.test(text)) add("s3:ListBucket", file);
        // Reading a given version (versionId from the S3 event) is a different permission.
        if (service === "s3" && /\.getObject\s*\(|GetObjectRequest/.test(text) && /\.versionId\s*\(|::versionId/.test(text)) {
          add("s3:GetObjectVersion", file);
        }
        if (service === "dynamodb" && /\.transactWriteItems\s*\(/.test(text)) {
          for (const [part, action] of Object.entries(TRANSACT_PARTS)) {
            const builder = part[0].toUpperCase() + part.slice(1);
            if (new RegExp(`\\.${part}\\s*\\(|\\b${builder}\\.builder\\s*\\(`).test(text)) add(action, file);
          }
        }
      }
    }
  }
  return actions;
}
