// What the Java code says the deployment must look like, read from the repository.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { filesUnder, moduleConfiguration, sdkActions, stripComments, parseInterfaces } from "./java.mjs";

/** Terraform function (aws_lambda_function name) -> Maven module. */
export const FUNCTION_MODULES = { loader: "loader", notifier: "notifier", dashboard: "dashboard-api" };

/**
 * Every deployed function (aws_lambda_function name) -> Maven module: the function modules, plus functions that run
 * another handler of a module's zip (selected with QUARKUS_LAMBDA_HANDLER).
 */
export const DEPLOYED_FUNCTIONS = { ...FUNCTION_MODULES, notifier_schedule: "notifier" };

/** The artifact (key of var.function_artifacts) a deployed function runs. */
export function artifactOf(name) {
  return Object.prototype.hasOwnProperty.call(FUNCTION_MODULES, name) ? name : DEPLOYED_FUNCTIONS[name];
}

/** String constants `NAME = "value"` of a Java file. */
export function stringConstants(path) {
  const text = stripComments(readFileSync(path, "utf8"));
  const out = {};
  for (const m of text.matchAll(/static\s+final\s+String\s+(\w+)\s*=\s*"([^"]*)"/g)) out[m[1]] = m[2];
  for (const m of text.matchAll(/static\s+final\s+String\s+(\w+)\s*=\s*(\w+)\.(\w+)\s*;/g)) out[m[1]] = `${m[2]}.${m[3]}`;
  return out;
}

/**
 * The table schemas as TableSchemas.java builds them, with attribute names resolved from the *Table classes, and
 * default table names from TableNames.
 */
export function tableSchemas(repoRoot) {
  const dir = join(repoRoot, "shared/src/main/java/com/stockwatch/inventory");
  const constants = {};
  for (const cls of ["InventoryTable", "ImportsTable", "AlertsTable", "StoresTable", "ItemStatesTable", "SearchTokensTable", "TableSchemas"]) {
    constants[cls] = stringConstants(join(dir, `${cls}.java`));
  }
  const resolve = (ref) => {
    const [cls, name] = ref.split(".");
    let value = constants[cls]?.[name];
    if (value === undefined) throw new Error(`cannot resolve ${ref} in TableSchemas.java`);
    if (/^\w+\.\w+$/.test(value) && constants[value.split(".")[0]]) value = resolve(value);
    return value;
  };
  const text = stripComments(readFileSync(join(dir, "TableSchemas.java"), "utf8"));
  const method = (name) => {
    const m = new RegExp(`public\\s+static\\s+CreateTableRequest\\s+${name}\\s*\\(String\\s+\\w+\\)\\s*\\{`).exec(text);
    if (!m) throw new Error(`TableSchemas.${name}(String) not found`);
    let depth = 0;
    for (let i = m.index + m[0].length - 1; i < text.length; i++) {
      if (text[i] === "{") depth++;
      else if (text[i] === "}" && --depth === 0) return text.slice(m.index, i + 1);
    }
    throw new Error("unbalanced TableSchemas.java");
  };
  const keysOf = (body) =>
    [...body.matchAll(/key\(\s*(\w+\.\w+)\s*,\s*KeyType\.(HASH|RANGE)\s*\)/g)].map((m) => ({ name: resolve(m[1]), type: m[2] }));
  const schema = (name) => {
    const body = method(name);
    const keyed = /keyedTable\(\s*\w+\s*,\s*(\w+\.\w+)\s*,\s*(\w+\.\w+)\s*\)/.exec(body);
    if (keyed) {
      return {
        hash: resolve(keyed[1]), range: resolve(keyed[2]), attributes: [resolve(keyed[1]), resolve(keyed[2])],
        attributeTypes: { [resolve(keyed[1])]: "S", [resolve(keyed[2])]: "S" }, indexes: [], stream: null,
      };
    }
    const gsiStart = body.indexOf("GlobalSecondaryIndex.builder()");
    const tablePart = gsiStart >= 0 ? body.slice(0, gsiStart) : body;
    const gsiPart = gsiStart >= 0 ? body.slice(gsiStart) : "";
    const tableKeys = keysOf(tablePart);
    const indexes = gsiPart.split("GlobalSecondaryIndex.builder()").slice(1).map((part) => {
      const indexName = /indexName\(\s*(\w+\.\w+)\s*\)/.exec(part);
      const keys = keysOf(part);
      const projection = /ProjectionType\.(\w+)/.exec(part);
      return {
        name: resolve(indexName[1]),
        hash: keys.find((k) => k.type === "HASH").name,
        range: keys.find((k) => k.type === "RANGE")?.name,
        projection: projection[1],
      };
    });
    const typed = [...tablePart.matchAll(/(string|number)Attribute\(\s*(\w+\.\w+)\s*\)/g)]
      .map((m) => ({ name: resolve(m[2]), type: m[1] === "number" ? "N" : "S" }));
    const attributes = typed.map((a) => a.name);
    const attributeTypes = Object.fromEntries(typed.map((a) => [a.name, a.type]));
    const stream = /streamEnabled\(true\)[^;]*StreamViewType\.(\w+)/s.exec(body);
    return {
      hash: tableKeys.find((k) => k.type === "HASH").name,
      range: tableKeys.find((k) => k.type === "RANGE")?.name,
      attributes,
      attributeTypes,
      indexes,
      stream: stream ? stream[1] : null,
    };
  };
  const defaults = {};
  for (const itf of parseInterfaces(readFileSync(join(dir, "TableNames.java"), "utf8"))) {
    if (itf.prefix !== "inventory.tables") continue;
    const text2 = stripComments(readFileSync(join(dir, "TableNames.java"), "utf8"));
    for (const m of text2.matchAll(/@WithDefault\("([^"]*)"\)\s*String\s+(\w+)\(\)/g)) defaults[m[2]] = m[1];
  }
  return {
    inventory: { ...schema("inventory"), defaultName: defaults.inventory },
    imports: { ...schema("imports"), defaultName: defaults.imports, ttl: resolve("TableSchemas.IMPORTS_TTL_ATTRIBUTE") },
    alerts: { ...schema("alerts"), defaultName: defaults.alerts, ttl: resolve("TableSchemas.ALERTS_TTL_ATTRIBUTE") },
    stores: { ...schema("stores"), defaultName: defaults.stores },
    item_states: { ...schema("itemStates"), defaultName: defaults.itemStates },
    search: { ...schema("search"), defaultName: defaults.search },
    inventoryLevelAttribute: constants.InventoryTable.INVENTORY_LEVEL,
  };
}

/** The bean name of the shared credentials provider the Quarkus Amazon clients are configured with. */
export function awsCredentialsBean(repoRoot) {
  const path = join(repoRoot, "shared/src/main/java/com/stockwatch/aws/AwsCredentials.java");
  return existsSync(path) ? stringConstants(path).BEAN_NAME ?? null : null;
}

/** Classes of a module that implement a Lambda handler interface. */
function handlerClasses(javaRoot) {
  const out = [];
  for (const file of filesUnder(javaRoot, ".java")) {
    const text = stripComments(readFileSync(file, "utf8"));
    if (/implements\s+[^{]*\b(RequestHandler|RequestStreamHandler)\b/.test(text)) out.push(file);
  }
  return out;
}

/** Event and result types of the module's RequestHandler<I, O> implementations. */
function handlerTypes(javaRoot) {
  const out = [];
  for (const file of filesUnder(javaRoot, ".java")) {
    const text = stripComments(readFileSync(file, "utf8"));
    const m = /implements\s+[^{]*\bRequestHandler\s*<\s*([\w.]+)\s*,\s*([\w.]+)\s*>/.exec(text);
    if (m) out.push({ file, input: m[1].split(".").pop(), output: m[2].split(".").pop() });
  }
  return out;
}

/** Everything the checks need to know about one function module. */
export function functionModule(repoRoot, module) {
  const javaRoot = join(repoRoot, module, "src/main/java");
  const pomPath = join(repoRoot, module, "pom.xml");
  const pom = existsSync(pomPath) ? readFileSync(pomPath, "utf8") : "";
  return {
    module,
    exists: existsSync(javaRoot),
    lambdaHttp: /<artifactId>quarkus-amazon-lambda-http<\/artifactId>/.test(pom),
    lambda: /<artifactId>quarkus-amazon-lambda(-http)?<\/artifactId>/.test(pom),
    amazonClients: [...pom.matchAll(/<artifactId>quarkus-amazon-(dynamodb|s3|sns)<\/artifactId>/g)].map((m) => m[1]),
    ...moduleConfiguration(repoRoot, module),
    actions: sdkActions([javaRoot, join(repoRoot, "shared/src/main/java")]),
    handlers: handlerClasses(javaRoot),
    handlerTypes: handlerTypes(javaRoot),
    dashboardConfig: module === "dashboard-api" ? dashboardDefaults(javaRoot) : null,
    notifierStoreAttribute: module === "notifier" ? notifierStoreAttribute(javaRoot) : null,
  };
}

/** Defaults of DashboardConfig that Terraform must agree with (groups, API scope, upload extensions). */
function dashboardDefaults(javaRoot) {
  const path = join(javaRoot, "com/stockwatch/dashboard/DashboardConfig.java");
  if (!existsSync(path)) return null;
  const text = stripComments(readFileSync(path, "utf8"));
  const out = {};
  for (const m of text.matchAll(/@WithDefault\("([^"]*)"\)\s*[\w<>.,\s]+?\s(\w+)\(\)/g)) out[m[2]] = m[1];
  return out;
}

/** The SNS message attribute that carries the store id (subscriptions filter on it). */
function notifierStoreAttribute(javaRoot) {
  for (const file of filesUnder(javaRoot, ".java")) {
    const m = /ATTRIBUTE_STORE_ID\s*=\s*"([^"]+)"/.exec(readFileSync(file, "utf8"));
    if (m) return m[1];
  }
  return null;
}

/** File name suffixes the loader reads, from FileFormat.typeOf (extensions, each also gzip-compressed). */
export function loaderSuffixes(repoRoot) {
  const path = join(repoRoot, "loader/src/main/java/com/stockwatch/loader/parse/FileFormat.java");
  if (!existsSync(path)) return null;
  const text = stripComments(readFileSync(path, "utf8"));
  const extensions = [];
  for (const m of text.matchAll(/case\s+((?:"[a-z0-9]+"\s*,?\s*)+)->/g)) {
    for (const e of m[1].matchAll(/"([a-z0-9]+)"/g)) extensions.push(e[1]);
  }
  const gzip = /endsWith\("\.gz"\)/.test(text);
  return extensions.flatMap((e) => (gzip ? [`.${e}`, `.${e}.gz`] : [`.${e}`]));
}

/** The EMF metrics the functions publish (shared/.../metrics/Metric.java) and MetricsConfig's default namespace. */
export function emfMetrics(repoRoot) {
  const dir = join(repoRoot, "shared/src/main/java/com/stockwatch/metrics");
  const metric = stripComments(readFileSync(join(dir, "Metric.java"), "utf8"));
  const config = stripComments(readFileSync(join(dir, "MetricsConfig.java"), "utf8"));
  return {
    names: [...metric.matchAll(/^\s*[A-Z_]+\(\s*"(\w+)"\s*,\s*Unit\./gm)].map((m) => m[1]),
    namespace: (/@WithDefault\("([^"]*)"\)\s*String\s+namespace\(\)/.exec(config) ?? [])[1],
  };
}
