// The wiring rules of deploy/terraform, each a function (configuration, code model) -> list of problems.
// test/terraform-wiring.test.mjs runs them on the real configuration (expecting no problems) and
// test/checks-can-fail.test.mjs runs each on a deliberately broken copy (expecting problems), so every rule is
// known to be able to fail.
import { block, blocks, expr } from "./hcl.mjs";
import { envName } from "./java.mjs";
import { DEPLOYED_FUNCTIONS, FUNCTION_MODULES, artifactOf } from "./code-model.mjs";
import { providerVersion, validateBody } from "./provider-schema.mjs";

/** Environment variables that are not configuration keys but runtime switches. */
const RUNTIME_ENV = new Set(["DISABLE_SIGNAL_HANDLERS"]);
/** Terraform aws_dynamodb_table names, each the key of its schema in code-model's tableSchemas. */
const TABLE_KEYS = ["inventory", "imports", "alerts", "stores", "item_states", "search"];

/**
 * Quarkus runtime keys the deployment may set even when application.properties does not mention them (the
 * dashboard's OIDC connection and session secret). Everything else under QUARKUS_ must appear in the module's
 * application.properties, so a typo cannot pass.
 */
export const QUARKUS_KEYS_ALLOWED = {
  "dashboard-api": [
    "quarkus.oidc.auth-server-url",
    "quarkus.oidc.client-id",
    "quarkus.oidc.credentials.secret",
    "quarkus.oidc.token-state-manager.encryption-secret",
    "quarkus.oidc.authentication.state-secret",
    "quarkus.oidc.authentication.redirect-path",
    "quarkus.oidc.end-session-path",
  ],
};

const res = (cfg, type) => cfg.resource[type] ?? {};
const ref = (value) => expr(value);

/** Names of the environment variables of a function: literal keys, inline object keys and locals it merges. */
export function envVariables(cfg, fn) {
  const env = block(fn, "environment");
  const out = new Map();
  const collect = (value) => {
    if (value && typeof value === "object" && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) out.set(k, v);
      return;
    }
    const text = expr(value);
    if (typeof text !== "string") return;
    for (const m of text.matchAll(/\blocal\.(\w+)/g)) collect(cfg.locals[m[1]]);
    for (const m of text.matchAll(/(?:^|[{,\n])\s*"?([A-Z][A-Z0-9_]*)"?\s*=\s*([^\n,}]+)/g)) out.set(m[1], m[2].trim());
  };
  collect(env.variables);
  return out;
}

/** Lambda functions by Terraform name. */
function functions(cfg) {
  return res(cfg, "aws_lambda_function");
}

/** Statements of a policy document data source, with defaults filled in. */
function statements(doc) {
  return blocks(doc, "statement").map((s) => ({
    sid: s.sid,
    effect: s.effect ?? "Allow",
    actions: s.actions ?? [],
    notActions: s.not_actions,
    resources: s.resources ?? [],
    notResources: s.not_resources,
  }));
}

/** The policy documents attached to a role, through aws_iam_role_policy (inline) resources. */
/** The safety settings of an event source mapping from a table's stream to the notifier. */
function notifierStreamMapping(cfg, code, table, filterOk, filterProblem) {
    const problems = [];
    const esms = Object.entries(res(cfg, "aws_lambda_event_source_mapping"));
    const entry = esms.find(([, e]) => ref(e.event_source_arn) === `aws_dynamodb_table.${table}.stream_arn`);
    if (!entry) return [`no event source mapping on aws_dynamodb_table.${table}.stream_arn`];
    const [name, e] = entry;
    if (!/^aws_lambda_function\.notifier\.(arn|function_name)$/.test(ref(e.function_name))) problems.push(`${name}: must invoke the notifier`);
    if (!(e.function_response_types ?? []).includes("ReportBatchItemFailures")) problems.push(`${name}: function_response_types lacks ReportBatchItemFailures`);
    const notifier = code.modules[FUNCTION_MODULES.notifier];
    if (notifier.exists && !notifier.handlerTypes.some((h) => h.input === "DynamodbEvent" && h.output === "StreamsEventResponse")) {
      problems.push(`${name}: ReportBatchItemFailures needs a RequestHandler<DynamodbEvent, StreamsEventResponse> in ${notifier.module}; Lambda would otherwise treat every batch as a success`);
    }
    if (e.bisect_batch_on_function_error !== true) problems.push(`${name}: bisect_batch_on_function_error must be true`);
    const bounded = (value, attr) => {
      if (value === undefined) return problems.push(`${name}: ${attr} unset (default retries forever / keeps records 24 h)`);
      if (typeof value === "number") return value >= 0 || problems.push(`${name}: ${attr} is ${value}`);
      const v = /^var\.(\w+)$/.exec(ref(value));
      const variable = v && cfg.variable[v[1]];
      if (!variable || typeof variable.default !== "number" || variable.default < 0 || !blocks(variable, "validation").length) {
        problems.push(`${name}: ${attr} must be a number or a validated variable with a non-negative default`);
      }
    };
    bounded(e.maximum_retry_attempts, "maximum_retry_attempts");
    bounded(e.maximum_record_age_in_seconds, "maximum_record_age_in_seconds");
    if (e.batch_size === undefined) problems.push(`${name}: batch_size unset`);
    if (e.maximum_batching_window_in_seconds === undefined) problems.push(`${name}: maximum_batching_window_in_seconds unset`);
    const dest = blocks(blocks(e, "destination_config")[0], "on_failure")[0];
    const q = dest && /^aws_sqs_queue\.(\w+)\.arn$/.exec(ref(dest.destination_arn));
    if (!q || !res(cfg, "aws_sqs_queue")[q[1]]) problems.push(`${name}: destination_config.on_failure must be an aws_sqs_queue`);
    else {
      const grantsSend = rolePolicies(cfg, roleOf(functions(cfg).notifier ?? {}) ?? "").some(({ doc }) =>
        statements(doc).some((s) => s.actions.includes("sqs:SendMessage") && s.resources.some((r) => ref(r) === `aws_sqs_queue.${q[1]}.arn`)));
      if (!grantsSend) problems.push(`${name}: the notifier's role must allow sqs:SendMessage on aws_sqs_queue.${q[1]}`);
    }
    const patterns = blocks(blocks(e, "filter_criteria")[0], "filter").map((f) => String(f.pattern));
    if (!patterns.length) problems.push(`${name}: no filter_criteria`);
    else if (!patterns.every(filterOk)) problems.push(`${name}: ${filterProblem}`);
    return problems;
}

function rolePolicies(cfg, roleName) {
  const docs = [];
  for (const [name, rp] of Object.entries(res(cfg, "aws_iam_role_policy"))) {
    if (ref(rp.role) !== `aws_iam_role.${roleName}.id` && ref(rp.role) !== `aws_iam_role.${roleName}.name`) continue;
    const m = /^data\.aws_iam_policy_document\.(\w+)\.json$/.exec(ref(rp.policy));
    if (!m) throw new Error(`aws_iam_role_policy.${name}: policy must be a data.aws_iam_policy_document (checkable)`);
    docs.push({ name: m[1], doc: cfg.data.aws_iam_policy_document?.[m[1]] });
  }
  return docs;
}

function roleOf(fn) {
  const m = /^aws_iam_role\.(\w+)\.arn$/.exec(ref(fn.role));
  return m ? m[1] : null;
}

/** Known configuration keys of a module in environment-variable form (exact names, and prefixes for maps). */
/** Emulator settings of the Quarkus Amazon clients, mapped from inventory.aws.* in application.properties. */
const AMAZON_CLIENT_EMULATOR_ENV = /^QUARKUS_(DYNAMODB|S3|SNS)_(ENDPOINT_OVERRIDE|AWS_|PATH_STYLE_ACCESS)/;

function knownEnv(module) {
  const exact = new Set();
  const prefixes = [];
  for (const k of module.mapped) {
    if (k.key.endsWith(".*")) prefixes.push(envName(k.key.slice(0, -2)) + "_");
    else exact.add(envName(k.key));
  }
  for (const p of module.properties) exact.add(envName(p.key));
  for (const key of QUARKUS_KEYS_ALLOWED[module.module] ?? []) exact.add(envName(key));
  return { exact, prefixes };
}

export const CHECKS = {
  "every resource, data source, argument and block exists in the AWS provider's schema, required arguments set"(cfg) {
    const problems = [];
    const version = providerVersion();
    const constraint = cfg.terraform.flatMap((t) => blocks(t, "required_providers")).map((p) => p.aws?.version).find(Boolean);
    const major = /~>\s*(\d+)\./.exec(constraint ?? "")?.[1];
    if (major && version.split(".")[0] !== major) problems.push(`the schema package is provider ${version}, versions.tf asks for ${constraint}: pin a matching @cdktf/provider-aws`);
    for (const kind of ["resource", "data"]) {
      for (const [type, byName] of Object.entries(cfg[kind])) {
        for (const [name, body] of Object.entries(byName)) problems.push(...validateBody(kind, type, name, body));
      }
    }
    return problems;
  },

  "each function module has a Lambda function and the native provided.al2023 settings"(cfg, code) {
    const problems = [];
    const fns = functions(cfg);
    for (const [name, module] of Object.entries(DEPLOYED_FUNCTIONS)) {
      const fn = fns[name];
      const artifact = artifactOf(name);
      if (!fn) {
        problems.push(`no aws_lambda_function.${name} for module ${module}`);
        continue;
      }
      if (fn.runtime !== "provided.al2023" && ref(fn.runtime) !== "local.lambda_runtime") problems.push(`${name}: runtime is ${fn.runtime}`);
      if (ref(fn.runtime) === "local.lambda_runtime" && cfg.locals.lambda_runtime !== "provided.al2023") {
        problems.push(`${name}: local.lambda_runtime is ${cfg.locals.lambda_runtime}, not provided.al2023`);
      }
      if (!fn.handler) problems.push(`${name}: handler missing (required for zip packages, ignored by provided runtimes)`);
      const arch = fn.architectures;
      if (!Array.isArray(arch) || arch.length !== 1 || ref(arch[0]) !== "var.lambda_architecture") {
        problems.push(`${name}: architectures must be [var.lambda_architecture] (one variable for build and deploy), is ${JSON.stringify(arch)}`);
      }
      if (ref(fn.filename) !== `var.function_artifacts.${artifact}`) problems.push(`${name}: filename must be var.function_artifacts.${artifact}`);
      if (ref(fn.source_code_hash) !== `filebase64sha256(var.function_artifacts.${artifact})`) {
        problems.push(`${name}: source_code_hash must be filebase64sha256(var.function_artifacts.${artifact}) so a new zip redeploys`);
      }
      const preconditions = blocks(blocks(fn, "lifecycle")[0], "precondition");
      if (!preconditions.some((p) => String(p.condition).includes(`local.artifact_architectures.${artifact}`) && String(p.condition).includes("var.lambda_architecture"))) {
        problems.push(`${name}: needs a precondition that the zip was built for var.lambda_architecture (function.zip.arch)`);
      }
      const env = envVariables(cfg, fn);
      if (env.get("DISABLE_SIGNAL_HANDLERS") !== "true") problems.push(`${name}: DISABLE_SIGNAL_HANDLERS=true missing (native runtime exits with 99)`);
      const m = code.modules[module];
      if (m.handlers.length > 1 && !env.has("QUARKUS_LAMBDA_HANDLER") && !m.properties.some((p) => p.key === "quarkus.lambda.handler" && (p.profile === null || p.profile === "prod"))) {
        problems.push(`${name}: module ${module} has ${m.handlers.length} handlers but no quarkus.lambda.handler`);
      }
      if (artifact !== name && !env.has("QUARKUS_LAMBDA_HANDLER")) problems.push(`${name}: runs ${artifact}'s zip but does not select its handler (QUARKUS_LAMBDA_HANDLER)`);
      const wantsHttp = name === "dashboard";
      if (m.exists && m.lambda && m.lambdaHttp !== wantsHttp) {
        problems.push(`${name}: module ${module} ${m.lambdaHttp ? "uses" : "does not use"} quarkus-amazon-lambda-http, but it is ${wantsHttp ? "" : "not "}behind API Gateway`);
      }
    }
    for (const name of Object.keys(fns)) if (!DEPLOYED_FUNCTIONS[name]) problems.push(`aws_lambda_function.${name} has no module`);
    return problems;
  },

  "every environment variable is a configuration key the function's code reads"(cfg, code) {
    const problems = [];
    for (const [name, module] of Object.entries(DEPLOYED_FUNCTIONS)) {
      const fn = functions(cfg)[name];
      if (!fn) continue;
      const known = knownEnv(code.modules[module]);
      for (const key of envVariables(cfg, fn).keys()) {
        if (RUNTIME_ENV.has(key) || known.exact.has(key) || known.prefixes.some((p) => key.startsWith(p))) continue;
        problems.push(`${name}: ${key} is not read by ${module} (no @ConfigMapping key, application.properties key or allowed Quarkus key)`);
      }
    }
    return problems;
  },

  "no emulator endpoint or static credential reaches Lambda"(cfg) {
    const problems = [];
    for (const [name, fn] of Object.entries(functions(cfg))) {
      for (const key of envVariables(cfg, fn).keys()) {
        if (key.startsWith("INVENTORY_AWS_") || key.startsWith("AWS_") || AMAZON_CLIENT_EMULATOR_ENV.test(key)) {
          problems.push(`${name}: ${key} must not be set on Lambda (region and credentials come from the runtime)`);
        }
      }
    }
    return problems;
  },

  // The Quarkus Amazon extensions would otherwise connect wherever their own defaults point: the local stack and the
  // tests set only INVENTORY_AWS_*, and Dev Services would try to start containers.
  "every Quarkus Amazon client takes endpoint, region and credentials from inventory.aws.*, Dev Services off"(cfg, code) {
    const problems = [];
    for (const module of new Set(Object.values(FUNCTION_MODULES))) {
      const m = code.modules[module];
      const value = (key) => m.properties.find((p) => p.key === key && p.profile === null)?.value;
      for (const service of m.amazonClients ?? []) {
        const expected = {
          [`quarkus.${service}.endpoint-override`]: `\${inventory.aws.${service}-endpoint:}`,
          [`quarkus.${service}.aws.region`]: "${inventory.aws.region:${AWS_REGION:us-east-1}}",
          [`quarkus.${service}.aws.credentials.type`]: "custom",
          [`quarkus.${service}.aws.credentials.custom-provider.name`]: code.awsCredentialsBean,
          [`quarkus.${service}.devservices.enabled`]: "false",
          ...(service === "s3" ? { "quarkus.s3.path-style-access": "${inventory.aws.s3-path-style:false}" } : {}),
        };
        for (const [key, want] of Object.entries(expected)) {
          if (value(key) !== want) problems.push(`${module}: ${key} must be ${want} in application.properties (is ${value(key) ?? "unset"})`);
        }
      }
    }
    return problems;
  },

  // (A %prod.<key> in application.properties does not hide <KEY> from the environment: SmallRye Config takes the
  // non-profile value when it comes from a source of higher ordinal, and environment variables (300) outrank
  // application.properties (250).)
  "every required configuration key without a default is set"(cfg, code) {
    const problems = [];
    for (const [name, module] of Object.entries(DEPLOYED_FUNCTIONS)) {
      const fn = functions(cfg)[name];
      if (!fn) continue;
      const m = code.modules[module];
      const env = envVariables(cfg, fn);
      const inProperties = new Set(m.properties.filter((p) => p.profile === null || p.profile === "prod").map((p) => envName(p.key)));
      for (const k of m.mapped) {
        if (k.required && !env.has(envName(k.key)) && !inProperties.has(envName(k.key))) {
          problems.push(`${name}: required key ${k.key} (${envName(k.key)}) has no default and is not set`);
        }
      }
    }
    return problems;
  },

  "tables match TableSchemas.java: keys, index, stream, TTL, on demand, PITR, encryption"(cfg, code) {
    const problems = [];
    const tables = res(cfg, "aws_dynamodb_table");
    for (const key of TABLE_KEYS) {
      const want = code.tables[key];
      const t = tables[key];
      if (!t) {
        problems.push(`aws_dynamodb_table.${key} missing`);
        continue;
      }
      const tableName = ref(t.name) === `local.table_names.${key}` ? cfg.locals.table_names?.[key] : t.name;
      if (typeof tableName !== "string" || !tableName.endsWith(want.defaultName)) problems.push(`${key}: name ${tableName} does not end with ${want.defaultName}`);
      if (t.billing_mode !== "PAY_PER_REQUEST") problems.push(`${key}: billing_mode ${t.billing_mode}, want PAY_PER_REQUEST`);
      if (t.hash_key !== want.hash) problems.push(`${key}: hash_key ${t.hash_key}, TableSchemas has ${want.hash}`);
      if ((t.range_key ?? null) !== (want.range ?? null)) problems.push(`${key}: range_key ${t.range_key}, TableSchemas has ${want.range}`);
      const attrs = blocks(t, "attribute");
      const names = attrs.map((a) => a.name).sort();
      if (JSON.stringify(names) !== JSON.stringify([...want.attributes].sort())) problems.push(`${key}: attributes ${names}, TableSchemas has ${want.attributes}`);
      for (const a of attrs) {
        const type = want.attributeTypes?.[a.name] ?? "S";
        if (a.type !== type) problems.push(`${key}: attribute ${a.name} is ${a.type}, TableSchemas has ${type}`);
      }
      const gsis = blocks(t, "global_secondary_index");
      if (gsis.length !== want.indexes.length) problems.push(`${key}: ${gsis.length} GSIs, TableSchemas has ${want.indexes.length}`);
      for (const wi of want.indexes) {
        const g = gsis.find((x) => x.name === wi.name);
        if (!g) {
          problems.push(`${key}: GSI ${wi.name} missing`);
          continue;
        }
        if (g.hash_key !== wi.hash || (g.range_key ?? null) !== (wi.range ?? null)) problems.push(`${key}: GSI ${wi.name} keys ${g.hash_key}/${g.range_key}, want ${wi.hash}/${wi.range}`);
        if (g.projection_type !== wi.projection) problems.push(`${key}: GSI ${wi.name} projection ${g.projection_type}, want ${wi.projection}`);
      }
      if (want.stream) {
        if (t.stream_enabled !== true || t.stream_view_type !== want.stream) problems.push(`${key}: stream must be enabled with ${want.stream}`);
      } else if (t.stream_enabled === true) {
        problems.push(`${key}: stream enabled, TableSchemas has none`);
      }
      const ttl = blocks(t, "ttl");
      if (want.ttl) {
        if (ttl.length !== 1 || ttl[0].attribute_name !== want.ttl || ttl[0].enabled !== true) problems.push(`${key}: TTL must be enabled on ${want.ttl}`);
      } else if (ttl.some((x) => x.enabled === true)) {
        problems.push(`${key}: TTL enabled, TableSchemas has none`);
      }
      if (blocks(t, "point_in_time_recovery")[0]?.enabled !== true) problems.push(`${key}: point-in-time recovery off`);
      if (blocks(t, "server_side_encryption")[0]?.enabled !== true) problems.push(`${key}: server_side_encryption not enabled`);
    }
    return problems;
  },

  "each function has its own role and its own log group with retention"(cfg) {
    const problems = [];
    const seenRoles = new Map();
    const groups = res(cfg, "aws_cloudwatch_log_group");
    for (const [name, fn] of Object.entries(functions(cfg))) {
      const role = roleOf(fn);
      if (!role || !res(cfg, "aws_iam_role")[role]) problems.push(`${name}: role must be aws_iam_role.<name>.arn`);
      else if (seenRoles.has(role)) problems.push(`${name}: shares role ${role} with ${seenRoles.get(role)}`);
      else seenRoles.set(role, name);
      const lc = blocks(fn, "logging_config")[0];
      const m = lc && /^aws_cloudwatch_log_group\.(\w+)\.name$/.exec(ref(lc.log_group));
      if (!m || !groups[m[1]]) {
        problems.push(`${name}: logging_config.log_group must name its own aws_cloudwatch_log_group`);
        continue;
      }
      const group = groups[m[1]];
      if (ref(group.retention_in_days) !== "var.log_retention_days") problems.push(`${name}: log group ${m[1]} retention must be var.log_retention_days`);
      const users = Object.entries(functions(cfg)).filter(([, f]) => blocks(f, "logging_config")[0] && ref(blocks(f, "logging_config")[0].log_group) === ref(lc.log_group));
      if (users.length > 1) problems.push(`${name}: log group ${m[1]} shared with ${users.map(([n]) => n)}`);
      for (const [, doc] of rolePolicies(cfg, role ?? "").entries()) {
        for (const s of statements(doc.doc)) {
          if (s.actions.some((a) => a.startsWith("logs:")) && !s.resources.every((r) => ref(r).startsWith(`aws_cloudwatch_log_group.${m[1]}.arn`) || r.startsWith(`\${aws_cloudwatch_log_group.${m[1]}.arn}`))) {
            problems.push(`${name}: logs permissions must be on its own log group ${m[1]}`);
          }
        }
      }
    }
    return problems;
  },

  "no IAM Allow statement has a wildcard action, and resources are exact ARNs"(cfg) {
    const problems = [];
    const keyPolicies = new Set(Object.values(res(cfg, "aws_kms_key")).map((k) => (/^data\.aws_iam_policy_document\.(\w+)\.json$/.exec(ref(k.policy)) ?? [])[1]));
    for (const [name, doc] of Object.entries(cfg.data.aws_iam_policy_document ?? {})) {
      for (const s of statements(doc)) {
        const where = `aws_iam_policy_document.${name}${s.sid ? ` (${s.sid})` : ""}`;
        if (s.effect !== "Allow") continue; // Deny statements may be broad: they only take permissions away.
        if (s.notActions) problems.push(`${where}: not_actions in an Allow statement`);
        if (s.notResources) problems.push(`${where}: not_resources in an Allow statement`);
        for (const a of s.actions) if (a.includes("*") || a.includes("?")) problems.push(`${where}: wildcard action ${a}`);
        if (s.actions.includes("sts:AssumeRole")) continue; // trust policy: no resources
        for (const r of s.resources) {
          if (r === "*") {
            // dynamodb:ListStreams supports no resource-level permissions: "*" is the only resource it accepts.
            const listStreamsOnly = s.actions.length > 0 && s.actions.every((a) => a === "dynamodb:ListStreams");
            if (!keyPolicies.has(name) && !listStreamsOnly) problems.push(`${where}: resource "*"`);
            continue;
          }
          const base = /^\$\{([\w.\[\]"]+)\}(.*)$/.exec(r);
          if (!base) {
            problems.push(`${where}: resource ${r} is not an ARN attribute of a managed resource`);
            continue;
          }
          const suffix = base[2];
          const ok =
            suffix === "" ||
            (suffix === "/*" && /^aws_s3_bucket\.\w+\.arn$/.test(base[1])) ||
            (suffix === ":log-stream:*" && /^aws_cloudwatch_log_group\.\w+\.arn$/.test(base[1])) ||
            /^\/index\/[\w.-]+$/.test(suffix);
          if (!ok) problems.push(`${where}: resource ${r} is broader than needed`);
        }
      }
    }
    return problems;
  },

  "each role grants exactly the DynamoDB, S3, SNS and Lambda actions its function's SDK calls need"(cfg, code) {
    const problems = [];
    const services = /^(dynamodb|s3|sns|lambda):/;
    const eventSourceActions = new Set(["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:ListStreams"]);
    for (const [name, module] of Object.entries(DEPLOYED_FUNCTIONS)) {
      const fn = functions(cfg)[name];
      const m = code.modules[module];
      if (!fn || !m.exists) continue;
      const granted = new Set();
      for (const { doc } of rolePolicies(cfg, roleOf(fn))) {
        for (const s of statements(doc)) if (s.effect === "Allow") s.actions.forEach((a) => granted.add(a));
      }
      for (const [action, files] of m.actions) {
        if (!granted.has(action)) problems.push(`${name}: code calls ${action} (${files.map((f) => f.split("/").pop()).join(", ")}) but the role does not grant it`);
      }
      const hasStream = Object.values(res(cfg, "aws_lambda_event_source_mapping")).some((e) => ref(e.function_name) === `aws_lambda_function.${name}.arn` || ref(e.function_name) === `aws_lambda_function.${name}.function_name`);
      for (const action of granted) {
        if (!services.test(action) || m.actions.has(action)) continue;
        if (hasStream && eventSourceActions.has(action)) continue;
        problems.push(`${name}: role grants ${action}, which no SDK call in ${module} needs`);
      }
    }
    return problems;
  },

  "the notifier's stream mapping reports item failures, bisects, retries boundedly, keeps failures in SQS and filters on the level"(cfg, code) {
    // INSERT/MODIFY must carry a level; REMOVE (no NewImage) is let through for the store summaries and the search
    // index, which count and unindex deleted items.
    const removeOnly = (p) => /REMOVE/.test(p) && !/INSERT|MODIFY|NewImage|OldImage/.test(p);
    const problems = notifierStreamMapping(cfg, code, "inventory",
      (p) => removeOnly(p) || (p.includes(code.tables.inventoryLevelAttribute) && p.includes("NewImage")),
      `every filter must test NewImage.${code.tables.inventoryLevelAttribute} or pass only REMOVE records`);
    const mapping = Object.values(res(cfg, "aws_lambda_event_source_mapping")).find((e) => ref(e.event_source_arn) === "aws_dynamodb_table.inventory.stream_arn");
    const patterns = mapping ? blocks(blocks(mapping, "filter_criteria")[0], "filter").map((f) => String(f.pattern)) : [];
    if (patterns.length && !patterns.some(removeOnly)) problems.push("REMOVE records must reach the notifier (store summaries, search index)");
    return problems;
  },

  "the imports stream feeds the notifier with the same safety settings and only finished imports"(cfg, code) {
    const finished = ["LOADED", "PARTIAL", "REJECTED", "FAILED"];
    const problems = notifierStreamMapping(cfg, code, "imports",
      (p) => p.includes("NewImage") && /\bstatus\b/.test(p) && finished.every((s) => p.includes(`"${s}"`)) && !p.includes('"RUNNING"'),
      `every filter must let through NewImage.status ${finished.join(", ")} only`);
    if (code.tables.imports.stream !== "NEW_IMAGE" && code.tables.imports.stream !== "NEW_AND_OLD_IMAGES") {
      problems.push("TableSchemas.imports must enable a stream with new images");
    }
    return problems;
  },

  "the bucket notifies the loader for every suffix it reads, after the permission exists; failures are kept"(cfg, code) {
    const problems = [];
    const notifications = Object.entries(res(cfg, "aws_s3_bucket_notification"));
    if (notifications.length !== 1) return [`expected one aws_s3_bucket_notification (a bucket has one configuration), found ${notifications.length}`];
    const [name, n] = notifications[0];
    const perms = Object.entries(res(cfg, "aws_lambda_permission")).filter(([, p]) => p.principal === "s3.amazonaws.com");
    const perm = perms.find(([, p]) => /^aws_lambda_function\.loader\.(function_name|arn)$/.test(ref(p.function_name)) && ref(p.source_arn) === "aws_s3_bucket.uploads.arn");
    if (!perm) problems.push("no aws_lambda_permission lets s3.amazonaws.com invoke the loader with source_arn = the bucket");
    else if (!(n.depends_on ?? []).map(ref).includes(`aws_lambda_permission.${perm[0]}`)) problems.push(`${name}: must depend_on aws_lambda_permission.${perm[0]} (S3 checks the permission when saving)`);
    const dyn = n.dynamic?.lambda_function?.[0];
    const fnBlock = dyn ? blocks(dyn, "content")[0] : blocks(n, "lambda_function")[0];
    if (dyn && ref(dyn.for_each) !== "var.upload_extensions") problems.push(`${name}: one lambda_function filter per var.upload_extensions entry`);
    if (!fnBlock || ref(fnBlock.lambda_function_arn) !== "aws_lambda_function.loader.arn") problems.push(`${name}: must target aws_lambda_function.loader.arn`);
    else if (!(fnBlock.events ?? []).some((ev) => ev.startsWith("s3:ObjectCreated:"))) problems.push(`${name}: must fire on s3:ObjectCreated:*`);
    const suffixes = cfg.variable.upload_extensions?.default ?? [];
    if (code.loaderSuffixes) {
      const missing = code.loaderSuffixes.filter((s) => !suffixes.includes(s));
      const extra = suffixes.filter((s) => !code.loaderSuffixes.includes(s));
      if (missing.length) problems.push(`upload_extensions default lacks ${missing} (the loader reads them)`);
      if (extra.length) problems.push(`upload_extensions default has ${extra} (the loader rejects them)`);
    }
    for (const a of suffixes) {
      for (const b of suffixes) if (a !== b && a.endsWith(b)) problems.push(`upload_extensions ${b} overlaps ${a}: S3 rejects overlapping filters`);
    }
    const invoke = Object.values(res(cfg, "aws_lambda_function_event_invoke_config")).find((c) => /^aws_lambda_function\.loader\./.test(ref(c.function_name)));
    const onFailure = invoke && blocks(blocks(invoke, "destination_config")[0], "on_failure")[0];
    if (!onFailure || !/^aws_sqs_queue\.\w+\.arn$/.test(ref(onFailure.destination))) problems.push("the loader needs an event invoke config with an on_failure SQS destination");
    else if (typeof invoke.maximum_retry_attempts !== "number") problems.push("the loader's event invoke config must bound maximum_retry_attempts");
    return problems;
  },

  "the dashboard offers the suffixes the bucket notifies on and lets the browser reach the bucket's origin only"(cfg, code) {
    const problems = [];
    const dashboard = functions(cfg).dashboard;
    if (!dashboard) return ["aws_lambda_function.dashboard missing"];
    const envText = String(expr(block(dashboard, "environment").variables) ?? "");
    if (!/\bINVENTORY_DASHBOARD_UPLOAD_EXTENSIONS\s*=\s*join\(\s*","\s*,\s*var\.upload_extensions\s*\)/.test(envText)) {
      problems.push('dashboard: INVENTORY_DASHBOARD_UPLOAD_EXTENSIONS must be join(",", var.upload_extensions), the suffixes the bucket notifies the loader on');
    }
    const originRef = /\bINVENTORY_DASHBOARD_UPLOAD_ORIGINS\s*=\s*(\S+)/.exec(envText)?.[1];
    const bucket = "${aws_s3_bucket.uploads.bucket}";
    const want = [`"https://${bucket}.s3.\${var.aws_region}.amazonaws.com"`, `"https://${bucket}.s3.amazonaws.com"`];
    if (originRef === undefined) problems.push("dashboard: INVENTORY_DASHBOARD_UPLOAD_ORIGINS unset: the CSP would fall back to a guess of the bucket origin");
    else if (originRef !== "local.upload_origin") problems.push(`dashboard: INVENTORY_DASHBOARD_UPLOAD_ORIGINS is ${originRef}, must be local.upload_origin`);
    else {
      const origin = String(expr(cfg.locals.upload_origin) ?? "");
      if (!want.every((w) => origin.includes(w)) || origin.includes("*")) {
        problems.push(`local.upload_origin is ${origin}: must be the bucket's own origin, ${want.join(" (or in us-east-1) ")}, where the presigner points`);
      }
    }
    const dashDefault = code.modules["dashboard-api"].dashboardConfig?.uploadExtensions;
    if (dashDefault !== undefined && code.loaderSuffixes) {
      const offered = dashDefault.split(",").map((s) => s.trim().toLowerCase()).map((s) => (s.startsWith(".") ? s : `.${s}`));
      const missing = code.loaderSuffixes.filter((s) => !offered.includes(s));
      const extra = offered.filter((s) => !code.loaderSuffixes.includes(s));
      if (missing.length) problems.push(`DashboardConfig.uploadExtensions default lacks ${missing} (the loader reads them)`);
      if (extra.length) problems.push(`DashboardConfig.uploadExtensions default offers ${extra} (the loader rejects them)`);
    }
    return problems;
  },

  "the bucket blocks public access, denies plain HTTP, is versioned and encrypted, and allows CORS PUT from the dashboard only"(cfg) {
    const problems = [];
    const pab = Object.values(res(cfg, "aws_s3_bucket_public_access_block")).find((p) => ref(p.bucket) === "aws_s3_bucket.uploads.id");
    for (const k of ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"]) {
      if (pab?.[k] !== true) problems.push(`public access block: ${k} must be true`);
    }
    const own = Object.values(res(cfg, "aws_s3_bucket_ownership_controls")).find((p) => ref(p.bucket) === "aws_s3_bucket.uploads.id");
    if (blocks(own, "rule")[0]?.object_ownership !== "BucketOwnerEnforced") problems.push("object ownership must be BucketOwnerEnforced (no ACLs)");
    const ver = Object.values(res(cfg, "aws_s3_bucket_versioning")).find((p) => ref(p.bucket) === "aws_s3_bucket.uploads.id");
    if (blocks(ver, "versioning_configuration")[0]?.status !== "Enabled") problems.push("versioning must be Enabled");
    const sse = Object.values(res(cfg, "aws_s3_bucket_server_side_encryption_configuration")).find((p) => ref(p.bucket) === "aws_s3_bucket.uploads.id");
    const alg = blocks(blocks(sse, "rule")[0], "apply_server_side_encryption_by_default")[0]?.sse_algorithm;
    if (!["AES256", "aws:kms", "aws:kms:dsse"].includes(alg)) problems.push("default encryption must be configured");
    const policy = Object.values(res(cfg, "aws_s3_bucket_policy")).find((p) => ref(p.bucket) === "aws_s3_bucket.uploads.id");
    const docName = policy && (/^data\.aws_iam_policy_document\.(\w+)\.json$/.exec(ref(policy.policy)) ?? [])[1];
    const doc = docName && cfg.data.aws_iam_policy_document?.[docName];
    const deniesHttp = doc && blocks(doc, "statement").some((s) => s.effect === "Deny" &&
      blocks(s, "condition").some((c) => c.variable === "aws:SecureTransport" && c.test === "Bool" && JSON.stringify(c.values) === '["false"]'));
    if (!deniesHttp) problems.push("bucket policy must deny requests with aws:SecureTransport = false");
    const cors = Object.values(res(cfg, "aws_s3_bucket_cors_configuration")).find((p) => ref(p.bucket) === "aws_s3_bucket.uploads.id");
    for (const rule of blocks(cors, "cors_rule")) {
      if (JSON.stringify(rule.allowed_methods) !== '["PUT"]') problems.push(`CORS may allow only PUT, allows ${rule.allowed_methods}`);
      if (ref(rule.allowed_origins) !== "local.dashboard_origins") problems.push("CORS origins must be local.dashboard_origins");
    }
    if (!cors) problems.push("CORS for the dashboard's presigned uploads missing");
    if (!/aws_apigatewayv2_api\.dashboard\.api_endpoint/.test(String(cfg.locals.dashboard_origins)) || String(cfg.locals.dashboard_origins).includes('"*"')) {
      problems.push("local.dashboard_origins must be the API endpoint plus explicit origins, never *");
    }
    return problems;
  },

  "the NoStock topic is encrypted and subscriptions filter on the store attribute the notifier sends"(cfg, code) {
    const problems = [];
    const topic = res(cfg, "aws_sns_topic").no_stock;
    if (!topic) return ["aws_sns_topic.no_stock missing"];
    if (!topic.kms_master_key_id) problems.push("the topic needs kms_master_key_id");
    const keyRef = /^aws_kms_key\.(\w+)\.(arn|id)$/.exec(ref(topic.kms_master_key_id ?? ""));
    if (keyRef) {
      if (res(cfg, "aws_kms_key")[keyRef[1]]?.enable_key_rotation !== true) problems.push("the topic's key needs rotation");
      const grants = rolePolicies(cfg, roleOf(functions(cfg).notifier ?? {}) ?? "").some(({ doc }) =>
        statements(doc).some((s) => s.actions.includes("kms:GenerateDataKey") && s.resources.some((r) => ref(r) === `aws_kms_key.${keyRef[1]}.arn`)));
      if (!grants) problems.push("the notifier's role must allow kms:GenerateDataKey on the topic's key");
    }
    const attribute = code.modules.notifier.notifierStoreAttribute;
    for (const [name, sub] of Object.entries(res(cfg, "aws_sns_topic_subscription"))) {
      if (ref(sub.topic_arn) !== "aws_sns_topic.no_stock.arn") continue;
      const policy = String(sub.filter_policy ?? "");
      if (attribute && !new RegExp(`\\b${attribute}\\s*=`).test(policy)) problems.push(`${name}: filter_policy must filter on message attribute ${attribute} (what the notifier sends)`);
      if (!/MessageAttributes/.test(String(sub.filter_policy_scope ?? ""))) problems.push(`${name}: filter_policy_scope must be MessageAttributes`);
    }
    return problems;
  },

  "Cognito: admin-created users, strong passwords, groups the dashboard checks, code flow client with the API scope"(cfg, code) {
    const problems = [];
    const pool = res(cfg, "aws_cognito_user_pool").dashboard;
    if (!pool) return ["aws_cognito_user_pool.dashboard missing"];
    if (blocks(pool, "admin_create_user_config")[0]?.allow_admin_create_user_only !== true) problems.push("user pool must allow admin-created users only");
    const pw = blocks(pool, "password_policy")[0];
    if (!pw || pw.minimum_length < 12) problems.push("password policy must require at least 12 characters");
    if (!pool.mfa_configuration) problems.push("mfa_configuration unset");
    const dash = code.modules["dashboard-api"].dashboardConfig ?? {};
    const groups = Object.values(res(cfg, "aws_cognito_user_group"));
    const adminGroup = dash.adminGroup ?? "admin";
    const storePrefix = dash.storeGroupPrefix ?? "store-";
    if (!groups.some((g) => g.name === adminGroup)) problems.push(`group ${adminGroup} (DashboardConfig.adminGroup) missing`);
    if (!groups.some((g) => String(g.name).startsWith(storePrefix))) problems.push(`store groups must be named ${storePrefix}<id> (DashboardConfig.storeGroupPrefix)`);
    const client = res(cfg, "aws_cognito_user_pool_client").dashboard;
    if (!client) return [...problems, "aws_cognito_user_pool_client.dashboard missing"];
    if (JSON.stringify(client.allowed_oauth_flows) !== '["code"]') problems.push(`client must use the code flow only, has ${JSON.stringify(client.allowed_oauth_flows)}`);
    if (client.allowed_oauth_flows_user_pool_client !== true) problems.push("client must enable OAuth flows");
    const scopesText = typeof client.allowed_oauth_scopes === "string" ? client.allowed_oauth_scopes : JSON.stringify(client.allowed_oauth_scopes ?? []);
    if (!scopesText.includes('"openid"')) problems.push("client needs the openid scope");
    if (!client.callback_urls || !client.logout_urls) problems.push("client needs callback and logout URLs");
    if ((client.explicit_auth_flows ?? []).some((f) => /PASSWORD/.test(f))) problems.push("client must not allow password auth flows");
    if (dash.apiScope) {
      const [identifier, scope] = dash.apiScope.split("/");
      const rs = Object.entries(res(cfg, "aws_cognito_resource_server")).find(([, r]) => r.identifier === identifier && blocks(r, "scope").some((s) => s.scope_name === scope));
      if (!rs) problems.push(`no aws_cognito_resource_server ${identifier} with scope ${scope} (DashboardConfig.apiScope ${dash.apiScope})`);
      if (!scopesText.includes(`"${dash.apiScope}"`) && !(rs && scopesText.includes(`aws_cognito_resource_server.${rs[0]}.scope_identifiers`))) problems.push(`client must allow scope ${dash.apiScope}`);
    }
    const props = code.modules["dashboard-api"].properties;
    if (code.modules["dashboard-api"].exists && props.length) {
      const value = (key) => props.find((p) => p.key === key && (p.profile === null || p.profile === "prod"))?.value;
      if (value("quarkus.oidc.authentication.pkce-required") !== "true") problems.push("dashboard application.properties must set quarkus.oidc.authentication.pkce-required=true (PKCE)");
      if (value("quarkus.oidc.roles.role-claim-path") !== "cognito:groups") problems.push("dashboard application.properties must set quarkus.oidc.roles.role-claim-path=cognito:groups");
      const postLogout = value("quarkus.oidc.logout.post-logout-path");
      if (postLogout && cfg.locals.dashboard_logout_path !== postLogout) problems.push(`local.dashboard_logout_path is ${cfg.locals.dashboard_logout_path}, the dashboard's post-logout-path is ${postLogout}: Cognito would refuse the logout_uri`);
      const env = envVariables(cfg, functions(cfg).dashboard ?? {});
      const redirect = env.get("QUARKUS_OIDC_AUTHENTICATION_REDIRECT_PATH") ?? value("quarkus.oidc.authentication.redirect-path");
      if (!redirect) problems.push("the dashboard has no fixed redirect path (quarkus.oidc.authentication.redirect-path): Cognito callback URLs must match exactly");
      else if (ref(redirect) !== "local.dashboard_callback_path" && redirect !== cfg.locals.dashboard_callback_path) problems.push(`redirect path ${redirect} is not the callback path local.dashboard_callback_path`);
      for (const key of ["QUARKUS_OIDC_AUTH_SERVER_URL", "QUARKUS_OIDC_CLIENT_ID", "QUARKUS_OIDC_CREDENTIALS_SECRET", "QUARKUS_OIDC_TOKEN_STATE_MANAGER_ENCRYPTION_SECRET", "QUARKUS_OIDC_END_SESSION_PATH"]) {
        if (!env.has(key)) problems.push(`the dashboard needs ${key}`);
      }
    }
    if (!Object.keys(res(cfg, "aws_cognito_user_pool_domain")).length) problems.push("hosted login domain missing");
    return problems;
  },

  "API Gateway HTTP API: payload 2.0 proxy to the dashboard, throttled, access-logged"(cfg) {
    const problems = [];
    const api = res(cfg, "aws_apigatewayv2_api").dashboard;
    if (api?.protocol_type !== "HTTP") problems.push("aws_apigatewayv2_api.dashboard must be an HTTP API");
    const integ = Object.values(res(cfg, "aws_apigatewayv2_integration")).find((i) => ref(i.integration_uri) === "aws_lambda_function.dashboard.invoke_arn");
    if (!integ) problems.push("no integration with the dashboard function");
    else {
      if (integ.integration_type !== "AWS_PROXY") problems.push("integration must be AWS_PROXY");
      if (integ.payload_format_version !== "2.0") problems.push("payload_format_version must be 2.0 (quarkus-amazon-lambda-http expects v2)");
    }
    const stage = Object.values(res(cfg, "aws_apigatewayv2_stage"))[0];
    const rs = blocks(stage, "default_route_settings")[0];
    if (!rs || rs.throttling_rate_limit === undefined || rs.throttling_burst_limit === undefined) problems.push("stage needs throttling_rate_limit and throttling_burst_limit");
    const logs = blocks(stage, "access_log_settings")[0];
    if (!logs || !/^aws_cloudwatch_log_group\.\w+\.arn$/.test(ref(logs.destination_arn)) || !logs.format) problems.push("stage needs access_log_settings to a log group");
    const perm = Object.values(res(cfg, "aws_lambda_permission")).find((p) => p.principal === "apigateway.amazonaws.com");
    if (!perm || !/aws_lambda_function\.dashboard\./.test(ref(perm.function_name)) || !String(perm.source_arn).includes("aws_apigatewayv2_api.dashboard.execution_arn")) {
      problems.push("API Gateway needs a lambda permission on the dashboard scoped to the API's execution ARN");
    }
    return problems;
  },

  "every alarm watches a metric that exists and notifies the operations topic; every failure queue, function, stream and API is watched"(cfg, code) {
    const problems = [];
    const alarms = res(cfg, "aws_cloudwatch_metric_alarm");
    const localValue = (value) => {
      const m = /^local\.(\w+)$/.exec(ref(value) ?? "");
      return m ? cfg.locals[m[1]] : value;
    };
    const refs = (value) => [localValue(value)].flat().map((v) => ref(v));
    // What each AWS namespace publishes that we alarm on, and the dimension that names our resource.
    const awsMetrics = {
      "AWS/SQS": { metrics: ["ApproximateNumberOfMessagesVisible", "ApproximateAgeOfOldestMessage"], dimension: "QueueName", target: /^aws_sqs_queue\.(\w+)\.name$/ },
      "AWS/Lambda": { metrics: ["Errors", "Throttles", "IteratorAge", "Duration"], dimension: "FunctionName", target: /^aws_lambda_function\.(\w+)\.function_name$/ },
      "AWS/ApiGateway": { metrics: ["5xx", "4xx", "Latency", "Count"], dimension: "ApiId", target: /^aws_apigatewayv2_api\.(\w+)\.id$/ },
    };
    const namespaceLocal = localValue(cfg.locals.metrics_namespace);
    if (namespaceLocal !== code.metrics.namespace) problems.push(`local.metrics_namespace (${namespaceLocal}) differs from MetricsConfig's default namespace (${code.metrics.namespace})`);
    const watched = { queues: new Set(), functions: {}, apis: new Set(), emf: new Set() };
    for (const [name, alarm] of Object.entries(alarms)) {
      for (const key of ["alarm_actions", "ok_actions"]) {
        if (!refs(alarm[key]).includes("aws_sns_topic.operations.arn")) problems.push(`${name}: ${key} must notify aws_sns_topic.operations`);
      }
      const namespace = localValue(alarm.namespace);
      const dimensions = alarm.dimensions ?? {};
      // for_each alarms name their target through each.value: resolve it against the for_each map.
      const targets = (value) => {
        if (ref(value) === "each.value") return Object.values(localValue(alarm.for_each) ?? {}).map((v) => ref(v));
        return [ref(value)];
      };
      if (namespace === code.metrics.namespace) {
        if (!code.metrics.names.includes(alarm.metric_name)) problems.push(`${name}: no function publishes metric ${alarm.metric_name} (Metric.java)`);
        const fns = targets(dimensions.Function ?? "").map((t) => (/^aws_lambda_function\.(\w+)\.function_name$/.exec(t) ?? [])[1]);
        if (fns.some((f) => !f || !functions(cfg)[f])) problems.push(`${name}: dimension Function must be a function's function_name`);
        watched.emf.add(alarm.metric_name);
        continue;
      }
      const known = awsMetrics[namespace];
      if (!known) {
        problems.push(`${name}: namespace ${namespace} is neither an AWS namespace checked here nor the functions' EMF namespace`);
        continue;
      }
      if (!known.metrics.includes(alarm.metric_name)) problems.push(`${name}: ${namespace} has no metric ${alarm.metric_name} checked here`);
      for (const target of targets(dimensions[known.dimension] ?? "")) {
        const m = known.target.exec(target);
        if (!m) {
          problems.push(`${name}: dimension ${known.dimension} must reference a managed resource, not ${target}`);
          continue;
        }
        if (namespace === "AWS/SQS") watched.queues.add(m[1]);
        if (namespace === "AWS/Lambda") (watched.functions[m[1]] ??= new Set()).add(alarm.metric_name);
        if (namespace === "AWS/ApiGateway" && alarm.metric_name === "5xx") watched.apis.add(m[1]);
      }
    }
    for (const queue of Object.keys(res(cfg, "aws_sqs_queue"))) {
      if (!watched.queues.has(queue)) problems.push(`aws_sqs_queue.${queue}: no alarm when messages wait in it`);
    }
    for (const fn of Object.keys(functions(cfg))) {
      for (const metric of ["Errors", "Throttles"]) if (!watched.functions[fn]?.has(metric)) problems.push(`aws_lambda_function.${fn}: no ${metric} alarm`);
    }
    for (const e of Object.values(res(cfg, "aws_lambda_event_source_mapping"))) {
      const fn = (/^aws_lambda_function\.(\w+)\./.exec(ref(e.function_name)) ?? [])[1];
      if (/stream_arn$/.test(ref(e.event_source_arn)) && !watched.functions[fn]?.has("IteratorAge")) problems.push(`aws_lambda_function.${fn}: reads a stream but has no IteratorAge alarm`);
    }
    for (const api of Object.keys(res(cfg, "aws_apigatewayv2_api"))) if (!watched.apis.has(api)) problems.push(`aws_apigatewayv2_api.${api}: no 5xx alarm`);
    if (!watched.emf.has("FilesFailed")) problems.push("no alarm on failed imports (FilesFailed)");
    const topic = res(cfg, "aws_sns_topic").operations;
    if (!topic) problems.push("aws_sns_topic.operations missing");
    else if (topic.kms_master_key_id) {
      // Alarms can only publish to an encrypted topic whose key lets CloudWatch use it.
      const keyName = (/^aws_kms_key\.(\w+)\.(arn|id)$/.exec(ref(topic.kms_master_key_id)) ?? [])[1];
      const keyDoc = (/^data\.aws_iam_policy_document\.(\w+)\.json$/.exec(ref(res(cfg, "aws_kms_key")[keyName]?.policy ?? "")) ?? [])[1];
      const lets = statements(cfg.data.aws_iam_policy_document?.[keyDoc] ?? {}).some((s) => s.actions.includes("kms:GenerateDataKey") &&
        blocks(cfg.data.aws_iam_policy_document[keyDoc].statement.find((x) => (x.sid ?? undefined) === s.sid) ?? {}, "principals").some((p) => (p.identifiers ?? []).includes("cloudwatch.amazonaws.com")));
      if (!lets) problems.push("the operations topic's KMS key must let cloudwatch.amazonaws.com use it, or alarms cannot publish");
    }
    return problems;
  },

  "variables have descriptions and types, outputs have descriptions, the promised outputs exist"(cfg) {
    const problems = [];
    for (const [name, v] of Object.entries(cfg.variable)) {
      if (!v.description) problems.push(`variable ${name}: no description`);
      if (!v.type) problems.push(`variable ${name}: no type`);
    }
    for (const [name, o] of Object.entries(cfg.output)) if (!o.description) problems.push(`output ${name}: no description`);
    for (const name of ["upload_bucket", "dashboard_url", "cognito_login_url", "alert_topic_arn"]) if (!cfg.output[name]) problems.push(`output ${name} missing`);
    for (const name of ["aws_region", "name_prefix", "lambda_architecture", "function_artifacts", "function_memory_mb", "log_retention_days", "default_low_stock_threshold", "alert_email_subscriptions", "alert_sms_subscriptions", "dashboard_extra_origins", "store_ids"]) {
      if (!cfg.variable[name]) problems.push(`variable ${name} missing`);
    }
    if (!blocks(cfg.variable.lambda_architecture, "validation").length) problems.push("variable lambda_architecture needs a validation");
    const providers = cfg.terraform.flatMap((t) => blocks(t, "required_providers"));
    if (!providers.some((p) => p.aws?.version)) problems.push("terraform.required_providers must pin hashicorp/aws");
    return problems;
  },
};
