"""What the lifecycle check knows about the emulator (moto server): how to reach it from Terraform
and boto3, what it must hold before a spec deploys, and where it reads attributes back differently
from AWS.
"""

import json
import re

import boto3
from botocore.exceptions import ClientError

import specvariant

ACCOUNT = "123456789012"  # moto's default account: the example specs' ARNs name it too
VPC_CIDR = "10.0.0.0/16"

# Provider endpoint names pointed at the emulator, and the resource/data type prefixes of each.
# A type outside this table fails the check (instead of reaching for real AWS), so a renderer that
# starts to use a new service must add it here.
SERVICES = {
    "acm": ["aws_acm_"],
    "applicationautoscaling": ["aws_appautoscaling_"],
    "cloudformation": ["aws_cloudformation_"],
    "cloudwatch": ["aws_cloudwatch_metric_alarm", "aws_cloudwatch_dashboard"],
    "dynamodb": ["aws_dynamodb_"],
    "ec2": ["aws_vpc", "aws_subnet", "aws_security_group", "aws_route", "aws_internet_gateway", "aws_nat_gateway", "aws_eip", "aws_ec2_"],
    "ecr": ["aws_ecr_"],
    "ecs": ["aws_ecs_"],
    "efs": ["aws_efs_"],
    "elbv2": ["aws_lb", "aws_alb"],
    "events": ["aws_cloudwatch_event_"],
    "iam": ["aws_iam_"],
    "kms": ["aws_kms_"],
    "logs": ["aws_cloudwatch_log_"],
    "route53": ["aws_route53_"],
    "s3": ["aws_s3_"],
    "scheduler": ["aws_scheduler_"],
    "secretsmanager": ["aws_secretsmanager_"],
    "servicediscovery": ["aws_service_discovery_"],
    "sfn": ["aws_sfn_"],
    "sns": ["aws_sns_"],
    "sqs": ["aws_sqs_"],
    "ssm": ["aws_ssm_"],
    "sts": ["aws_caller_identity"],
    "wafv2": ["aws_wafv2_"],
}
# Types that make no API call (computed locally by the provider).
LOCAL_TYPES = {"aws_partition", "aws_region", "aws_iam_policy_document", "aws_default_tags"}

# Where moto reads an attribute back differently from AWS so that a second `terraform plan` shows
# an in-place update although nothing changed. Only these (resource type, attribute) pairs are
# tolerated, and only as in-place updates: a create, delete or replacement is never tolerated.
_CREATE_SERVICE = (
    "moto's CreateService does not store {} (DescribeServices reads it back as {} until an "
    "UpdateService sets it; AWS returns what was sent)"
)
_RULE_DESCRIPTION = (
    "moto's {} keeps a rule's Description only for CIDR sources: a rule that references a "
    "security group reads back without it (ModifySecurityGroupRules then stores it)"
)
KNOWN_MOTO_DIFFERENCES = [
    # (resource type, attribute, why moto differs)
    ("aws_ecs_service", "health_check_grace_period_seconds", _CREATE_SERVICE.format("healthCheckGracePeriodSeconds", "0")),
    ("aws_ecs_service", "enable_ecs_managed_tags", _CREATE_SERVICE.format("enableECSManagedTags", "false")),
    ("aws_ecs_service", "availability_zone_rebalancing", _CREATE_SERVICE.format("availabilityZoneRebalancing", '""')),
    ("aws_vpc_security_group_ingress_rule", "description", _RULE_DESCRIPTION.format("AuthorizeSecurityGroupIngress")),
    ("aws_vpc_security_group_egress_rule", "description", _RULE_DESCRIPTION.format("AuthorizeSecurityGroupEgress")),
]


def client(service, endpoint, region):
    return boto3.client(
        service,
        endpoint_url=endpoint,
        region_name=region,
        aws_access_key_id="test",
        aws_secret_access_key="test",
    )


def unmapped_services(types):
    missing = []
    for name in types:
        if name in LOCAL_TYPES:
            continue
        if not any(name.startswith(prefix) for prefixes in SERVICES.values() for prefix in prefixes):
            missing.append(name)
    return missing


def backend_override(state_path):
    # Replaces whatever backend the rendered configuration declares (an S3 backend, or a partial
    # `backend "s3" {}` the workflow completes with -backend-config): state stays in the scratch dir.
    return f'terraform {{\n  backend "local" {{\n    path = "{state_path}"\n  }}\n}}\n'


def provider_override(sources, endpoint):
    """One override per `provider "aws"` block (with its alias, if any): fake credentials and
    every service's endpoint at the emulator.

    skip_requesting_account_id stays off on purpose: the emulator answers STS, and without the
    account ID the provider reads referenced_security_group_id back as "ACCOUNT/sg-..." (it
    prefixes the owner whenever it differs from the caller's account), a difference of this
    check's making, not of AWS or the emulator."""
    aliases = []
    for match in re.finditer(r'^provider\s+"aws"\s*\{', sources, re.M):
        depth, index = 0, match.end() - 1
        while index < len(sources):
            if sources[index] == "{":
                depth += 1
            elif sources[index] == "}":
                depth -= 1
                if depth == 0:
                    break
            index += 1
        alias = re.search(r'^\s*alias\s*=\s*"([^"]+)"', sources[match.end() : index], re.M)
        aliases.append(alias.group(1) if alias else None)
    if not aliases:
        aliases = [None]
    endpoints = "\n".join(f'    {name:<22} = "{endpoint}"' for name in sorted(SERVICES))
    blocks = []
    for alias in aliases:
        alias_line = f'  alias = "{alias}"\n' if alias else ""
        blocks.append(
            'provider "aws" {\n'
            + alias_line
            + '  access_key                  = "test"\n'
            + '  secret_key                  = "test"\n'
            + "  skip_credentials_validation = true\n"
            + "  skip_metadata_api_check     = true\n"
            + "  s3_use_path_style           = true\n"
            + "  max_retries                 = 3\n"
            + "  endpoints {\n"
            + endpoints
            + "\n  }\n}\n"
        )
    return "\n".join(blocks)


def prepare(endpoint, region, spec_root):
    """Creates in the emulator what a spec expects to exist: a VPC with two task and two load
    balancer subnets in two zones, one extra security group, a managed prefix list, an ACM
    certificate and a Route 53 hosted zone when the spec names them, and the cluster and managed
    policies the spec names. Returns their IDs."""
    ec2 = client("ec2", endpoint, region)
    vpc = ec2.create_vpc(CidrBlock=VPC_CIDR)["Vpc"]["VpcId"]
    subnets = []
    for index, zone in enumerate(["a", "b", "a", "b"]):
        subnet = ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.0.{index}.0/24", AvailabilityZone=region + zone)
        subnets.append(subnet["Subnet"]["SubnetId"])
    group = ec2.create_security_group(GroupName="lifecycle-extra", Description="extra tasks group", VpcId=vpc)
    # A spec with `environments:` may write these in any environment's overrides: what any of
    # them names is created once (every environment of one spec shares one emulator network).
    for cluster in specvariant.values_everywhere(spec_root, "cluster"):
        if isinstance(cluster, str):
            client("ecs", endpoint, region).create_cluster(clusterName=cluster)
    iam = client("iam", endpoint, region)
    created_policies = set()
    for role in ("task", "execution"):
        for policies in specvariant.values_everywhere(spec_root, "roles", role, "managed_policies"):
            for arn in policies if isinstance(policies, list) else []:
                match = re.match(r"arn:aws:iam::(\d+):policy(/.*/|/)([^/]+)$", arn)
                if match and match.group(1) == ACCOUNT and arn not in created_policies:
                    created_policies.add(arn)
                    iam.create_policy(
                        PolicyName=match.group(3),
                        Path=match.group(2),
                        PolicyDocument=json.dumps(
                            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*"}]}
                        ),
                    )
    domain = specvariant.value_of(spec_root, "load_balancer", "domain")
    domain = domain.rstrip(".").lower() if isinstance(domain, str) else "lifecycle.example.com"
    certificate = None
    if specvariant.values_everywhere(spec_root, "load_balancer", "certificate_arn"):
        acm = client("acm", endpoint, region)
        certificate = acm.request_certificate(DomainName=domain)["CertificateArn"]
    zone = None
    if specvariant.values_everywhere(spec_root, "load_balancer", "hosted_zone_id"):
        route53 = client("route53", endpoint, region)
        parent = domain.split(".", 1)[1] if "." in domain else domain
        created = route53.create_hosted_zone(Name=parent, CallerReference="lifecycle")
        zone = created["HostedZone"]["Id"].split("/")[-1]
    # A worker's queue subscribes to SNS topics the spec names (in another account, often): each
    # is created in its own account (moto keeps one backend per account; credentials from an
    # AssumeRole into that account reach it), as the topic owner would have.
    for arn in specvariant.topic_arns_everywhere(spec_root):
        create_topic(endpoint, arn)
    prefix_list = ec2.create_managed_prefix_list(
        PrefixListName="lifecycle", AddressFamily="IPv4", MaxEntries=2, Entries=[{"Cidr": "10.30.0.0/16"}]
    )["PrefixList"]["PrefixListId"]
    existing = prepare_existing(endpoint, region, spec_root, vpc, subnets[2:], domain)
    return {
        **existing,
        "certificate_arn": certificate,
        "hosted_zone_id": zone,
        "prefix_list_id": prefix_list,
        "vpc_id": vpc,
        "vpc_cidr": VPC_CIDR,
        "task_subnet_ids": subnets[:2],
        "load_balancer_subnet_ids": subnets[2:],
        "security_group_id": group["GroupId"],
    }


def prepare_existing(endpoint, region, spec_root, vpc, load_balancer_subnets, domain):
    """Issue 14: what a spec names as existing beyond the network, created as its owner would
    have, in the base and every environment's overrides. Returns the maps from each ID the spec
    writes to the emulator's (specvariant.replace_existing_ids puts them into the variant):

    - load_balancer.listener_arn: an application load balancer (named as in the ARN) in the load
      balancer subnets with its own security group and an HTTPS listener on 443 (an ACM
      certificate for the domain, a fixed 404 default action) -> `listeners`; the spec's
      load_balancer.security_group -> that group (`listener_security_groups`)
    - load_balancer.waf_acl_arn: a regional WAFv2 web ACL of the ARN's name -> `web_acls`
    - load_balancer.access_logs.bucket: the bucket, under the spec's name (bucket names are the
      user's, not generated), with the regional ELB log-delivery policy for the spec's prefix
    - deployment.alarms: a CloudWatch metric alarm of each name (names are the user's)
    - volumes[].file_system / access_point / security_group: an encrypted EFS file system per
      distinct ID, an access point on it, a security group for the mount targets ->
      `file_systems`, `access_points`, `efs_security_groups`
    """
    found = {
        "listeners": {},
        "listener_security_groups": {},
        "web_acls": {},
        "file_systems": {},
        "access_points": {},
        "efs_security_groups": {},
    }
    ec2 = client("ec2", endpoint, region)
    for index, arn in enumerate(specvariant.strings_everywhere(spec_root, "load_balancer", "listener_arn")):
        parts = arn.split("/")
        name = parts[2] if len(parts) > 3 else f"shared-{index}"
        group = ec2.create_security_group(
            GroupName=f"lifecycle-shared-{name}", Description="the shared load balancer's group", VpcId=vpc
        )["GroupId"]
        elbv2 = client("elbv2", endpoint, region)
        balancer = elbv2.create_load_balancer(
            Name=name, Subnets=load_balancer_subnets, SecurityGroups=[group], Scheme="internet-facing", Type="application"
        )["LoadBalancers"][0]["LoadBalancerArn"]
        certificate = client("acm", endpoint, region).request_certificate(DomainName=domain)["CertificateArn"]
        listener = elbv2.create_listener(
            LoadBalancerArn=balancer,
            Protocol="HTTPS",
            Port=443,
            Certificates=[{"CertificateArn": certificate}],
            DefaultActions=[{"Type": "fixed-response", "FixedResponseConfig": {"StatusCode": "404", "ContentType": "text/plain"}}],
        )["Listeners"][0]["ListenerArn"]
        found["listeners"][arn] = listener
        if not found["listener_security_groups"]:
            found["listener_security_groups"]["*"] = group
    # In the spec's region (ecsgen requires the ACL's region to be the spec's); one ACL per name.
    wafv2 = client("wafv2", endpoint, region)
    for arn in specvariant.strings_everywhere(spec_root, "load_balancer", "waf_acl_arn"):
        name = arn.split("/")[2] if arn.count("/") >= 3 else "lifecycle"
        existing = [acl["ARN"] for acl in wafv2.list_web_acls(Scope="REGIONAL")["WebACLs"] if acl["Name"] == name]
        found["web_acls"][arn] = existing[0] if existing else wafv2.create_web_acl(
            Name=name,
            Scope="REGIONAL",
            DefaultAction={"Allow": {}},
            Rules=[],
            VisibilityConfig={"SampledRequestsEnabled": False, "CloudWatchMetricsEnabled": False, "MetricName": name},
        )["Summary"]["ARN"]
    buckets = {}
    for layer in specvariant.layers(spec_root):
        bucket = specvariant.value_of(layer, "load_balancer", "access_logs", "bucket")
        if isinstance(bucket, str) and bucket not in ("", "~", "null"):
            prefix = specvariant.value_of(layer, "load_balancer", "access_logs", "prefix")
            buckets.setdefault(bucket, set()).add(prefix if isinstance(prefix, str) else "")
    for bucket, prefixes in buckets.items():
        create_log_bucket(endpoint, region, bucket, sorted(prefixes))
    alarms = set()
    for names in specvariant.values_everywhere(spec_root, "deployment", "alarms"):
        alarms.update(name for name in (names if isinstance(names, list) else []) if name)
    cloudwatch = client("cloudwatch", endpoint, region)
    for name in sorted(alarms):
        cloudwatch.put_metric_alarm(
            AlarmName=name,
            Namespace="AWS/ApplicationELB",
            MetricName="HTTPCode_Target_5XX_Count",
            Statistic="Sum",
            Period=60,
            EvaluationPeriods=1,
            Threshold=1,
            ComparisonOperator="GreaterThanThreshold",
        )
    efs = client("efs", endpoint, region)
    for volume in specvariant.volumes_everywhere(spec_root):
        file_system = volume.get("file_system")
        if isinstance(file_system, str) and file_system not in found["file_systems"]:
            found["file_systems"][file_system] = efs.create_file_system(
                CreationToken=f"lifecycle-{file_system}", Encrypted=True
            )["FileSystemId"]
        access_point = volume.get("access_point")
        if isinstance(access_point, str) and access_point not in found["access_points"] and file_system in found["file_systems"]:
            found["access_points"][access_point] = efs.create_access_point(
                FileSystemId=found["file_systems"][file_system],
                PosixUser={"Uid": 1000, "Gid": 1000},
                RootDirectory={"Path": "/" + (volume.get("name") or "data")},
            )["AccessPointId"]
        group = volume.get("security_group")
        if isinstance(group, str) and group not in found["efs_security_groups"]:
            found["efs_security_groups"][group] = ec2.create_security_group(
                GroupName=f"lifecycle-efs-{len(found['efs_security_groups'])}",
                Description="the file system's mount targets",
                VpcId=vpc,
            )["GroupId"]
    return found


def create_log_bucket(endpoint, region, bucket, prefixes):
    """An existing access-log bucket as its owner sets it up: in the spec's region, with a
    policy that lets ELB write under each prefix. The emulator evaluates no bucket policy and
    delivers no logs, so the policy only makes the bucket look as its owner would leave it; the
    log-delivery principal (the service principal of regions opened since August 2022, or the
    region's ELB account before) is ecsgen's plan's to decide for a bucket it creates, not this
    check's."""
    s3 = client("s3", endpoint, region)
    configuration = {} if region == "us-east-1" else {"CreateBucketConfiguration": {"LocationConstraint": region}}
    try:
        s3.create_bucket(Bucket=bucket, **configuration)
    except ClientError as error:
        # Bucket names are global: an environment in another region prepared it already.
        if error.response.get("Error", {}).get("Code") != "BucketAlreadyOwnedByYou":
            raise
    principal = {"Service": "logdelivery.elasticloadbalancing.amazonaws.com"}
    resources = [f"arn:aws:s3:::{bucket}/{prefix + '/' if prefix else ''}AWSLogs/{ACCOUNT}/*" for prefix in prefixes]
    policy = {
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Principal": principal, "Action": "s3:PutObject", "Resource": resources}],
    }
    s3.put_bucket_policy(Bucket=bucket, Policy=json.dumps(policy))


def create_topic(endpoint, arn):
    """Creates the SNS topic ARN names, in its account and region."""
    _, _, _, region, account, name = arn.split(":", 5)
    keys = {}
    if account != ACCOUNT:
        credentials = client("sts", endpoint, region).assume_role(
            RoleArn=f"arn:aws:iam::{account}:role/topic-owner", RoleSessionName="lifecycle"
        )["Credentials"]
        keys = {
            "aws_access_key_id": credentials["AccessKeyId"],
            "aws_secret_access_key": credentials["SecretAccessKey"],
            "aws_session_token": credentials["SessionToken"],
        }
    else:
        keys = {"aws_access_key_id": "test", "aws_secret_access_key": "test"}
    attributes = {"FifoTopic": "true"} if name.endswith(".fifo") else {}
    boto3.client("sns", endpoint_url=endpoint, region_name=region, **keys).create_topic(Name=name, Attributes=attributes)


def put_image(endpoint, region, repositories, tag):
    ecr = client("ecr", endpoint, region)
    manifest = json.dumps(
        {
            "schemaVersion": 2,
            "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
            "config": {"mediaType": "application/vnd.docker.container.image.v1+json", "size": 2, "digest": "sha256:" + "0" * 64},
            "layers": [],
        }
    )
    for repository in repositories:
        ecr.put_image(repositoryName=repository, imageManifest=manifest, imageTag=tag)


def empty_repositories(endpoint, region, repositories):
    """Deletes every image of the named repositories: what README's "What destroy keeps" tells a
    user to do before destroying a service whose spec keeps images
    (`image.delete_images_on_destroy: false`, the default)."""
    ecr = client("ecr", endpoint, region)
    emptied = []
    for repository in repositories:
        images = ecr.list_images(repositoryName=repository)["imageIds"]
        if images:
            ecr.batch_delete_image(repositoryName=repository, imageIds=images)
            emptied.append(f"{repository} ({len(images)} image(s))")
    return emptied


def kept_log_groups(endpoint, region, names):
    """The named log groups that still exist (after a destroy)."""
    logs = client("logs", endpoint, region)
    kept = []
    for name in names:
        groups = logs.describe_log_groups(logGroupNamePrefix=name)["logGroups"]
        if any(group["logGroupName"] == name for group in groups):
            kept.append(f"log group {name}")
    return kept


def leftovers(endpoint, region, template):
    """Named log groups and ECR repositories of the template that still exist after a delete."""
    kept = []
    if not template:
        return kept
    logs = client("logs", endpoint, region)
    ecr = client("ecr", endpoint, region)
    for resource in template.get("Resources", {}).values():
        properties = resource.get("Properties", {})
        if resource.get("Type") == "AWS::Logs::LogGroup" and isinstance(properties.get("LogGroupName"), str):
            name = properties["LogGroupName"]
            groups = logs.describe_log_groups(logGroupNamePrefix=name)["logGroups"]
            if any(group["logGroupName"] == name for group in groups):
                kept.append(f"log group {name}")
        if resource.get("Type") == "AWS::ECR::Repository" and isinstance(properties.get("RepositoryName"), str):
            name = properties["RepositoryName"]
            try:
                ecr.describe_repositories(repositoryNames=[name])
                kept.append(f"ECR repository {name}")
            except ecr.exceptions.RepositoryNotFoundException:
                pass
    return kept


def load_balancer_names(endpoint, region):
    """The names of every load balancer in the emulator's region (a name may appear twice: the
    emulator does not refuse a duplicate, see UNENFORCED_RULES)."""
    elbv2 = client("elbv2", endpoint, region)
    return [balancer["LoadBalancerName"] for page in elbv2.get_paginator("describe_load_balancers").paginate() for balancer in page["LoadBalancers"]]


def missing_stack_resources(endpoint, region, resources):
    """The stack resources (of the types that carry the names environments must keep apart) that no
    longer exist in the emulator, read through each service's own API, not CloudFormation's."""
    missing = []
    for resource in resources:
        kind, physical = resource.get("ResourceType"), resource.get("PhysicalResourceId")
        if not physical:
            continue
        try:
            if kind == "AWS::ElasticLoadBalancingV2::LoadBalancer":
                client("elbv2", endpoint, region).describe_load_balancers(LoadBalancerArns=[physical])
            elif kind == "AWS::ElasticLoadBalancingV2::TargetGroup":
                client("elbv2", endpoint, region).describe_target_groups(TargetGroupArns=[physical])
            elif kind == "AWS::IAM::Role":
                client("iam", endpoint, region).get_role(RoleName=physical)
            elif kind == "AWS::Logs::LogGroup":
                groups = client("logs", endpoint, region).describe_log_groups(logGroupNamePrefix=physical)["logGroups"]
                if not any(group["logGroupName"] == physical for group in groups):
                    missing.append(f"{kind} {physical}")
            elif kind == "AWS::ECR::Repository":
                client("ecr", endpoint, region).describe_repositories(repositoryNames=[physical])
            elif kind == "AWS::ECS::Cluster":
                clusters = client("ecs", endpoint, region).describe_clusters(clusters=[physical])["clusters"]
                if not any(cluster.get("status") == "ACTIVE" for cluster in clusters):
                    missing.append(f"{kind} {physical}")
            elif kind == "AWS::EC2::SecurityGroup":
                client("ec2", endpoint, region).describe_security_groups(GroupIds=[physical])
        except Exception as error:  # NotFound of any of these services
            missing.append(f"{kind} {physical} ({type(error).__name__})")
    return missing


def changed_attributes(change):
    before = change.get("before") or {}
    after = change.get("after") or {}
    unknown = change.get("after_unknown") or {}
    names = set(before) | set(after) | set(unknown)
    return sorted(name for name in names if unknown.get(name) is True or before.get(name) != after.get(name))


def classify_terraform_changes(plan):
    """Splits a plan's changes into real ones and known emulator differences."""
    known = {(kind, attribute): why for kind, attribute, why in KNOWN_MOTO_DIFFERENCES}
    real, tolerated = [], []
    for change in plan.get("resource_changes", []):
        actions = change["change"]["actions"]
        if actions in (["no-op"], ["read"]):
            continue
        if actions != ["update"]:
            real.append(f"{change['address']} {'/'.join(actions)}")
            continue
        for attribute in changed_attributes(change["change"]):
            if (change["type"], attribute) in known:
                tolerated.append(f"{change['address']}.{attribute}")
            else:
                before = (change["change"].get("before") or {}).get(attribute)
                after = (change["change"].get("after") or {}).get(attribute)
                real.append(f"{change['address']}.{attribute}: {json.dumps(before)[:120]} -> {json.dumps(after)[:120]}")
    for name, output in (plan.get("output_changes") or {}).items():
        if output.get("actions") not in (["no-op"], None):
            real.append(f"output {name} {'/'.join(output['actions'])}")
    return real, tolerated


# CloudFormation resource types whose update the emulator cannot run: moto's CloudFormation has no
# update handler for them, so an update that changes one drops it from the stack (a later
# Fn::GetAtt of it fails with HTTP 500 "instance of Fn::GetAtt references undefined resource").
# An update step that changes one of these is printed as SKIP with this reason; the AWS
# replacement rules are still checked from the templates.
MOTO_CFN_NO_UPDATE = {
    "AWS::ElasticLoadBalancingV2::LoadBalancer": "moto's CloudFormation has no update handler for load balancers",
    "AWS::ElasticLoadBalancingV2::TargetGroup": "moto's CloudFormation has no update handler for target groups",
}


def cfn_unsupported_updates(old, new):
    found = []
    old_resources = (old or {}).get("Resources", {})
    for name, resource in new.get("Resources", {}).items():
        reason = MOTO_CFN_NO_UPDATE.get(resource.get("Type"))
        if reason and name in old_resources and old_resources[name] != resource:
            found.append(f"{name} ({resource['Type']}): {reason}")
    return found

# Resource types moto's CloudFormation creates but never deletes with the stack (their models have
# no delete handler: moto/elbv2/models.py), so a stack created again meets its own old load
# balancer and target group by name (DuplicateTargetGroupName). AWS deletes them with the stack.
# After a delete the check removes what moto left of these types through the ELBv2 API, as AWS's
# DeleteStack would, and says so in the step's result.
MOTO_CFN_NO_DELETE = {
    "AWS::ElasticLoadBalancingV2::ListenerRule": (
        "moto's CloudFormation does not delete listener rules with the stack (a rule on an existing "
        "listener would keep its priority and its target group in use)"
    ),
    "AWS::ElasticLoadBalancingV2::LoadBalancer": "moto's CloudFormation does not delete load balancers with the stack",
    "AWS::ElasticLoadBalancingV2::TargetGroup": "moto's CloudFormation does not delete target groups with the stack",
}


def delete_left_by_stack(endpoint, region, physical_ids):
    """Deletes the load balancers (with their listeners) and target groups of a deleted stack that
    moto left behind; `physical_ids` maps each resource type to the ARNs the stack held."""
    elbv2 = client("elbv2", endpoint, region)
    removed = []
    # Rules first: a rule that forwards to a target group keeps it in use (ResourceInUse).
    for arn in physical_ids.get("AWS::ElasticLoadBalancingV2::ListenerRule", []):
        try:
            elbv2.delete_rule(RuleArn=arn)
            removed.append("listener rule " + arn.split("/")[-1])
        except ClientError:
            continue
    for arn in physical_ids.get("AWS::ElasticLoadBalancingV2::LoadBalancer", []):
        try:
            listeners = elbv2.describe_listeners(LoadBalancerArn=arn)["Listeners"]
        except elbv2.exceptions.LoadBalancerNotFoundException:
            continue
        for listener in listeners:
            elbv2.delete_listener(ListenerArn=listener["ListenerArn"])
        elbv2.delete_load_balancer(LoadBalancerArn=arn)
        removed.append("load balancer " + arn.split("/")[-2])
    for arn in physical_ids.get("AWS::ElasticLoadBalancingV2::TargetGroup", []):
        try:
            elbv2.delete_target_group(TargetGroupArn=arn)
            removed.append("target group " + arn.split("/")[-2])
        except elbv2.exceptions.TargetGroupNotFoundException:
            continue
    return removed


# CloudFormation properties (issue 14) moto's CloudFormation accepts but ignores, and types it
# does not model at all (the create step lists those as "not modelled by the emulator"): the
# CloudFormation lifecycle proves that the template is accepted, not that these are read back.
# docs/design/emulator-support.md has the feature matrix.
MOTO_CFN_NOT_MODELLED = [
    ("AWS::ECS::Service", "CapacityProviderStrategy, EnableExecuteCommand, DeploymentConfiguration (alarms), "
     "LoadBalancers, NetworkConfiguration: moto keeps cluster, task definition and desired count"),
    ("AWS::ECS::Cluster", "CapacityProviders, DefaultCapacityProviderStrategy"),
    ("AWS::ECS::TaskDefinition", "Volumes[].EFSVolumeConfiguration (the volume keeps its name only)"),
    ("AWS::ElasticLoadBalancingV2::LoadBalancer", "LoadBalancerAttributes (access logs, deletion protection)"),
    ("AWS::S3::Bucket", "VersioningConfiguration, LifecycleConfiguration, PublicAccessBlockConfiguration, OwnershipControls"),
    ("AWS::S3::BucketPolicy", "not modelled"),
    ("AWS::WAFv2::WebACLAssociation", "not modelled"),
]


# AWS rules the emulator does not enforce, which this check asserts itself instead.
UNENFORCED_RULES = [
    (
        "load balancer names are unique (CreateLoadBalancer: DuplicateLoadBalancerName)",
        "moto accepts a second load balancer with the same name; the check fails any plan that "
        "replaces a resource with a fixed name delete-first or under the same name (lifecycle.collisions), "
        "and, with every environment of a spec deployed into one emulator, lists the load balancers "
        "and fails on a name used twice (lifecycle.same_account_names)",
    ),
    (
        "CloudFormation cannot replace a resource that has a custom name",
        "moto replaces it (or, for load balancers and target groups, loses it); the check compares "
        "the templates against the create-only properties of each type's registry schema (bundled with cfn-lint)",
    ),
    (
        "a template passed inline (TemplateBody) is at most 51,200 bytes",
        "moto accepts any size; the check fails a rendered template.json above the limit",
    ),
    (
        "update-stack of an unchanged template and parameters: 'No updates are to be performed'",
        "moto's UpdateStack compares the submitted parameters with the stack's resolved ones "
        "(pseudo parameters, parsed lists) and starts an update; the check submits the unchanged "
        "spec as a change set instead, which moto and AWS both answer with no changes",
    ),
]


def describe():
    """The declared differences, printed at the start of every check-deploy run."""
    lines = ["Emulator attributes read back differently from AWS (tolerated only as in-place updates):"]
    lines += [f"  {kind}.{attribute}: {why}" for kind, attribute, why in KNOWN_MOTO_DIFFERENCES]
    lines.append("CloudFormation updates the emulator cannot run (printed as SKIP):")
    lines += [f"  {kind}: {why}" for kind, why in MOTO_CFN_NO_UPDATE.items()]
    lines.append("Resources the emulator's CloudFormation leaves when a stack is deleted (removed by the check):")
    lines += [f"  {kind}: {why}" for kind, why in MOTO_CFN_NO_DELETE.items()]
    lines.append("Calls the emulator lacks, added by .ci/lifecycle/moto_server.py:")
    lines.append("  Application Auto Scaling ListTagsForResource, TagResource, UntagResource (moto answers HTTP 500;")
    lines.append("  the provider lists a scalable target's tags after every create and read)")
    lines.append("  Route 53 hosted zone IDs that start with Z as AWS's do (moto's are 22 random characters)")
    lines.append("  Step Functions ValidateStateMachineDefinition (answered OK; provider 5.100 validates while planning)")
    lines.append("  and ListStateMachineVersions (none); moto answers both with HTTP 500")
    lines.append("  SQS RedriveAllowPolicy read back by GetQueueAttributes (moto stores it but never returns it)")
    lines.append("  SQS RedrivePolicy read back as compact JSON as AWS does (moto adds spaces: a planned change)")
    lines.append("  SQS SetQueueAttributes keeps the attributes it does not name (moto drops the Policy of a")
    lines.append("  queue whenever a call sets other attributes only, e.g. RedriveAllowPolicy)")
    lines.append("  ECS CreateService keeps capacityProviderStrategy, enableExecuteCommand and deploymentConfiguration")
    lines.append("  (deployment alarms), and no launch type with a strategy (moto dropped them and said EC2)")
    lines.append("  ELBv2 DeleteLoadBalancer refuses a load balancer with deletion protection on (OperationNotPermitted),")
    lines.append("  as AWS does (moto deleted it)")
    lines.append("  CloudFormation ListenerRule updates apply a new Priority in place (moto's update ignored it)")
    lines.append("CloudFormation properties the emulator accepts but does not model (not read back):")
    lines += [f"  {kind}: {what}" for kind, what in MOTO_CFN_NOT_MODELLED]
    lines.append("AWS rules the emulator does not enforce (asserted by the check):")
    lines += [f"  {rule}: {how}" for rule, how in UNENFORCED_RULES]
    return "\n".join(lines)


if __name__ == "__main__":
    print(describe())
