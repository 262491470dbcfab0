# ---------------------------------------------------------------------------------------------------------------------
# Names shared by several files
# ---------------------------------------------------------------------------------------------------------------------

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition

  # Table names: the code reads them from INVENTORY_TABLES_{INVENTORY,IMPORTS,ALERTS,STORES,ITEM_STATES,SEARCH}.
  table_names = {
    inventory   = "${var.name_prefix}-Inventory"
    imports     = "${var.name_prefix}-InventoryImports"
    alerts      = "${var.name_prefix}-InventoryAlerts"
    stores      = "${var.name_prefix}-InventoryStores"
    item_states = "${var.name_prefix}-InventoryItemStates"
    search      = "${var.name_prefix}-InventorySearch"
  }

  function_names = {
    loader    = "${var.name_prefix}-loader"
    notifier  = "${var.name_prefix}-notifier"
    dashboard = "${var.name_prefix}-dashboard"
  }

  # Quarkus native functions on provided.al2023 (see docs/deploy.md).
  lambda_runtime = "provided.al2023"
  # Ignored by provided runtimes (the executable 'bootstrap' is the handler); Quarkus's own SAM templates use the same.
  lambda_handler = "not.used.in.provided.runtime"

  # Origins that serve the dashboard: API Gateway's URL and any custom domains.
  dashboard_origins = concat([aws_apigatewayv2_api.dashboard.api_endpoint], var.dashboard_extra_origins)

  # Where the browser sends presigned uploads: the bucket's own origin, the only one the dashboard's CSP connect-src
  # allows besides itself. The SDK's presigner uses S3's global endpoint in us-east-1 (UploadOriginsTest checks both).
  upload_origin = var.aws_region == "us-east-1" ? "https://${aws_s3_bucket.uploads.bucket}.s3.amazonaws.com" : "https://${aws_s3_bucket.uploads.bucket}.s3.${var.aws_region}.amazonaws.com"

  cognito_domain = var.cognito_domain_prefix != "" ? var.cognito_domain_prefix : "${var.name_prefix}-${random_id.cognito_domain.hex}"
}

resource "random_id" "cognito_domain" {
  byte_length = 4
}
