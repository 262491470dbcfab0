# ---------------------------------------------------------------------------------------------------------------------
# The three native Quarkus functions (provided.al2023, executable 'bootstrap' inside function.zip)
#
# Environment variables are exactly configuration keys the code reads (SmallRye @ConfigMapping interfaces and
# application.properties, in environment-variable form) plus DISABLE_SIGNAL_HANDLERS for the native runtime.
# Emulator settings (INVENTORY_AWS_*_ENDPOINT, static credentials, path-style S3) are never set here: on Lambda the
# region comes from AWS_REGION and credentials from the function's role. deploy/checks/test/terraform-wiring.test.mjs keeps
# this true.
# ---------------------------------------------------------------------------------------------------------------------

locals {
  # Keys every function reads through the shared module (TableNames, StockRules settings, MetricsConfig).
  shared_environment = {
    DISABLE_SIGNAL_HANDLERS                     = "true"
    INVENTORY_TABLES_INVENTORY                  = aws_dynamodb_table.inventory.name
    INVENTORY_TABLES_IMPORTS                    = aws_dynamodb_table.imports.name
    INVENTORY_TABLES_ALERTS                     = aws_dynamodb_table.alerts.name
    INVENTORY_TABLES_STORES                     = aws_dynamodb_table.stores.name
    INVENTORY_TABLES_ITEM_STATES                = aws_dynamodb_table.item_states.name
    INVENTORY_TABLES_SEARCH                     = aws_dynamodb_table.search.name
    INVENTORY_STOCK_DEFAULT_LOW_STOCK_THRESHOLD = tostring(var.default_low_stock_threshold)
    INVENTORY_METRICS_NAMESPACE                 = local.metrics_namespace
  }

  # src/main/docker/build-natives.sh writes the architecture it built for next to each zip (function.zip.arch).
  artifact_architectures = {
    for fn, path in var.function_artifacts : fn => try(trimspace(file("${path}.arch")), null)
  }
}

# ----- Loader: S3 ObjectCreated -> Inventory + InventoryImports ----------------------------------------------------

resource "aws_cloudwatch_log_group" "loader" {
  name              = "/aws/lambda/${local.function_names.loader}"
  retention_in_days = var.log_retention_days
}

resource "aws_lambda_function" "loader" {
  function_name    = local.function_names.loader
  description      = "Loads inventory files uploaded to S3 into DynamoDB."
  role             = aws_iam_role.loader.arn
  runtime          = local.lambda_runtime
  handler          = local.lambda_handler
  architectures    = [var.lambda_architecture]
  filename         = var.function_artifacts.loader
  source_code_hash = filebase64sha256(var.function_artifacts.loader)
  memory_size      = var.function_memory_mb.loader
  timeout          = var.function_timeout_seconds.loader

  environment {
    variables = merge(local.shared_environment, {
      # Every import record carries expires_at = its start + this; the imports table's TTL deletes it then.
      INVENTORY_LOADER_IMPORT_RETENTION = "P${var.import_retention_days}D"
    })
  }

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.loader.name
  }

  lifecycle {
    precondition {
      condition     = local.artifact_architectures.loader == null || local.artifact_architectures.loader == var.lambda_architecture
      error_message = "${var.function_artifacts.loader} was built for ${coalesce(local.artifact_architectures.loader, "?")}, not ${var.lambda_architecture}: rebuild it or change lambda_architecture."
    }
  }

  depends_on = [aws_iam_role_policy.loader]
}

# S3 invokes the loader asynchronously, and so does the loader itself for an import's continuation: bound the retries
# and keep what still fails.
resource "aws_sqs_queue" "loader_failures" {
  name                      = "${var.name_prefix}-loader-failures"
  message_retention_seconds = 1209600
  sqs_managed_sse_enabled   = true
}

resource "aws_lambda_function_event_invoke_config" "loader" {
  function_name                = aws_lambda_function.loader.function_name
  maximum_retry_attempts       = 2
  maximum_event_age_in_seconds = 21600

  destination_config {
    on_failure {
      destination = aws_sqs_queue.loader_failures.arn
    }
  }
}

# ----- Notifier: Inventory stream -> NoStock topic + InventoryAlerts ------------------------------------------------

resource "aws_cloudwatch_log_group" "notifier" {
  name              = "/aws/lambda/${local.function_names.notifier}"
  retention_in_days = var.log_retention_days
}

resource "aws_lambda_function" "notifier" {
  function_name    = local.function_names.notifier
  description      = "Turns stock changes and finished imports (Inventory, InventoryImports streams) into alerts on NoStock."
  role             = aws_iam_role.notifier.arn
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
    })
  }

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.notifier.name
  }

  lifecycle {
    precondition {
      condition     = local.artifact_architectures.notifier == null || local.artifact_architectures.notifier == var.lambda_architecture
      error_message = "${var.function_artifacts.notifier} was built for ${coalesce(local.artifact_architectures.notifier, "?")}, not ${var.lambda_architecture}: rebuild it or change lambda_architecture."
    }
  }

  depends_on = [aws_iam_role_policy.notifier]
}

# Records that still fail after bisecting and retrying land here (metadata only: shard, sequence numbers).
resource "aws_sqs_queue" "notifier_dlq" {
  name                      = "${var.name_prefix}-notifier-dlq"
  message_retention_seconds = 1209600
  sqs_managed_sse_enabled   = true
}

resource "aws_lambda_event_source_mapping" "notifier_stream" {
  event_source_arn                   = aws_dynamodb_table.inventory.stream_arn
  function_name                      = aws_lambda_function.notifier.arn
  starting_position                  = "LATEST"
  batch_size                         = var.notifier_batch_size
  maximum_batching_window_in_seconds = var.notifier_batching_window_seconds
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

  # Only inserts and updates that carry a stock level can raise an alert; writes to other attributes without a level
  # never invoke the function. (A filter cannot compare old and new images: the notifier itself ignores updates whose
  # level did not change.) REMOVE records pass too: the store summaries and the search index unindex deleted items.
  filter_criteria {
    filter {
      pattern = jsonencode({
        eventName = ["REMOVE"]
      })
    }

    filter {
      pattern = jsonencode({
        eventName = ["INSERT", "MODIFY"]
        dynamodb = {
          NewImage = {
            inventory_level = {
              N = [{ exists = true }]
            }
          }
        }
      })
    }
  }

  # The role must allow reading the stream and sending to the DLQ before Lambda validates the mapping.
  depends_on = [aws_iam_role_policy.notifier]
}

# ----- Dashboard: API Gateway HTTP API (payload v2) -> Qute pages, JSON API, presigned uploads ----------------------

resource "aws_cloudwatch_log_group" "dashboard" {
  name              = "/aws/lambda/${local.function_names.dashboard}"
  retention_in_days = var.log_retention_days
}

# Encrypts quarkus-oidc's session cookie. It must be the same in every Lambda instance, or users are logged out
# whenever a request reaches another instance. See docs/deploy.md "Secrets" for why it is an environment variable.
resource "random_password" "session_encryption" {
  length  = 48
  special = false
}

# Encrypts the state cookie of a login in progress (PKCE verifier, original path); same reasoning as above.
resource "random_password" "login_state" {
  length  = 48
  special = false
}

# Signs the CSRF cookie of the dashboard's forms; same reasoning as above.
resource "random_password" "csrf_signature" {
  length  = 48
  special = false
}

resource "aws_lambda_function" "dashboard" {
  function_name    = local.function_names.dashboard
  description      = "Inventory dashboard: Cognito sign-in, stock pages, presigned uploads."
  role             = aws_iam_role.dashboard.arn
  runtime          = local.lambda_runtime
  handler          = local.lambda_handler
  architectures    = [var.lambda_architecture]
  filename         = var.function_artifacts.dashboard
  source_code_hash = filebase64sha256(var.function_artifacts.dashboard)
  memory_size      = var.function_memory_mb.dashboard
  timeout          = var.function_timeout_seconds.dashboard

  environment {
    variables = merge(local.shared_environment, {
      INVENTORY_DASHBOARD_UPLOAD_BUCKET                  = aws_s3_bucket.uploads.bucket
      INVENTORY_DASHBOARD_KNOWN_STORES                   = join(",", var.store_ids)
      INVENTORY_FORECAST_HORIZON                         = "P${var.forecast_horizon_days}D"
      QUARKUS_OIDC_AUTH_SERVER_URL                       = "https://cognito-idp.${var.aws_region}.amazonaws.com/${aws_cognito_user_pool.dashboard.id}"
      QUARKUS_OIDC_CLIENT_ID                             = aws_cognito_user_pool_client.dashboard.id
      QUARKUS_OIDC_CREDENTIALS_SECRET                    = aws_cognito_user_pool_client.dashboard.client_secret
      QUARKUS_OIDC_TOKEN_STATE_MANAGER_ENCRYPTION_SECRET = random_password.session_encryption.result
      QUARKUS_OIDC_AUTHENTICATION_STATE_SECRET           = random_password.login_state.result
      QUARKUS_REST_CSRF_TOKEN_SIGNATURE_KEY              = random_password.csrf_signature.result
      # Cognito's callback URLs must match exactly, so every login returns to one path; quarkus-oidc then restores
      # the page the user asked for (restore-path-after-redirect).
      QUARKUS_OIDC_AUTHENTICATION_REDIRECT_PATH = local.dashboard_callback_path
      # Cognito logout is /logout?client_id=...&logout_uri=..., not OIDC RP-initiated logout.
      QUARKUS_OIDC_END_SESSION_PATH = "${local.cognito_base_url}/logout"
      # The upload page offers exactly the suffixes the bucket notifies the loader on (storage.tf), and the CSP's
      # connect-src allows the bucket's own origin only (where the presigned PUT goes), not every *.amazonaws.com.
      INVENTORY_DASHBOARD_UPLOAD_EXTENSIONS = join(",", var.upload_extensions)
      INVENTORY_DASHBOARD_UPLOAD_ORIGINS    = local.upload_origin
    })
  }

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.dashboard.name
  }

  lifecycle {
    precondition {
      condition     = local.artifact_architectures.dashboard == null || local.artifact_architectures.dashboard == var.lambda_architecture
      error_message = "${var.function_artifacts.dashboard} was built for ${coalesce(local.artifact_architectures.dashboard, "?")}, not ${var.lambda_architecture}: rebuild it or change lambda_architecture."
    }
  }

  depends_on = [aws_iam_role_policy.dashboard]
}
