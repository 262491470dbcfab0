# ---------------------------------------------------------------------------------------------------------------------
# NoStock topic: the notifier publishes stock alerts, with message attribute 'store_id' that subscriptions filter on
# ---------------------------------------------------------------------------------------------------------------------

# Customer-managed key, so the topic's encryption key has a policy of its own and only the notifier's role (plus
# account administrators) can use it. Costs 1 USD a month; see docs/deploy.md "Costs at rest".
resource "aws_kms_key" "alerts" {
  description             = "${var.name_prefix}: encryption of the NoStock and operations SNS topics"
  enable_key_rotation     = true
  deletion_window_in_days = 7
  policy                  = data.aws_iam_policy_document.alerts_key.json
}

resource "aws_kms_alias" "alerts" {
  name          = "alias/${var.name_prefix}-alerts"
  target_key_id = aws_kms_key.alerts.key_id
}

data "aws_iam_policy_document" "alerts_key" {
  # Administration through IAM policies of the account (the usual default key policy, spelled out action by action).
  statement {
    sid = "AccountAdministration"
    actions = [
      "kms:CancelKeyDeletion",
      "kms:CreateAlias",
      "kms:CreateGrant",
      "kms:DeleteAlias",
      "kms:DescribeKey",
      "kms:DisableKey",
      "kms:DisableKeyRotation",
      "kms:EnableKey",
      "kms:EnableKeyRotation",
      "kms:GetKeyPolicy",
      "kms:GetKeyRotationStatus",
      "kms:ListGrants",
      "kms:ListKeyPolicies",
      "kms:ListKeyRotations",
      "kms:ListResourceTags",
      "kms:PutKeyPolicy",
      "kms:RetireGrant",
      "kms:RevokeGrant",
      "kms:RotateKeyOnDemand",
      "kms:ScheduleKeyDeletion",
      "kms:TagResource",
      "kms:UntagResource",
      "kms:UpdateAlias",
      "kms:UpdateKeyDescription",
    ]
    # In a key policy "*" means this key.
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = ["arn:${local.partition}:iam::${local.account_id}:root"]
    }
  }

  # Use by principals of this account through SNS only (the notifier's role also needs it in its own policy).
  statement {
    sid       = "UseThroughSns"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = ["arn:${local.partition}:iam::${local.account_id}:root"]
    }

    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["sns.${var.aws_region}.amazonaws.com"]
    }
  }

  # CloudWatch alarms of this account publish to the operations topic (operations.tf), encrypted with this key.
  statement {
    sid       = "AlarmsPublishEncrypted"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
    resources = ["*"]

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

resource "aws_sns_topic" "no_stock" {
  name              = "${var.name_prefix}-NoStock"
  display_name      = "Stockwatch"
  kms_master_key_id = aws_kms_key.alerts.arn
}

locals {
  email_subscriptions = { for s in var.alert_email_subscriptions : s.email => s }
  sms_subscriptions   = { for s in var.alert_sms_subscriptions : s.phone_number => s }
}

resource "aws_sns_topic_subscription" "email" {
  for_each = local.email_subscriptions

  topic_arn           = aws_sns_topic.no_stock.arn
  protocol            = "email"
  endpoint            = each.value.email
  filter_policy_scope = length(each.value.store_ids) > 0 ? "MessageAttributes" : null
  filter_policy       = length(each.value.store_ids) > 0 ? jsonencode({ store_id = each.value.store_ids }) : null
}

resource "aws_sns_topic_subscription" "sms" {
  for_each = local.sms_subscriptions

  topic_arn           = aws_sns_topic.no_stock.arn
  protocol            = "sms"
  endpoint            = each.value.phone_number
  filter_policy_scope = length(each.value.store_ids) > 0 ? "MessageAttributes" : null
  filter_policy       = length(each.value.store_ids) > 0 ? jsonencode({ store_id = each.value.store_ids }) : null
}
