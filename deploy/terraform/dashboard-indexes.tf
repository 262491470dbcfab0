# ---------------------------------------------------------------------------------------------------------------------
# What the notifier maintains from Inventory's stream for the dashboard (docs/dashboard.md): the store registry with
# its summaries, the per-item states that make the summary counts exactly-once, and the name-token search index.
# Keys and indexes mirror TableSchemas.java (stores, itemStates, search); deploy/checks compares the two.
# ---------------------------------------------------------------------------------------------------------------------

resource "aws_dynamodb_table" "stores" {
  name                        = local.table_names.stores
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "store_id"
  deletion_protection_enabled = var.protect_data

  attribute {
    name = "store_id"
    type = "S"
  }

  attribute {
    name = "registry"
    type = "S"
  }

  attribute {
    name = "out_of_stock"
    type = "N"
  }

  attribute {
    name = "last_import_at"
    type = "S"
  }

  # All three on the constant partition registry = "stores": the overview pages through every store in one query.
  # They project only what the overview shows, so only a change of those attributes writes index items.
  global_secondary_index {
    name               = "by_store_id"
    hash_key           = "registry"
    range_key          = "store_id"
    projection_type    = "INCLUDE"
    non_key_attributes = ["items", "out_of_stock", "low_stock", "in_stock", "summary_updated_at", "reconciled_at", "last_import_at", "last_import_status", "stale_since", "last_import_file", "expected_interval_hours"]
  }

  global_secondary_index {
    name               = "by_out_of_stock"
    hash_key           = "registry"
    range_key          = "out_of_stock"
    projection_type    = "INCLUDE"
    non_key_attributes = ["items", "low_stock", "in_stock", "summary_updated_at", "reconciled_at", "last_import_at", "last_import_status", "stale_since", "last_import_file", "expected_interval_hours"]
  }

  global_secondary_index {
    name               = "by_last_import"
    hash_key           = "registry"
    range_key          = "last_import_at"
    projection_type    = "INCLUDE"
    non_key_attributes = ["items", "out_of_stock", "low_stock", "in_stock", "summary_updated_at", "reconciled_at", "last_import_status", "stale_since", "last_import_file", "expected_interval_hours"]
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled = true
  }
}

resource "aws_dynamodb_table" "item_states" {
  name                        = local.table_names.item_states
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
    name = "at_risk_out_at"
    type = "S"
  }

  # Issue 13: the dashboard's "at risk" view. Sparse (only items expected to run out within the forecast's index
  # window, 14 days) and keys only, so a level change of an item with more cover writes no index item.
  global_secondary_index {
    name            = "by_expected_out"
    hash_key        = "store_id"
    range_key       = "at_risk_out_at"
    projection_type = "KEYS_ONLY"
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled = true
  }
}

resource "aws_dynamodb_table" "search" {
  name                        = local.table_names.search
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "store_id"
  range_key                   = "token_key"
  deletion_protection_enabled = var.protect_data

  attribute {
    name = "store_id"
    type = "S"
  }

  attribute {
    name = "token_key"
    type = "S"
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled = true
  }
}

# ----- Notifier: summaries and item states (stream and schedule), search index (stream), reconcile (schedule) -------

data "aws_iam_policy_document" "store_summaries" {
  # StoreSummaryConsumer (the stream): one transaction of conditional item-state updates plus the store's counter
  # ADD; SummaryReconciler (the schedule): repairs of states and counters. BatchGetItem/GetItem/Query read them back.
  statement {
    sid       = "MaintainSummaries"
    actions   = ["dynamodb:UpdateItem", "dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query"]
    resources = [aws_dynamodb_table.stores.arn, aws_dynamodb_table.item_states.arn]
  }
}

resource "aws_iam_role_policy" "notifier_summaries" {
  name   = "notifier-store-summaries"
  role   = aws_iam_role.notifier.id
  policy = data.aws_iam_policy_document.store_summaries.json
}

resource "aws_iam_role_policy" "notifier_schedule_summaries" {
  name   = "notifier-schedule-store-summaries"
  role   = aws_iam_role.notifier_schedule.id
  policy = data.aws_iam_policy_document.store_summaries.json
}

data "aws_iam_policy_document" "notifier_search" {
  # SearchIndexConsumer: idempotent puts and deletes of token rows.
  statement {
    sid       = "MaintainSearchIndex"
    actions   = ["dynamodb:BatchWriteItem"]
    resources = [aws_dynamodb_table.search.arn]
  }
}

resource "aws_iam_role_policy" "notifier_search" {
  name   = "notifier-search-index"
  role   = aws_iam_role.notifier.id
  policy = data.aws_iam_policy_document.notifier_search.json
}

data "aws_iam_policy_document" "summary_reconcile" {
  # SummaryReconciler, run by the schedule: the recount reads a store's items; the due stores come from the registry.
  statement {
    sid       = "ReconcileReads"
    actions   = ["dynamodb:Query"]
    resources = [aws_dynamodb_table.inventory.arn, "${aws_dynamodb_table.stores.arn}/index/by_store_id"]
  }
}

resource "aws_iam_role_policy" "notifier_schedule_reconcile" {
  name   = "notifier-schedule-reconcile"
  role   = aws_iam_role.notifier_schedule.id
  policy = data.aws_iam_policy_document.summary_reconcile.json
}

# ----- Dashboard: reads of the registry, the sort and search indexes ------------------------------------------------

data "aws_iam_policy_document" "dashboard_indexes" {
  statement {
    sid     = "ReadRegistryAndIndexes"
    actions = ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:BatchGetItem"]
    resources = [
      aws_dynamodb_table.stores.arn,
      "${aws_dynamodb_table.stores.arn}/index/by_store_id",
      "${aws_dynamodb_table.stores.arn}/index/by_out_of_stock",
      "${aws_dynamodb_table.inventory.arn}/index/by_level",
      "${aws_dynamodb_table.inventory.arn}/index/by_name",
      aws_dynamodb_table.search.arn,
    ]
  }

  # Issue 13: days of cover and expected stock-out of a page's items, an item's history, the "at risk" index.
  statement {
    sid       = "ReadForecasts"
    actions   = ["dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query"]
    resources = [aws_dynamodb_table.item_states.arn, "${aws_dynamodb_table.item_states.arn}/index/by_expected_out"]
  }

  # A page sorted by level or name, or a page of search results: the page's items by key.
  statement {
    sid       = "ReadPageItems"
    actions   = ["dynamodb:BatchGetItem"]
    resources = [aws_dynamodb_table.inventory.arn]
  }
}

resource "aws_iam_role_policy" "dashboard_indexes" {
  name   = "dashboard-indexes"
  role   = aws_iam_role.dashboard.id
  policy = data.aws_iam_policy_document.dashboard_indexes.json
}
