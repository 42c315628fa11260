/// The keys each mapping of spec v1 accepts, in the order the README documents them. Unknown keys
/// are errors (with a "did you mean"), so a typo never silently falls back to a default.
enum SpecKeys {
  static let topLevel = [
    "version", "name", "kind", "description", "region", "image", "cpu", "memory", "platform",
    "ephemeral_storage", "port", "command", "entrypoint", "environment", "secrets", "roles",
    "health_check", "container_health_check", "load_balancer", "logs", "autoscaling", "count",
    "deployment", "stop_timeout", "read_only_root_filesystem", "network", "cluster", "tags",
    "terraform", "ci", "queue", "schedule", "on", "timeout", "capacity", "sidecars", "depends_on",
    "exec", "volumes",
  ]
  static let sidecar = [
    "name", "image", "cpu", "memory", "port", "protocol", "essential", "command", "environment",
    "secrets", "health_check", "depends_on", "read_only_root_filesystem",
  ]
  static let imageBuild = ["build", "dockerfile", "repository", "delete_images_on_destroy"]
  static let roles = ["task", "execution"]
  static let role = ["arn", "managed_policies", "statements"]
  static let statement = ["effect", "actions", "resources"]
  static let healthCheck = [
    "path", "interval", "timeout", "healthy_threshold", "unhealthy_threshold", "success_codes",
    "grace_period",
  ]
  static let containerHealthCheck = ["command", "interval", "timeout", "retries", "start_period"]
  static let loadBalancer = [
    "public", "idle_timeout", "certificate_arn", "ssl_policy", "deregistration_delay",
    "stickiness", "allowed_cidrs", "domain", "hosted_zone_id", "container", "deletion_protection",
    "waf_acl_arn",
    "access_logs",
    "listener_arn", "security_group", "priority", "hosts", "paths",
  ]
  static let accessLogs = ["bucket", "create_bucket", "prefix"]
  static let logs = ["group", "retention_days", "kms_key_arn", "on_destroy"]
  static let autoscaling = [
    "min", "max", "cpu", "memory", "requests_per_target", "messages_per_task",
    "scale_in_cooldown", "scale_out_cooldown",
  ]
  static let deployment = ["min_healthy_percent", "max_percent", "rollback", "alarms"]
  static let capacity = ["fargate_base", "spot", "fargate_weight", "spot_weight"]
  static let network = [
    "vpc_id", "subnets", "load_balancer_subnets", "security_groups", "assign_public_ip", "egress",
  ]
  static let egressRule = ["port", "protocol", "cidrs", "security_groups", "prefix_lists"]
  static let s3Backend = ["bucket", "key", "region", "dynamodb_table", "use_lockfile"]
  static let ci = ["role_arn", "branch", "environment", "deploy_with"]
  static let queue = [
    "arn", "kms_key_arn", "url_env", "visibility_timeout", "retention", "max_receive_count", "fifo",
    "subscriptions",
  ]
  static let subscription = [
    "topic_arn", "filter_policy", "filter_policy_scope", "raw_message_delivery",
  ]
  static let schedule = ["expression", "time_zone", "retries", "max_event_age"]
  static let volume = [
    "name", "file_system", "access_point", "path", "read_only", "security_group",
  ]
  static let eventTrigger = ["pattern", "bus", "event_env", "retries", "max_event_age"]
}
