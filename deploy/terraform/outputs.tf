output "upload_bucket" {
  description = "Name of the S3 bucket inventory files are uploaded to (under '<store_id>/')."
  value       = aws_s3_bucket.uploads.bucket
}

output "dashboard_url" {
  description = "URL of the dashboard (API Gateway default endpoint)."
  value       = aws_apigatewayv2_api.dashboard.api_endpoint
}

output "cognito_login_url" {
  description = "Cognito hosted login page for the dashboard's app client."
  value       = "${local.cognito_base_url}/login?client_id=${aws_cognito_user_pool_client.dashboard.id}&response_type=code&scope=openid+email+profile&redirect_uri=${urlencode("${aws_apigatewayv2_api.dashboard.api_endpoint}${local.dashboard_callback_path}")}"
}

output "cognito_user_pool_id" {
  description = "Id of the Cognito user pool (for aws cognito-idp admin-create-user and admin-add-user-to-group)."
  value       = aws_cognito_user_pool.dashboard.id
}

output "alert_topic_arn" {
  description = "ARN of the NoStock SNS topic (subscribe more endpoints with aws sns subscribe)."
  value       = aws_sns_topic.no_stock.arn
}

output "table_names" {
  description = "Names of the DynamoDB tables Inventory, InventoryImports and InventoryAlerts."
  value       = local.table_names
}

output "function_names" {
  description = "Names of the three Lambda functions."
  value       = local.function_names
}

output "dead_letter_queues" {
  description = "SQS queues that keep events the functions could not process: loader invocations and notifier stream records."
  value = {
    loader_failures = aws_sqs_queue.loader_failures.url
    notifier_dlq    = aws_sqs_queue.notifier_dlq.url
  }
}

output "operations_topic_arn" {
  description = "ARN of the operations SNS topic the CloudWatch alarms notify (subscribe on-call endpoints to it)."
  value       = aws_sns_topic.operations.arn
}

output "operations_dashboard" {
  description = "Name of the CloudWatch dashboard with files, rows, alerts, stream lag, errors, queues and API figures."
  value       = aws_cloudwatch_dashboard.operations.dashboard_name
}
