# ---------------------------------------------------------------------------------------------------------------------
# Notifier, issue 10: alerts grouped per store over time, import outcomes, silent stores (docs/notifier.md)
#
# - The imports table's stream feeds the notifier too (finished imports -> IMPORT_* alerts, last import per store).
# - A second function from the notifier's zip, selected with QUARKUS_LAMBDA_HANDLER=schedule (a run-time setting of
#   quarkus-amazon-lambda, so the same native executable serves both), runs every few minutes from EventBridge
#   Scheduler: it flushes the digests of grouping windows that closed with held alerts and raises STALE_INVENTORY.
# - The store registry InventoryStores (aws_dynamodb_table.stores) is declared with its schema by the dashboard work
#   (issue 9); the notifier writes its last_import_* and stale_since attributes and reads expected_interval_hours.
# ---------------------------------------------------------------------------------------------------------------------

locals {
  # Configuration both notifier functions read (so they agree on windows and intervals).
  notifier_environment = {
    INVENTORY_TABLES_STORES                            = aws_dynamodb_table.stores.name
    INVENTORY_NOTIFIER_GROUPING_IMMEDIATE_ALERTS       = tostring(var.notifier_immediate_alerts)
    INVENTORY_NOTIFIER_GROUPING_WINDOW                 = "PT${var.notifier_window_minutes}M"
    INVENTORY_NOTIFIER_SILENCE_EXPECTED_INTERVAL_HOURS = tostring(var.store_expected_interval_hours)
    INVENTORY_FORECAST_HORIZON                         = "P${var.forecast_horizon_days}D"
  }
}

variable "forecast_horizon_days" {
  description = "Issue 13: PREDICTED_OUT_OF_STOCK and the dashboard's 'at risk' filter cover items expected to run out within this many days."
  type        = number
  default     = 3

  validation {
    condition     = var.forecast_horizon_days >= 1 && var.forecast_horizon_days <= 14
    error_message = "forecast_horizon_days must be 1-14 (the item-state index holds stock-outs up to 14 days ahead)."
  }
}

variable "notifier_immediate_alerts" {
  description = "Alerts of one store sent one by one within a grouping window; the rest wait for the window's digest."
  type        = number
  default     = 10

  validation {
    condition     = var.notifier_immediate_alerts >= 0 && var.notifier_immediate_alerts <= 1000
    error_message = "notifier_immediate_alerts must be 0-1000."
  }
}

variable "notifier_window_minutes" {
  description = "Length of a store's grouping window (from its first alert); one digest per store and window."
  type        = number
  default     = 5

  validation {
    condition     = var.notifier_window_minutes >= 1 && var.notifier_window_minutes <= 1440
    error_message = "notifier_window_minutes must be 1-1440."
  }
}

variable "notifier_schedule_minutes" {
  description = "How often the scheduled notifier flushes closed windows' digests and looks for silent stores."
  type        = number
  default     = 1

  validation {
    condition     = var.notifier_schedule_minutes >= 1 && var.notifier_schedule_minutes <= 60
    error_message = "notifier_schedule_minutes must be 1-60."
  }
}

variable "store_expected_interval_hours" {
  description = "Hours without a file after which a store (without its own expected_interval_hours) raises STALE_INVENTORY."
  type        = number
  default     = 26

  validation {
    condition     = var.store_expected_interval_hours >= 1 && var.store_expected_interval_hours <= 8760
    error_message = "store_expected_interval_hours must be 1-8760."
  }
}

# ----- Imports stream -> notifier -----------------------------------------------------------------------------------

resource "aws_lambda_event_source_mapping" "notifier_imports_stream" {
  event_source_arn                   = aws_dynamodb_table.imports.stream_arn
  function_name                      = aws_lambda_function.notifier.arn
  starting_position                  = "LATEST"
  batch_size                         = 100
  maximum_batching_window_in_seconds = 1
  parallelization_factor             = 1
  function_response_types            = ["ReportBatchItemFailures"]
  bisect_batch_on_function_error     = true
  maximum_retry_attempts             = var.notifier_max_retries
  maximum_record_age_in_seconds      = var.notifier_max_record_age_seconds

  destination_config {
    on_failure {
      destination_arn = aws_sqs_queue.notifier_dlq.arn
    }
  }

  # Only finished imports: a running import's progress updates (every few seconds) never invoke the function.
  filter_criteria {
    filter {
      pattern = jsonencode({
        eventName = ["INSERT", "MODIFY"]
        dynamodb = {
          NewImage = {
            status = {
              S = ["LOADED", "PARTIAL", "REJECTED", "FAILED"]
            }
          }
        }
      })
    }
  }

  depends_on = [aws_iam_role_policy.notifier_grouping]
}

# Publishing alerts and keeping the ledger, for both functions that send them: the stream's (single alerts, import
# outcomes, a closed window's digest) and the schedule's (digests, silent stores).
data "aws_iam_policy_document" "alert_delivery" {
  statement {
    sid       = "PublishAlerts"
    actions   = ["sns:Publish"]
    resources = [aws_sns_topic.no_stock.arn]
  }

  statement {
    sid       = "EncryptAlerts"
    actions   = ["kms:GenerateDataKey", "kms:Decrypt"]
    resources = [aws_kms_key.alerts.arn]
  }

  # AlertLedger: a conditional PutItem claims an alert before it is published (no duplicates on redelivery),
  # BatchWriteItem records delivery states; StoreWindows and DigestFlusher: window and digest records (GetItem,
  # UpdateItem) and the held alerts (Query of index 'held').
  statement {
    sid       = "RecordAlerts"
    actions   = ["dynamodb:PutItem", "dynamodb:BatchWriteItem", "dynamodb:GetItem", "dynamodb:UpdateItem"]
    resources = [aws_dynamodb_table.alerts.arn]
  }

  statement {
    sid       = "FindHeldAlerts"
    actions   = ["dynamodb:Query"]
    resources = ["${aws_dynamodb_table.alerts.arn}/index/held"]
  }
}

resource "aws_iam_role_policy" "notifier_alert_delivery" {
  name   = "notifier-alert-delivery"
  role   = aws_iam_role.notifier.id
  policy = data.aws_iam_policy_document.alert_delivery.json
}

resource "aws_iam_role_policy" "notifier_schedule_alert_delivery" {
  name   = "notifier-schedule-alert-delivery"
  role   = aws_iam_role.notifier_schedule.id
  policy = data.aws_iam_policy_document.alert_delivery.json
}

# The notifier's further permissions: the imports stream and the registry.
data "aws_iam_policy_document" "notifier_grouping" {
  statement {
    sid       = "ReadImportsStream"
    actions   = ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"]
    resources = [aws_dynamodb_table.imports.stream_arn]
  }

  # ImportOutcomes: read the store's staleness, record its last import.
  statement {
    sid       = "RecordLastImport"
    actions   = ["dynamodb:GetItem", "dynamodb:UpdateItem"]
    resources = [aws_dynamodb_table.stores.arn]
  }
}

resource "aws_iam_role_policy" "notifier_grouping" {
  name   = "notifier-grouping"
  role   = aws_iam_role.notifier.id
  policy = data.aws_iam_policy_document.notifier_grouping.json
}

# ----- Scheduled notifier: digests of closed windows, silent stores -------------------------------------------------

resource "aws_cloudwatch_log_group" "notifier_schedule" {
  name              = "/aws/lambda/${var.name_prefix}-notifier-schedule"
  retention_in_days = var.log_retention_days
}

resource "aws_lambda_function" "notifier_schedule" {
  function_name    = "${var.name_prefix}-notifier-schedule"
  description      = "Flushes digests of closed alert windows and raises STALE_INVENTORY for silent stores."
  role             = aws_iam_role.notifier_schedule.arn
  runtime          = local.lambda_runtime
  handler          = local.lambda_handler
  architectures    = [var.lambda_architecture]
  filename         = var.function_artifacts.notifier
  source_code_hash = filebase64sha256(var.function_artifacts.notifier)
  memory_size      = var.function_memory_mb.notifier
  timeout          = var.function_timeout_seconds.notifier

  environment {
    variables = merge(local.shared_environment, local.notifier_environment, {
      INVENTORY_NOTIFIER_TOPIC_ARN     = aws_sns_topic.no_stock.arn
      INVENTORY_NOTIFIER_DASHBOARD_URL = aws_apigatewayv2_api.dashboard.api_endpoint
      QUARKUS_LAMBDA_HANDLER           = "schedule"
    })
  }

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.notifier_schedule.name
  }

  lifecycle {
    precondition {
      condition     = local.artifact_architectures.notifier == null || local.artifact_architectures.notifier == var.lambda_architecture
      error_message = "${var.function_artifacts.notifier} was built for ${coalesce(local.artifact_architectures.notifier, "?")}, not ${var.lambda_architecture}: rebuild it or change lambda_architecture."
    }
  }

  depends_on = [aws_iam_role_policy.notifier_schedule]
}

resource "aws_iam_role" "notifier_schedule" {
  name               = "${var.name_prefix}-notifier-schedule-role"
  description        = "Execution role of the scheduled notifier function."
  assume_role_policy = data.aws_iam_policy_document.lambda_assume_role.json
}

data "aws_iam_policy_document" "notifier_schedule" {
  statement {
    sid       = "WriteOwnLogs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.notifier_schedule.arn}:log-stream:*"]
  }

  # SilentStores: stores by last import (index by_last_import, never a scan), then stale_since.
  statement {
    sid       = "FindSilentStores"
    actions   = ["dynamodb:Query"]
    resources = ["${aws_dynamodb_table.stores.arn}/index/by_last_import"]
  }

  statement {
    sid       = "MarkSilentStores"
    actions   = ["dynamodb:UpdateItem"]
    resources = [aws_dynamodb_table.stores.arn]
  }
}

resource "aws_iam_role_policy" "notifier_schedule" {
  name   = "notifier-schedule"
  role   = aws_iam_role.notifier_schedule.id
  policy = data.aws_iam_policy_document.notifier_schedule.json
}

resource "aws_scheduler_schedule" "notifier" {
  name                         = "${var.name_prefix}-notifier-schedule"
  description                  = "Flush closed alert windows' digests; raise STALE_INVENTORY for silent stores."
  schedule_expression          = "rate(${var.notifier_schedule_minutes} ${var.notifier_schedule_minutes == 1 ? "minute" : "minutes"})"
  schedule_expression_timezone = "UTC"

  flexible_time_window {
    mode = "OFF"
  }

  target {
    arn      = aws_lambda_function.notifier_schedule.arn
    role_arn = aws_iam_role.notifier_scheduler.arn
    input    = jsonencode({ source = "stockwatch.notifier-schedule" })

    # A missed run is made up by the next one: no long retries that would pile up.
    retry_policy {
      maximum_event_age_in_seconds = 300
      maximum_retry_attempts       = 2
    }
  }
}

data "aws_iam_policy_document" "scheduler_assume_role" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["scheduler.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }
}

resource "aws_iam_role" "notifier_scheduler" {
  name               = "${var.name_prefix}-notifier-scheduler-role"
  description        = "Lets EventBridge Scheduler invoke the scheduled notifier function."
  assume_role_policy = data.aws_iam_policy_document.scheduler_assume_role.json
}

data "aws_iam_policy_document" "notifier_scheduler" {
  statement {
    sid       = "InvokeScheduledNotifier"
    actions   = ["lambda:InvokeFunction"]
    resources = [aws_lambda_function.notifier_schedule.arn]
  }
}

resource "aws_iam_role_policy" "notifier_scheduler" {
  name   = "invoke-notifier-schedule"
  role   = aws_iam_role.notifier_scheduler.id
  policy = data.aws_iam_policy_document.notifier_scheduler.json
}
