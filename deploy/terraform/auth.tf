# ---------------------------------------------------------------------------------------------------------------------
# Cognito: dashboard users, their groups ('admin', 'store-<id>') and the app client for the code flow with PKCE
# ---------------------------------------------------------------------------------------------------------------------

resource "aws_cognito_user_pool" "dashboard" {
  name                     = "${var.name_prefix}-dashboard-users"
  username_attributes      = ["email"]
  auto_verified_attributes = ["email"]
  mfa_configuration        = var.cognito_mfa
  deletion_protection      = var.protect_data ? "ACTIVE" : "INACTIVE"

  # Only administrators create accounts (docs/deploy.md shows the aws cognito-idp commands); no self sign-up.
  admin_create_user_config {
    allow_admin_create_user_only = true
  }

  password_policy {
    minimum_length                   = 12
    require_lowercase                = true
    require_uppercase                = true
    require_numbers                  = true
    require_symbols                  = true
    temporary_password_validity_days = 3
  }

  dynamic "software_token_mfa_configuration" {
    for_each = var.cognito_mfa == "OFF" ? [] : [1]

    content {
      enabled = true
    }
  }

  account_recovery_setting {
    recovery_mechanism {
      name     = "verified_email"
      priority = 1
    }
  }

  username_configuration {
    case_sensitive = false
  }
}

resource "aws_cognito_user_group" "admin" {
  name         = "admin"
  description  = "Sees and uploads for every store."
  user_pool_id = aws_cognito_user_pool.dashboard.id
  precedence   = 1
}

resource "aws_cognito_user_group" "store" {
  for_each = toset(var.store_ids)

  name         = "store-${each.value}"
  description  = "Staff of store ${each.value}."
  user_pool_id = aws_cognito_user_pool.dashboard.id
  precedence   = 10
}

# Scope 'stockwatch/dashboard' (DashboardConfig.apiScope): bearer access tokens must carry it to use /api/*. Cognito
# access tokens have no 'aud', so the scope is what tells an access token for this API from any other.
resource "aws_cognito_resource_server" "dashboard" {
  identifier   = "stockwatch"
  name         = "${var.name_prefix} dashboard API"
  user_pool_id = aws_cognito_user_pool.dashboard.id

  scope {
    scope_name        = "dashboard"
    scope_description = "Read inventory and request uploads through the dashboard API."
  }
}

resource "aws_cognito_user_pool_domain" "dashboard" {
  domain       = local.cognito_domain
  user_pool_id = aws_cognito_user_pool.dashboard.id
}

# Confidential client (the dashboard Lambda keeps the secret) using the authorization code flow only; the dashboard
# adds PKCE (quarkus.oidc.authentication.pkce-required) on top. No implicit flow, no password grants.
resource "aws_cognito_user_pool_client" "dashboard" {
  name            = "${var.name_prefix}-dashboard"
  user_pool_id    = aws_cognito_user_pool.dashboard.id
  generate_secret = true

  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_flows                  = ["code"]
  allowed_oauth_scopes                 = concat(["openid", "email", "profile"], aws_cognito_resource_server.dashboard.scope_identifiers)
  supported_identity_providers         = ["COGNITO"]
  callback_urls                        = [for origin in local.dashboard_origins : "${origin}${local.dashboard_callback_path}"]
  logout_urls                          = [for origin in local.dashboard_origins : "${origin}${local.dashboard_logout_path}"]

  explicit_auth_flows           = ["ALLOW_REFRESH_TOKEN_AUTH"]
  prevent_user_existence_errors = "ENABLED"
  enable_token_revocation       = true

  access_token_validity  = 60
  id_token_validity      = 60
  refresh_token_validity = 12

  token_validity_units {
    access_token  = "minutes"
    id_token      = "minutes"
    refresh_token = "hours"
  }
}

locals {
  # The dashboard's quarkus.oidc.authentication.redirect-path (set in functions.tf) and
  # quarkus.oidc.logout.post-logout-path (dashboard-api application.properties); deploy/checks compares them.
  dashboard_callback_path = "/"
  dashboard_logout_path   = "/logged-out"

  cognito_base_url = "https://${aws_cognito_user_pool_domain.dashboard.domain}.auth.${var.aws_region}.amazoncognito.com"
}
