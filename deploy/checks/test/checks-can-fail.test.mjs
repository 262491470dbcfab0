// Every wiring rule must be able to fail: each case breaks one thing in a copy of the real configuration (or of the
// code model) and expects the rule to report it. A rule that still passes here would prove nothing.
import { test } from "node:test";
import assert from "node:assert/strict";
import { CHECKS } from "../lib/wiring.mjs";
import { load } from "../lib/load.mjs";

const r = (cfg, type, name) => cfg.resource[type][name];
const stmt = (cfg, doc, sid) => cfg.data.aws_iam_policy_document[doc].statement.find((s) => s.sid === sid);
const replaceEnv = (fn, from, to) => {
  fn.environment[0].variables = fn.environment[0].variables.replace(from, to);
};

const CASES = [
  ["every resource, data source, argument and block exists in the AWS provider's schema, required arguments set", [
    ["misspelt argument", (cfg) => { r(cfg, "aws_lambda_function", "loader").handlr = "x"; }],
    ["misspelt argument in a block", (cfg) => { r(cfg, "aws_lambda_function", "loader").logging_config[0].log_grp = "x"; }],
    ["argument of a nested block in the wrong place", (cfg) => { r(cfg, "aws_lambda_event_source_mapping", "notifier_stream").destination_arn = "x"; }],
    ["required argument missing", (cfg) => { delete r(cfg, "aws_iam_role", "loader").assume_role_policy; }],
    ["required argument missing in a block", (cfg) => { delete r(cfg, "aws_lambda_function", "loader").logging_config[0].log_format; }],
    ["unknown resource type", (cfg) => { cfg.resource.aws_lambda_functions = { x: { function_name: "x", role: "y" } }; }],
    ["misspelt argument in a dynamic block", (cfg) => { r(cfg, "aws_s3_bucket_notification", "uploads").dynamic.lambda_function[0].content[0].filter_sufix = "x"; }],
    ["misspelt data source argument", (cfg) => { cfg.data.aws_iam_policy_document.loader.statement[0].action = ["s3:GetObject"]; }],
  ]],
  ["each function module has a Lambda function and the native provided.al2023 settings", [
    ["scheduled function without its handler", (cfg) => { replaceEnv(r(cfg, "aws_lambda_function", "notifier_schedule"), "QUARKUS_LAMBDA_HANDLER", "INVENTORY_NOTIFIER_GROUPING_DIGEST_ITEMS"); }],
    ["wrong runtime", (cfg) => { r(cfg, "aws_lambda_function", "loader").runtime = "java17"; }],
    ["architecture not from the shared variable", (cfg) => { r(cfg, "aws_lambda_function", "notifier").architectures = ["x86_64"]; }],
    ["no architecture precondition", (cfg) => { delete r(cfg, "aws_lambda_function", "dashboard").lifecycle; }],
    ["no DISABLE_SIGNAL_HANDLERS", (cfg) => { delete cfg.locals.shared_environment.DISABLE_SIGNAL_HANDLERS; }],
    ["a function without module", (cfg) => { cfg.resource.aws_lambda_function.extra = cfg.resource.aws_lambda_function.loader; }],
    ["two handlers, none chosen", (cfg, code) => { code.modules.loader.handlers = ["A.java", "B.java"]; code.modules.loader.properties = []; }],
  ]],
  ["every environment variable is a configuration key the function's code reads", [
    ["a misspelt key", (cfg) => { cfg.locals.shared_environment.INVENTORY_TABLES_INVENTRY = "x"; }],
    ["a Quarkus key nobody reads", (cfg) => { replaceEnv(r(cfg, "aws_lambda_function", "notifier"), "INVENTORY_NOTIFIER_TOPIC_ARN", "QUARKUS_OIDC_CLIENT_ID = 1\n INVENTORY_NOTIFIER_TOPIC_ARN"); }],
  ]],
  ["no emulator endpoint or static credential reaches Lambda", [
    ["an endpoint override", (cfg) => { cfg.locals.shared_environment.INVENTORY_AWS_DYNAMODB_ENDPOINT = "http://localhost:8000"; }],
    ["an extension's endpoint override", (cfg) => { cfg.locals.shared_environment.QUARKUS_DYNAMODB_ENDPOINT_OVERRIDE = "http://localhost:8000"; }],
    ["an extension's static credentials", (cfg) => { cfg.locals.shared_environment.QUARKUS_SNS_AWS_CREDENTIALS_TYPE = "static"; }],
  ]],
  ["every Quarkus Amazon client takes endpoint, region and credentials from inventory.aws.*, Dev Services off", [
    ["an endpoint not mapped", (cfg, code) => { code.modules.notifier.properties = code.modules.notifier.properties.filter((p) => p.key !== "quarkus.sns.endpoint-override"); }],
    ["Dev Services on", (cfg, code) => { code.modules.loader.properties = code.modules.loader.properties.map((p) => (p.key === "quarkus.s3.devservices.enabled" ? { ...p, value: "true" } : p)); }],
    ["default credentials", (cfg, code) => { code.modules["dashboard-api"].properties = code.modules["dashboard-api"].properties.filter((p) => p.key !== "quarkus.dynamodb.aws.credentials.type"); }],
  ]],
  ["every required configuration key without a default is set", [
    ["topic ARN missing", (cfg) => { replaceEnv(r(cfg, "aws_lambda_function", "notifier"), "INVENTORY_NOTIFIER_TOPIC_ARN", "INVENTORY_NOTIFIER_GROUPING_DIGEST_ITEMS"); }],
    ["a new required key in the code", (cfg, code) => { code.modules.loader.mapped.push({ key: "inventory.loader.new-required", required: true, source: "X.java" }); }],
  ]],
  ["tables match TableSchemas.java: keys, index, stream, TTL, on demand, PITR, encryption", [
    ["wrong sort key", (cfg) => { r(cfg, "aws_dynamodb_table", "inventory").range_key = "sku"; }],
    ["stream view", (cfg) => { r(cfg, "aws_dynamodb_table", "inventory").stream_view_type = "NEW_IMAGE"; }],
    ["GSI projection", (cfg) => { r(cfg, "aws_dynamodb_table", "inventory").global_secondary_index[0].projection_type = "KEYS_ONLY"; }],
    ["no TTL", (cfg) => { delete r(cfg, "aws_dynamodb_table", "alerts").ttl; }],
    ["no TTL on imports", (cfg) => { delete r(cfg, "aws_dynamodb_table", "imports").ttl; }],
    ["imports TTL on another attribute than the loader writes", (cfg) => { r(cfg, "aws_dynamodb_table", "imports").ttl[0].attribute_name = "ttl"; }],
    ["provisioned", (cfg) => { r(cfg, "aws_dynamodb_table", "imports").billing_mode = "PROVISIONED"; }],
    ["no PITR", (cfg) => { r(cfg, "aws_dynamodb_table", "imports").point_in_time_recovery[0].enabled = false; }],
    ["schema changed in Java", (cfg, code) => { code.tables.alerts.range = "created_at"; }],
    ["a registry index missing", (cfg) => { r(cfg, "aws_dynamodb_table", "stores").global_secondary_index.pop(); }],
    ["a sort index with another projection", (cfg, code) => { code.tables.inventory.indexes[1].projection = "ALL"; }],
    ["level attribute declared as a string", (cfg) => {
      r(cfg, "aws_dynamodb_table", "inventory").attribute.find((a) => a.name === "inventory_level").type = "S";
    }],
  ]],
  ["each function has its own role and its own log group with retention", [
    ["shared role", (cfg) => { r(cfg, "aws_lambda_function", "dashboard").role = "${aws_iam_role.loader.arn}"; }],
    ["shared log group", (cfg) => { r(cfg, "aws_lambda_function", "dashboard").logging_config[0].log_group = "${aws_cloudwatch_log_group.loader.name}"; }],
    ["no retention", (cfg) => { delete r(cfg, "aws_cloudwatch_log_group", "notifier").retention_in_days; }],
  ]],
  ["no IAM Allow statement has a wildcard action, and resources are exact ARNs", [
    ["wildcard action", (cfg) => { stmt(cfg, "dashboard", "ReadTables").actions.push("dynamodb:*"); }],
    ["prefix wildcard action", (cfg) => { stmt(cfg, "loader", "ReadUploadedFiles").actions = ["s3:Get*"]; }],
    ["resource *", (cfg) => { stmt(cfg, "alert_delivery", "PublishAlerts").resources = ["*"]; }],
    ["table wildcard", (cfg) => { stmt(cfg, "dashboard", "ReadTables").resources.push("${aws_dynamodb_table.inventory.arn}/*"); }],
  ]],
  ["each role grants exactly the DynamoDB, S3, SNS and Lambda actions its function's SDK calls need", [
    ["code calls something not granted", (cfg, code) => { code.modules["dashboard-api"].actions.set("dynamodb:DeleteItem", ["X.java"]); }],
    ["role grants something unused", (cfg) => { stmt(cfg, "dashboard", "ReadTables").actions.push("dynamodb:DeleteItem"); }],
  ]],
  ["the notifier's stream mapping reports item failures, bisects, retries boundedly, keeps failures in SQS and filters on the level", [
    ["no ReportBatchItemFailures", (cfg) => { r(cfg, "aws_lambda_event_source_mapping", "notifier_stream").function_response_types = []; }],
    ["handler returns no batch response", (cfg, code) => { code.modules.notifier.handlerTypes = [{ file: "H.java", input: "DynamodbEvent", output: "Void" }]; }],
    ["no bisect", (cfg) => { delete r(cfg, "aws_lambda_event_source_mapping", "notifier_stream").bisect_batch_on_function_error; }],
    ["infinite retries", (cfg) => { r(cfg, "aws_lambda_event_source_mapping", "notifier_stream").maximum_retry_attempts = -1; }],
    ["unbounded record age", (cfg) => { delete r(cfg, "aws_lambda_event_source_mapping", "notifier_stream").maximum_record_age_in_seconds; }],
    ["no on-failure destination", (cfg) => { delete r(cfg, "aws_lambda_event_source_mapping", "notifier_stream").destination_config; }],
    ["no filter", (cfg) => { delete r(cfg, "aws_lambda_event_source_mapping", "notifier_stream").filter_criteria; }],
    ["filter on another attribute", (cfg, code) => { code.tables.inventoryLevelAttribute = "quantity"; }],
    ["REMOVE records filtered out", (cfg) => {
      const criteria = r(cfg, "aws_lambda_event_source_mapping", "notifier_stream").filter_criteria[0];
      criteria.filter = criteria.filter.filter((f) => !String(f.pattern).includes("REMOVE"));
    }],
    ["DLQ not writable", (cfg) => { stmt(cfg, "notifier", "KeepFailedRecords").resources = ["${aws_sqs_queue.loader_failures.arn}"]; }],
  ]],
  ["the imports stream feeds the notifier with the same safety settings and only finished imports", [
    ["no mapping", (cfg) => { delete cfg.resource.aws_lambda_event_source_mapping.notifier_imports_stream; }],
    ["no bisect", (cfg) => { delete r(cfg, "aws_lambda_event_source_mapping", "notifier_imports_stream").bisect_batch_on_function_error; }],
    ["running imports let through", (cfg) => {
      const f = r(cfg, "aws_lambda_event_source_mapping", "notifier_imports_stream").filter_criteria[0].filter[0];
      f.pattern = String(f.pattern).replace('"FAILED"', '"FAILED", "RUNNING"');
    }],
  ]],
  ["the bucket notifies the loader for every suffix it reads, after the permission exists; failures are kept", [
    ["no depends_on", (cfg) => { delete r(cfg, "aws_s3_bucket_notification", "uploads").depends_on; }],
    ["loader reads a new suffix", (cfg, code) => { code.loaderSuffixes.push(".xlsx"); }],
    ["overlapping suffixes", (cfg, code) => { cfg.variable.upload_extensions.default.push(".gz"); code.loaderSuffixes.push(".gz"); }],
    ["no failure destination", (cfg) => { delete cfg.resource.aws_lambda_function_event_invoke_config; }],
  ]],
  ["the dashboard offers the suffixes the bucket notifies on and lets the browser reach the bucket's origin only", [
    ["extensions not passed", (cfg) => { replaceEnv(r(cfg, "aws_lambda_function", "dashboard"), "INVENTORY_DASHBOARD_UPLOAD_EXTENSIONS", "INVENTORY_DASHBOARD_PAGE_SIZE"); }],
    ["extensions from another list", (cfg) => { replaceEnv(r(cfg, "aws_lambda_function", "dashboard"), "var.upload_extensions)", "var.store_ids)"); }],
    ["origin not passed", (cfg) => { replaceEnv(r(cfg, "aws_lambda_function", "dashboard"), "INVENTORY_DASHBOARD_UPLOAD_ORIGINS", "INVENTORY_DASHBOARD_PAGE_SIZE"); }],
    ["origin from elsewhere", (cfg) => { replaceEnv(r(cfg, "aws_lambda_function", "dashboard"), "= local.upload_origin", "= local.cognito_domain"); }],
    ["wildcard origin", (cfg) => { cfg.locals.upload_origin = String(cfg.locals.upload_origin).replaceAll("${aws_s3_bucket.uploads.bucket}.s3.", "*."); }],
    ["us-east-1 global endpoint forgotten", (cfg) => { cfg.locals.upload_origin = "https://${aws_s3_bucket.uploads.bucket}.s3.${var.aws_region}.amazonaws.com"; }],
    ["dashboard default lacks .tsv", (cfg, code) => {
      const dash = code.modules["dashboard-api"].dashboardConfig;
      dash.uploadExtensions = dash.uploadExtensions.replace(".tsv,.tsv.gz,", "");
    }],
  ]],
  ["the bucket blocks public access, denies plain HTTP, is versioned and encrypted, and allows CORS PUT from the dashboard only", [
    ["public policy allowed", (cfg) => { r(cfg, "aws_s3_bucket_public_access_block", "uploads").block_public_policy = false; }],
    ["versioning suspended", (cfg) => { r(cfg, "aws_s3_bucket_versioning", "uploads").versioning_configuration[0].status = "Suspended"; }],
    ["no TLS deny", (cfg) => { cfg.data.aws_iam_policy_document.uploads_bucket.statement.splice(0, 1); }],
    ["no encryption", (cfg) => { delete cfg.resource.aws_s3_bucket_server_side_encryption_configuration; }],
    ["CORS GET", (cfg) => { r(cfg, "aws_s3_bucket_cors_configuration", "uploads").cors_rule[0].allowed_methods = ["GET", "PUT"]; }],
  ]],
  ["the NoStock topic is encrypted and subscriptions filter on the store attribute the notifier sends", [
    ["unencrypted", (cfg) => { delete r(cfg, "aws_sns_topic", "no_stock").kms_master_key_id; }],
    ["filter on another attribute", (cfg, code) => { code.modules.notifier.notifierStoreAttribute = "store"; }],
  ]],
  ["Cognito: admin-created users, strong passwords, groups the dashboard checks, code flow client with the API scope", [
    ["implicit flow", (cfg) => { r(cfg, "aws_cognito_user_pool_client", "dashboard").allowed_oauth_flows = ["code", "implicit"]; }],
    ["self sign-up", (cfg) => { r(cfg, "aws_cognito_user_pool", "dashboard").admin_create_user_config[0].allow_admin_create_user_only = false; }],
    ["short passwords", (cfg) => { r(cfg, "aws_cognito_user_pool", "dashboard").password_policy[0].minimum_length = 8; }],
    ["group prefix changed in Java", (cfg, code) => { code.modules["dashboard-api"].dashboardConfig.storeGroupPrefix = "shop-"; }],
    ["API scope changed in Java", (cfg, code) => { code.modules["dashboard-api"].dashboardConfig.apiScope = "inventory/read"; }],
    ["logout path differs from the dashboard's", (cfg) => { cfg.locals.dashboard_logout_path = "/"; }],
    ["no fixed redirect path", (cfg) => { replaceEnv(r(cfg, "aws_lambda_function", "dashboard"), "QUARKUS_OIDC_AUTHENTICATION_REDIRECT_PATH", "QUARKUS_OIDC_AUTHENTICATION_STATE_SECRET"); }],
    ["password flow", (cfg) => { r(cfg, "aws_cognito_user_pool_client", "dashboard").explicit_auth_flows.push("ALLOW_USER_PASSWORD_AUTH"); }],
  ]],
  ["API Gateway HTTP API: payload 2.0 proxy to the dashboard, throttled, access-logged", [
    ["payload 1.0", (cfg) => { r(cfg, "aws_apigatewayv2_integration", "dashboard").payload_format_version = "1.0"; }],
    ["no throttling", (cfg) => { delete r(cfg, "aws_apigatewayv2_stage", "dashboard").default_route_settings; }],
    ["no access logs", (cfg) => { delete r(cfg, "aws_apigatewayv2_stage", "dashboard").access_log_settings; }],
  ]],
  ["every alarm watches a metric that exists and notifies the operations topic; every failure queue, function, stream and API is watched", [
    ["an alarm notifies nobody", (cfg) => { delete r(cfg, "aws_cloudwatch_metric_alarm", "api_5xx").alarm_actions; }],
    ["a metric no function publishes", (cfg) => { r(cfg, "aws_cloudwatch_metric_alarm", "failed_imports").metric_name = "ImportsFailed"; }],
    ["a metric renamed in Java", (cfg, code) => { code.metrics.names = code.metrics.names.filter((n) => n !== "FilesFailed"); }],
    ["an unknown AWS metric", (cfg) => { r(cfg, "aws_cloudwatch_metric_alarm", "stream_iterator_age").metric_name = "IteratorAges"; }],
    ["a queue nobody watches", (cfg) => { cfg.resource.aws_sqs_queue.extra = { name: "x" }; }],
    ["a function without throttles alarm", (cfg) => { delete cfg.resource.aws_cloudwatch_metric_alarm.function_throttles; }],
    ["no iterator age alarm", (cfg) => { delete cfg.resource.aws_cloudwatch_metric_alarm.stream_iterator_age; }],
    ["namespace differs from the code's", (cfg, code) => { code.metrics.namespace = "Inventory"; }],
    ["key CloudWatch may not use", (cfg) => { cfg.data.aws_iam_policy_document.alerts_key.statement = cfg.data.aws_iam_policy_document.alerts_key.statement.filter((s) => s.sid !== "AlarmsPublishEncrypted"); }],
  ]],
  ["variables have descriptions and types, outputs have descriptions, the promised outputs exist", [
    ["undocumented variable", (cfg) => { delete cfg.variable.aws_region.description; }],
    ["missing output", (cfg) => { delete cfg.output.cognito_login_url; }],
  ]],
];

test("every wiring rule has cases that break it", () => {
  assert.deepEqual(Object.keys(CHECKS).filter((name) => !CASES.some(([n]) => n === name)), []);
});

for (const [name, cases] of CASES) {
  for (const [label, mutate] of cases) {
    test(`${name} -- fails on: ${label}`, async () => {
      const { cfg, code } = await load();
      const brokenCfg = structuredClone(cfg);
      const brokenCode = structuredClone(code);
      mutate(brokenCfg, brokenCode);
      let problems;
      try {
        problems = CHECKS[name](brokenCfg, brokenCode);
      } catch (e) {
        problems = [`threw: ${e.message}`];
      }
      assert.ok(problems.length > 0, `rule passed on a configuration with ${label}`);
    });
  }
}
