# ---------------------------------------------------------------------------------------------------------------------
# One execution role per function, least privilege: explicit actions on exact ARNs. deploy/checks/test asserts that
# no Allow statement has a wildcard action and that the DynamoDB/S3/SNS actions match the SDK calls in the code.
# ---------------------------------------------------------------------------------------------------------------------

data "aws_iam_policy_document" "lambda_assume_role" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }
}

# ----- Loader -------------------------------------------------------------------------------------------------------

resource "aws_iam_role" "loader" {
  name               = "${local.function_names.loader}-role"
  description        = "Execution role of the loader function."
  assume_role_policy = data.aws_iam_policy_document.lambda_assume_role.json
}

data "aws_iam_policy_document" "loader" {
  statement {
    sid       = "WriteOwnLogs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.loader.arn}:log-stream:*"]
  }

  # The loader reads the exact version the event names (the bucket is versioned), hence GetObjectVersion.
  statement {
    sid       = "ReadUploadedFiles"
    actions   = ["s3:GetObject", "s3:GetObjectVersion"]
    resources = ["${aws_s3_bucket.uploads.arn}/*"]
  }

  # Without ListBucket, S3 answers a read of a deleted file with 403 AccessDenied instead of 404 NoSuchKey, and the
  # import record would blame permissions instead of saying the file is gone.
  statement {
    sid       = "TellMissingFilesFromDenied"
    actions   = ["s3:ListBucket"]
    resources = [aws_s3_bucket.uploads.arn]
  }

  # One conditional PutItem per item (ItemWriter): the condition keeps a stale file from rolling stock back.
  statement {
    sid       = "WriteInventory"
    actions   = ["dynamodb:PutItem"]
    resources = [aws_dynamodb_table.inventory.arn]
  }

  # One import record per file (ImportRecords): read before claiming it, then RUNNING, progress, checkpoint and the
  # final status, each a conditional PutItem.
  statement {
    sid       = "RecordImports"
    actions   = ["dynamodb:GetItem", "dynamodb:PutItem"]
    resources = [aws_dynamodb_table.imports.arn]
  }

  statement {
    sid       = "KeepFailedEvents"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.loader_failures.arn]
  }
}

resource "aws_iam_role_policy" "loader" {
  name   = "loader"
  role   = aws_iam_role.loader.id
  policy = data.aws_iam_policy_document.loader.json
}

# A file that does not fit in one invocation goes on in an asynchronous invocation of the loader itself
# (LambdaHandOver). A policy of its own: it names the function's ARN, and the function waits for the main policy.
data "aws_iam_policy_document" "loader_continuations" {
  statement {
    sid       = "ContinueImports"
    actions   = ["lambda:InvokeFunction"]
    resources = [aws_lambda_function.loader.arn]
  }
}

resource "aws_iam_role_policy" "loader_continuations" {
  name   = "loader-continuations"
  role   = aws_iam_role.loader.id
  policy = data.aws_iam_policy_document.loader_continuations.json
}

# ----- Notifier -----------------------------------------------------------------------------------------------------

resource "aws_iam_role" "notifier" {
  name               = "${local.function_names.notifier}-role"
  description        = "Execution role of the notifier function."
  assume_role_policy = data.aws_iam_policy_document.lambda_assume_role.json
}

data "aws_iam_policy_document" "notifier" {
  statement {
    sid       = "WriteOwnLogs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.notifier.arn}:log-stream:*"]
  }

  statement {
    sid       = "ReadInventoryStream"
    actions   = ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"]
    resources = [aws_dynamodb_table.inventory.stream_arn]
  }

  # ListStreams supports no resource-level permissions: "*" is the only resource AWS accepts for it.
  statement {
    sid       = "ListStreams"
    actions   = ["dynamodb:ListStreams"]
    resources = ["*"]
  }

  # Publishing and recording alerts: policy alert_delivery (notifier_schedule.tf), shared with the schedule.

  statement {
    sid       = "KeepFailedRecords"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.notifier_dlq.arn]
  }
}

resource "aws_iam_role_policy" "notifier" {
  name   = "notifier"
  role   = aws_iam_role.notifier.id
  policy = data.aws_iam_policy_document.notifier.json
}

# ----- Dashboard ----------------------------------------------------------------------------------------------------

resource "aws_iam_role" "dashboard" {
  name               = "${local.function_names.dashboard}-role"
  description        = "Execution role of the dashboard function."
  assume_role_policy = data.aws_iam_policy_document.lambda_assume_role.json
}

data "aws_iam_policy_document" "dashboard" {
  statement {
    sid       = "WriteOwnLogs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.dashboard.arn}:log-stream:*"]
  }

  statement {
    sid     = "ReadTables"
    actions = ["dynamodb:GetItem", "dynamodb:Query"]
    resources = [
      aws_dynamodb_table.inventory.arn,
      "${aws_dynamodb_table.inventory.arn}/index/by_stock_status",
      aws_dynamodb_table.imports.arn,
      aws_dynamodb_table.alerts.arn,
    ]
  }

  # Presigned PUT URLs carry the dashboard's permission; uploads land under '<store_id>/', which the dashboard
  # chooses from the user's groups.
  statement {
    sid       = "PresignUploads"
    actions   = ["s3:PutObject"]
    resources = ["${aws_s3_bucket.uploads.arn}/*"]
  }
}

resource "aws_iam_role_policy" "dashboard" {
  name   = "dashboard"
  role   = aws_iam_role.dashboard.id
  policy = data.aws_iam_policy_document.dashboard.json
}
