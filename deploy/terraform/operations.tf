# ---------------------------------------------------------------------------------------------------------------------
# Operations: a topic for operators (separate from NoStock), alarms on everything that otherwise fails silently, and
# one CloudWatch dashboard. The functions' own figures come as Embedded Metric Format log lines (shared/.../metrics),
# so they cost no API call; deploy/checks verifies that each alarm watches a metric that exists and notifies this topic.
# ---------------------------------------------------------------------------------------------------------------------

locals {
  # Namespace of the functions' EMF metrics (INVENTORY_METRICS_NAMESPACE; MetricsConfig's default is the same).
  metrics_namespace = "Stockwatch"

  # Every queue that keeps what a function could not process: any message in one is an operator's job.
  failure_queues = {
    loader_failures = aws_sqs_queue.loader_failures.name
    notifier_dlq    = aws_sqs_queue.notifier_dlq.name
  }

  monitored_functions = {
    loader            = aws_lambda_function.loader.function_name
    notifier          = aws_lambda_function.notifier.function_name
    notifier_schedule = aws_lambda_function.notifier_schedule.function_name
    dashboard         = aws_lambda_function.dashboard.function_name
  }

  operations_alarm_actions = [aws_sns_topic.operations.arn]
}

resource "aws_sns_topic" "operations" {
  name              = "${var.name_prefix}-operations"
  display_name      = "Stockwatch operations"
  kms_master_key_id = aws_kms_key.alerts.arn
}

data "aws_iam_policy_document" "operations_topic" {
  statement {
    sid       = "AlarmsPublish"
    actions   = ["sns:Publish"]
    resources = [aws_sns_topic.operations.arn]

    principals {
      type        = "Service"
      identifiers = ["cloudwatch.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }
}

resource "aws_sns_topic_policy" "operations" {
  arn    = aws_sns_topic.operations.arn
  policy = data.aws_iam_policy_document.operations_topic.json
}

resource "aws_sns_topic_subscription" "operations_email" {
  count = var.operations_email == "" ? 0 : 1

  topic_arn = aws_sns_topic.operations.arn
  protocol  = "email"
  endpoint  = var.operations_email
}

# ----- Alarms ---------------------------------------------------------------------------------------------------------

resource "aws_cloudwatch_metric_alarm" "failure_queue_not_empty" {
  for_each = local.failure_queues

  alarm_name          = "${var.name_prefix}-${each.key}-not-empty"
  alarm_description   = "Messages in ${each.value}: work a function gave up on. Inspect, fix, redrive."
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateNumberOfMessagesVisible"
  dimensions          = { QueueName = each.value }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.operations_alarm_actions
  ok_actions          = local.operations_alarm_actions
}

resource "aws_cloudwatch_metric_alarm" "function_errors" {
  for_each = local.monitored_functions

  alarm_name          = "${var.name_prefix}-${each.key}-errors"
  alarm_description   = "Invocations of ${each.value} that ended in an error (Lambda retries them; see its logs)."
  namespace           = "AWS/Lambda"
  metric_name         = "Errors"
  dimensions          = { FunctionName = each.value }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.operations_alarm_actions
  ok_actions          = local.operations_alarm_actions
}

resource "aws_cloudwatch_metric_alarm" "function_throttles" {
  for_each = local.monitored_functions

  alarm_name          = "${var.name_prefix}-${each.key}-throttles"
  alarm_description   = "Invocations of ${each.value} throttled by Lambda's concurrency limits."
  namespace           = "AWS/Lambda"
  metric_name         = "Throttles"
  dimensions          = { FunctionName = each.value }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.operations_alarm_actions
  ok_actions          = local.operations_alarm_actions
}

resource "aws_cloudwatch_metric_alarm" "stream_iterator_age" {
  alarm_name          = "${var.name_prefix}-notifier-stream-behind"
  alarm_description   = "The notifier is more than ${var.stream_iterator_age_alarm_seconds} s behind the Inventory stream: alerts are late, and records expire after 24 h."
  namespace           = "AWS/Lambda"
  metric_name         = "IteratorAge"
  dimensions          = { FunctionName = aws_lambda_function.notifier.function_name }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  threshold           = var.stream_iterator_age_alarm_seconds * 1000
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.operations_alarm_actions
  ok_actions          = local.operations_alarm_actions
}

resource "aws_cloudwatch_metric_alarm" "failed_imports" {
  alarm_name          = "${var.name_prefix}-failed-imports"
  alarm_description   = "Files whose import FAILED (storage errors, not bad rows): see the imports page and the loader's logs."
  namespace           = local.metrics_namespace
  metric_name         = "FilesFailed"
  dimensions          = { Function = aws_lambda_function.loader.function_name }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.operations_alarm_actions
  ok_actions          = local.operations_alarm_actions
}

resource "aws_cloudwatch_metric_alarm" "api_5xx" {
  alarm_name          = "${var.name_prefix}-dashboard-5xx"
  alarm_description   = "More than ${var.api_5xx_alarm_threshold} server errors of the dashboard API in 5 minutes."
  namespace           = "AWS/ApiGateway"
  metric_name         = "5xx"
  dimensions          = { ApiId = aws_apigatewayv2_api.dashboard.id, Stage = aws_apigatewayv2_stage.dashboard.name }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = var.api_5xx_alarm_threshold
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.operations_alarm_actions
  ok_actions          = local.operations_alarm_actions
}

# ----- Dashboard ------------------------------------------------------------------------------------------------------

locals {
  loader_metric   = { Function = aws_lambda_function.loader.function_name }
  notifier_metric = { Function = aws_lambda_function.notifier.function_name }

  operations_widgets = [
    {
      title   = "Files by outcome"
      stat    = "Sum"
      metrics = [for m in ["FilesLoaded", "FilesPartial", "FilesRejected", "FilesFailed"] : [local.metrics_namespace, m, "Function", local.loader_metric.Function]]
    },
    {
      title   = "Rows"
      stat    = "Sum"
      metrics = [for m in ["RowsWritten", "RowsUnchanged", "RowsStale", "RowsRejected"] : [local.metrics_namespace, m, "Function", local.loader_metric.Function]]
    },
    {
      title   = "Import duration (ms)"
      stat    = "Maximum"
      metrics = [[local.metrics_namespace, "ImportDuration", "Function", local.loader_metric.Function]]
    },
    {
      title = "Alerts, digests, SNS failures"
      stat  = "Sum"
      metrics = concat(
        [for t in ["OUT_OF_STOCK", "LOW_STOCK", "BACK_IN_STOCK"] : [local.metrics_namespace, "Alerts", "Function", local.notifier_metric.Function, "AlertType", t]],
        [for m in ["Digests", "SnsFailures"] : [local.metrics_namespace, m, "Function", local.notifier_metric.Function]],
      )
    },
    {
      title = "Stream: records, record age (ms), iterator age (ms)"
      stat  = "Maximum"
      metrics = [
        [local.metrics_namespace, "StreamRecords", "Function", local.notifier_metric.Function, { stat = "Sum" }],
        [local.metrics_namespace, "StreamRecordAge", "Function", local.notifier_metric.Function],
        ["AWS/Lambda", "IteratorAge", "FunctionName", aws_lambda_function.notifier.function_name],
      ]
    },
    {
      title   = "Function errors and throttles"
      stat    = "Sum"
      metrics = flatten([for fn in values(local.monitored_functions) : [["AWS/Lambda", "Errors", "FunctionName", fn], ["AWS/Lambda", "Throttles", "FunctionName", fn]]])
    },
    {
      title   = "Failure queues"
      stat    = "Maximum"
      metrics = [for q in values(local.failure_queues) : ["AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName", q]]
    },
    {
      title = "Dashboard API"
      stat  = "Sum"
      metrics = [
        ["AWS/ApiGateway", "5xx", "ApiId", aws_apigatewayv2_api.dashboard.id, "Stage", aws_apigatewayv2_stage.dashboard.name],
        ["AWS/ApiGateway", "4xx", "ApiId", aws_apigatewayv2_api.dashboard.id, "Stage", aws_apigatewayv2_stage.dashboard.name],
        ["AWS/ApiGateway", "Latency", "ApiId", aws_apigatewayv2_api.dashboard.id, "Stage", aws_apigatewayv2_stage.dashboard.name, { stat = "p99" }],
      ]
    },
  ]
}

resource "aws_cloudwatch_dashboard" "operations" {
  dashboard_name = "${var.name_prefix}-operations"
  dashboard_body = jsonencode({
    widgets = [for i, w in local.operations_widgets : {
      type   = "metric"
      x      = (i % 2) * 12
      y      = floor(i / 2) * 6
      width  = 12
      height = 6
      properties = {
        title   = w.title
        region  = var.aws_region
        stat    = w.stat
        period  = 300
        view    = "timeSeries"
        metrics = w.metrics
      }
    }]
  })
}
