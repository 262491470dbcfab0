# ---------------------------------------------------------------------------------------------------------------------
# Terraform and provider versions
# ---------------------------------------------------------------------------------------------------------------------

terraform {
  required_version = ">= 1.6.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.0"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.6"
    }
  }

  # State stays local by default. For a shared environment, configure a remote backend when initialising, e.g.
  #   terraform init -backend-config=backend.hcl
  # with an S3 backend (bucket + use_lockfile = true). See README.md.
}

provider "aws" {
  region = var.aws_region

  default_tags {
    tags = merge(var.tags, {
      Application = "stockwatch"
      Deployment  = var.name_prefix
      ManagedBy   = "terraform"
    })
  }
}
