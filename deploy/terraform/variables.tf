# ---------------------------------------------------------------------------------------------------------------------
# Where and under which names
# ---------------------------------------------------------------------------------------------------------------------

variable "aws_region" {
  description = "AWS Region for every resource (Lambda, DynamoDB, S3, SNS, Cognito, API Gateway)."
  type        = string
  default     = "eu-west-1"

  validation {
    condition     = can(regex("^[a-z]{2}(-gov)?-[a-z]+-[0-9]$", var.aws_region))
    error_message = "aws_region must be a Region code such as eu-west-1."
  }
}

variable "name_prefix" {
  description = "Prefix of every resource name (functions, tables, bucket, topic, user pool). Lower case, starts with a letter; one deployment per prefix and Region."
  type        = string
  default     = "stockwatch"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,18}[a-z0-9]$", var.name_prefix))
    error_message = "name_prefix must be 3-20 characters of a-z, 0-9 and '-', starting with a letter and not ending with '-'."
  }

  # Without cognito_domain_prefix, the Cognito domain is '<name_prefix>-<random>', and Cognito refuses these words.
  validation {
    condition     = !can(regex("aws|amazon|cognito", var.name_prefix))
    error_message = "name_prefix must not contain aws, amazon or cognito (Cognito refuses them in the login domain derived from it)."
  }
}

variable "tags" {
  description = "Extra tags for every resource (merged into the provider's default tags)."
  type        = map(string)
  default     = {}
}

# ---------------------------------------------------------------------------------------------------------------------
# Function artefacts and sizing
# ---------------------------------------------------------------------------------------------------------------------

variable "lambda_architecture" {
  description = "CPU architecture of the three functions. Must match the platform the native binaries were built for (the builder's ARCH in src/main/docker/build-natives.sh), or Lambda fails with 'exec format error'."
  type        = string
  default     = "arm64"

  validation {
    condition     = contains(["arm64", "x86_64"], var.lambda_architecture)
    error_message = "lambda_architecture must be \"arm64\" or \"x86_64\"."
  }
}

variable "function_artifacts" {
  description = "Paths of the native Lambda zips (each holds the executable 'bootstrap'), relative to this directory or absolute."
  type = object({
    loader    = string
    notifier  = string
    dashboard = string
  })
  default = {
    loader    = "../../loader/target/function.zip"
    notifier  = "../../notifier/target/function.zip"
    dashboard = "../../dashboard-api/target/function.zip"
  }

  validation {
    condition     = alltrue([for path in values(var.function_artifacts) : endswith(path, ".zip")])
    error_message = "Each function artefact must be a .zip file (Quarkus writes target/function.zip in native builds)."
  }
}

variable "function_memory_mb" {
  description = "Memory of each function in MB (CPU share grows with memory)."
  type = object({
    loader    = number
    notifier  = number
    dashboard = number
  })
  default = {
    loader    = 512
    notifier  = 256
    dashboard = 512
  }

  validation {
    condition     = alltrue([for mb in values(var.function_memory_mb) : mb >= 128 && mb <= 10240])
    error_message = "Lambda memory must be between 128 and 10240 MB."
  }
}

variable "function_timeout_seconds" {
  description = "Timeout of each function in seconds. The dashboard's must stay below API Gateway's 30 s integration limit."
  type = object({
    loader    = number
    notifier  = number
    dashboard = number
  })
  default = {
    loader    = 300
    notifier  = 60
    dashboard = 15
  }

  validation {
    condition = (
      var.function_timeout_seconds.loader >= 1 && var.function_timeout_seconds.loader <= 900 &&
      var.function_timeout_seconds.notifier >= 1 && var.function_timeout_seconds.notifier <= 900 &&
      var.function_timeout_seconds.dashboard >= 1 && var.function_timeout_seconds.dashboard <= 29
    )
    error_message = "Timeouts must be 1-900 s, and the dashboard's 1-29 s (API Gateway integration limit)."
  }
}

variable "log_retention_days" {
  description = "Retention of the CloudWatch log groups (functions and API access logs), in days."
  type        = number
  default     = 30

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be one of the values CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, 60, 90, ...)."
  }
}

# ---------------------------------------------------------------------------------------------------------------------
# Inventory behaviour
# ---------------------------------------------------------------------------------------------------------------------

variable "default_low_stock_threshold" {
  description = "Stock level at or below which an item counts as low when its row has no threshold of its own (inventory.stock.default-low-stock-threshold)."
  type        = number
  default     = 5

  validation {
    condition     = var.default_low_stock_threshold >= 0 && floor(var.default_low_stock_threshold) == var.default_low_stock_threshold
    error_message = "default_low_stock_threshold must be a whole number from 0."
  }
}

variable "upload_extensions" {
  description = "File name suffixes whose upload to the bucket invokes the loader (one S3 notification filter each)."
  type        = list(string)
  # What the loader reads (loader/.../parse/FileFormat.java), each also gzip-compressed. No suffix may be a suffix of
  # another: S3 rejects overlapping notification filters.
  default = [
    ".csv", ".csv.gz", ".tsv", ".tsv.gz", ".txt", ".txt.gz",
    ".json", ".json.gz", ".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz",
  ]

  validation {
    condition     = length(var.upload_extensions) > 0 && alltrue([for ext in var.upload_extensions : can(regex("^(\\.[a-z0-9]+)+$", ext))])
    error_message = "upload_extensions must be non-empty, each like \".csv\" or \".csv.gz\" (lower case)."
  }
}

variable "import_retention_days" {
  description = "Days an import record (InventoryImports) is kept before DynamoDB's TTL deletes it (inventory.loader.import-retention)."
  type        = number
  default     = 400

  validation {
    condition     = var.import_retention_days >= 1 && floor(var.import_retention_days) == var.import_retention_days
    error_message = "import_retention_days must be a whole number of days from 1."
  }
}

variable "notifier_batch_size" {
  description = "Largest number of stream records per notifier invocation. Alert storms are detected per batch, so a large batch lets one big file's changes collapse into one digest per store."
  type        = number
  default     = 1000

  validation {
    condition     = var.notifier_batch_size >= 1 && var.notifier_batch_size <= 1000
    error_message = "notifier_batch_size must be 1-1000."
  }
}

variable "notifier_batching_window_seconds" {
  description = "How long Lambda gathers stream records before invoking the notifier (a window lets a large file's changes arrive as few batches, so storms collapse into digests)."
  type        = number
  default     = 5

  validation {
    condition     = var.notifier_batching_window_seconds >= 0 && var.notifier_batching_window_seconds <= 300
    error_message = "notifier_batching_window_seconds must be 0-300."
  }
}

variable "notifier_max_retries" {
  description = "Retries of a failing stream batch (after bisecting) before its records go to the dead-letter queue."
  type        = number
  default     = 5

  validation {
    condition     = var.notifier_max_retries >= 0 && var.notifier_max_retries <= 10000
    error_message = "notifier_max_retries must be 0-10000 (never -1, which retries forever)."
  }
}

variable "notifier_max_record_age_seconds" {
  description = "Oldest stream record the notifier is still invoked with; older ones go to the dead-letter queue."
  type        = number
  default     = 3600

  validation {
    condition     = var.notifier_max_record_age_seconds >= 60 && var.notifier_max_record_age_seconds <= 604800
    error_message = "notifier_max_record_age_seconds must be 60-604800 (never -1, which keeps records until they expire)."
  }
}

# ---------------------------------------------------------------------------------------------------------------------
# Alerts
# ---------------------------------------------------------------------------------------------------------------------

variable "alert_email_subscriptions" {
  description = "E-mail addresses subscribed to the NoStock topic. store_ids limits a subscription to alerts of those stores (empty: all stores). Each address must confirm by the link SNS sends."
  type = list(object({
    email     = string
    store_ids = optional(list(string), [])
  }))
  default = []

  validation {
    condition     = alltrue([for s in var.alert_email_subscriptions : can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", s.email))])
    error_message = "Each alert_email_subscriptions entry needs a valid e-mail address."
  }
}

variable "alert_sms_subscriptions" {
  description = "Phone numbers (E.164, e.g. +447700900123) subscribed to the NoStock topic by SMS, with an optional store filter. New accounts are in the SMS sandbox: only verified numbers receive messages."
  type = list(object({
    phone_number = string
    store_ids    = optional(list(string), [])
  }))
  default = []

  validation {
    condition     = alltrue([for s in var.alert_sms_subscriptions : can(regex("^\\+[1-9][0-9]{6,14}$", s.phone_number))])
    error_message = "Each alert_sms_subscriptions phone_number must be in E.164 form, e.g. +447700900123."
  }
}

# ---------------------------------------------------------------------------------------------------------------------
# Dashboard and sign-in
# ---------------------------------------------------------------------------------------------------------------------

variable "store_ids" {
  description = "Store ids that get a Cognito group 'store-<id>' (members see and upload for that store). Group 'admin' is always created."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for id in var.store_ids : can(regex("^[A-Za-z0-9_-]{1,64}$", id))])
    error_message = "Store ids must be 1-64 characters of A-Z, a-z, 0-9, '_' and '-'."
  }
}

variable "dashboard_extra_origins" {
  description = "Extra origins (scheme://host[:port]) that serve the dashboard, e.g. a custom domain in front of API Gateway. The API Gateway URL is always included; these are added to the Cognito callback/logout URLs and to the bucket's CORS origins."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for o in var.dashboard_extra_origins : can(regex("^https://[a-z0-9.-]+(:[0-9]+)?$", o)) || can(regex("^http://localhost(:[0-9]+)?$", o))])
    error_message = "Each origin must be https://host[:port] without a path (http:// only for localhost)."
  }
}

variable "cognito_mfa" {
  description = "Multi-factor sign-in for dashboard users: OFF, OPTIONAL (users may enrol an authenticator app) or ON (required)."
  type        = string
  default     = "OPTIONAL"

  validation {
    condition     = contains(["OFF", "OPTIONAL", "ON"], var.cognito_mfa)
    error_message = "cognito_mfa must be OFF, OPTIONAL or ON."
  }
}

variable "cognito_domain_prefix" {
  description = "Prefix of the Cognito hosted login domain (<prefix>.auth.<region>.amazoncognito.com); must be unique in the Region. Empty: '<name_prefix>-<random>'."
  type        = string
  default     = ""

  validation {
    condition     = var.cognito_domain_prefix == "" || can(regex("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$", var.cognito_domain_prefix))
    error_message = "cognito_domain_prefix must be lower-case letters, digits and hyphens, not starting or ending with a hyphen."
  }

  # Cognito refuses domain prefixes that contain these reserved words; say so at plan time, not at apply.
  validation {
    condition     = !can(regex("aws|amazon|cognito", var.cognito_domain_prefix))
    error_message = "cognito_domain_prefix must not contain the reserved words aws, amazon or cognito."
  }
}

variable "api_throttling" {
  description = "API Gateway throttling of the dashboard: steady requests per second and burst."
  type = object({
    rate_limit  = number
    burst_limit = number
  })
  default = {
    rate_limit  = 20
    burst_limit = 40
  }

  validation {
    condition     = var.api_throttling.rate_limit > 0 && var.api_throttling.burst_limit >= 1
    error_message = "api_throttling needs a positive rate_limit and burst_limit."
  }
}

variable "protect_data" {
  description = "Deletion protection on the tables and user pool, and no force-destroy of a non-empty bucket. Set false for throw-away environments so 'terraform destroy' removes everything."
  type        = bool
  default     = true
}

variable "operations_email" {
  description = "E-mail address subscribed to the operations topic (alarms: failure queues, function errors and throttles, stream lag, failed imports, API 5xx). Empty: no subscription; subscribe later to the topic in output operations_topic_arn."
  type        = string
  default     = ""

  validation {
    condition     = var.operations_email == "" || can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", var.operations_email))
    error_message = "operations_email must be an e-mail address or empty."
  }
}

variable "stream_iterator_age_alarm_seconds" {
  description = "Alarm when the notifier lags the Inventory stream by more than this many seconds (records expire after 24 h)."
  type        = number
  default     = 300

  validation {
    condition     = var.stream_iterator_age_alarm_seconds >= 60 && var.stream_iterator_age_alarm_seconds <= 43200
    error_message = "stream_iterator_age_alarm_seconds must be between 60 and 43200."
  }
}

variable "api_5xx_alarm_threshold" {
  description = "Alarm when the dashboard API answers more than this many 5xx responses in 5 minutes."
  type        = number
  default     = 5

  validation {
    condition     = var.api_5xx_alarm_threshold >= 0
    error_message = "api_5xx_alarm_threshold must be 0 or more."
  }
}
