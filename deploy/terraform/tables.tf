# ---------------------------------------------------------------------------------------------------------------------
# DynamoDB tables. Keys, index and stream mirror shared/src/main/java/com/stockwatch/inventory/TableSchemas.java;
# deploy/checks/test/terraform-wiring.test.mjs compares the two.
# ---------------------------------------------------------------------------------------------------------------------

resource "aws_dynamodb_table" "inventory" {
  name                        = local.table_names.inventory
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "store_id"
  range_key                   = "item_id"
  deletion_protection_enabled = var.protect_data

  attribute {
    name = "store_id"
    type = "S"
  }

  attribute {
    name = "item_id"
    type = "S"
  }

  attribute {
    name = "stock_status"
    type = "S"
  }

  attribute {
    name = "inventory_level"
    type = "N"
  }

  attribute {
    name = "item_name"
    type = "S"
  }

  # Sparse: only items that are OUT_OF_STOCK or LOW carry stock_status, so the dashboard pages through them cheaply.
  global_secondary_index {
    name            = "by_stock_status"
    hash_key        = "store_id"
    range_key       = "stock_status"
    projection_type = "ALL"
  }

  # The dashboard's sorts by level and by name: keys only, so a file that only advances last_updated writes nothing
  # here; the dashboard reads a page of keys and the items with one BatchGetItem (docs/dashboard.md).
  global_secondary_index {
    name            = "by_level"
    hash_key        = "store_id"
    range_key       = "inventory_level"
    projection_type = "KEYS_ONLY"
  }

  global_secondary_index {
    name            = "by_name"
    hash_key        = "store_id"
    range_key       = "item_name"
    projection_type = "KEYS_ONLY"
  }

  stream_enabled   = true
  stream_view_type = "NEW_AND_OLD_IMAGES"

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled = true
  }
}

resource "aws_dynamodb_table" "imports" {
  name                        = local.table_names.imports
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "store_id"
  range_key                   = "import_id"
  deletion_protection_enabled = var.protect_data

  attribute {
    name = "store_id"
    type = "S"
  }

  attribute {
    name = "import_id"
    type = "S"
  }

  # The notifier reports finished imports from this stream (notifier_schedule.tf); the new image is all it reads.
  stream_enabled   = true
  stream_view_type = "NEW_IMAGE"

  # The loader writes expires_at (epoch seconds) = start of the import + var.import_retention_days on every record
  # (ImportsTable.EXPIRES_AT); TTL deletes it after that. Its REMOVE stream records carry no new image, so the
  # notifier's stream filter (status of the new image) drops them.
  ttl {
    attribute_name = "expires_at"
    enabled        = true
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled = true
  }
}

resource "aws_dynamodb_table" "alerts" {
  name                        = local.table_names.alerts
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "store_id"
  range_key                   = "alert_id"
  deletion_protection_enabled = var.protect_data

  attribute {
    name = "store_id"
    type = "S"
  }

  attribute {
    name = "alert_id"
    type = "S"
  }

  attribute {
    name = "held_in"
    type = "S"
  }

  # Sparse: held alerts (held_in = their store) and window records waiting for their digest (held_in = ~flush-due),
  # so the scheduled flush queries instead of scanning.
  global_secondary_index {
    name            = "held"
    hash_key        = "held_in"
    range_key       = "alert_id"
    projection_type = "ALL"
  }

  ttl {
    attribute_name = "expires_at"
    enabled        = true
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled = true
  }
}
