"""One lifecycle of one example spec against a moto server (.ci/check-deploy starts the server).

  python lifecycle.py --tool terraform|cloudformation --spec specs/minimal.yaml \
      --endpoint http://127.0.0.1:PORT --work DIR --ecsgen .build/debug/ecsgen [--mirror DIR] \
      [--env ENV --network FILE] [--recheck]

With `--env ENV` (a spec with `environments:`) the spec is rendered with `render --env ENV`, the
output is read from out/NAME/ENV/TARGET, and the changes below are made where ENV's merged spec
reads them (the base, or ENV's override when it writes the key). check-deploy runs every
environment of one spec and tool one after the other against ONE emulator (one account and
region), with `--network FILE` so that they share the emulator's VPC, and ends each with the
deployment in place: each later environment's whole lifecycle runs next to the earlier ones.
`--recheck` then plans (Terraform) or submits a change set (CloudFormation) again for an
environment deployed earlier in the same work directory: it must show no change, so the later
environments neither collided with it nor changed or deleted any of its resources.

Terraform: apply -> second plan (no change) -> apply a changed spec, one change at a time (per
kind, Variants.changes: web new image, new port, public <-> internal; backend new image, new
port; worker new image, visibility timeout, a subscription removed, FIFO on; job new image,
schedule or event pattern, timeout) -> destroy -> apply again.
CloudFormation: create -> no-op update -> update to each changed spec -> delete -> create again.

Each step prints one line `RESULT|tool|service|step|PASS/FAIL/SKIP|seconds|detail` (also appended
to DIR/results.txt); the details of every command go to stdout, which check-deploy keeps as the
job's log. Exit status 1 when a step failed.
"""

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time

from botocore.exceptions import ClientError

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import emulator  # noqa: E402
import specvariant  # noqa: E402


class Steps:
    """Runs, times and records the lifecycle steps."""

    def __init__(self, tool, service, results_path):
        self.tool = tool
        self.service = service
        self.results_path = results_path
        self.failed = False

    def record(self, step, status, seconds, detail=""):
        # `|` separates the fields of a result line: keep it out of the detail.
        detail = " ".join(detail.split()).replace("|", "/")
        line = f"RESULT|{self.tool}|{self.service}|{step}|{status}|{seconds:.1f}|{detail}"
        print(line, flush=True)
        with open(self.results_path, "a", encoding="utf-8") as handle:
            handle.write(line + "\n")
        if status == "FAIL":
            self.failed = True

    def run(self, step, action):
        """Runs `action()`, which returns a detail string (PASS) or raises StepFailed / Skip."""
        print(f"\n===== {self.tool} {self.service}: {step}", flush=True)
        start = time.monotonic()
        try:
            detail = action() or ""
            status = "PASS"
        except Skip as skip:
            status, detail = "SKIP", str(skip)
        except StepFailed as failure:
            status, detail = "FAIL", str(failure)
        except ClientError as error:
            status, detail = "FAIL", str(error)
        except Exception as error:  # a bug in the check itself must show as a failed step too
            status, detail = "FAIL", readable(f"{type(error).__name__}: {error}")
        self.record(step, status, time.monotonic() - start, detail)
        return status == "PASS"


# The Terraform process running now: stopped with this script when check-deploy stops it.
RUNNING = [None]


def stop(signum, _frame):
    if RUNNING[0] is not None and RUNNING[0].poll() is None:
        RUNNING[0].terminate()
    sys.exit(128 + signum)


def readable(message):
    """moto answers some CloudFormation errors with another service's JSON error body, which
    boto3 cannot parse as XML: keep the error code and message from it."""
    match = re.search(r'"__type": "([^"]+)", "message": "([^"]*)"', message)
    if message.startswith("ResponseParserError") and match:
        return f"{match.group(1)}: {match.group(2)} (moto's raw error body; boto3 could not parse it)"
    return message


class StepFailed(Exception):
    pass


class Skip(Exception):
    pass


# ---------------------------------------------------------------- rendering


def render(args, spec_path, target, out):
    """Renders one spec (one environment with --env) with the built ecsgen into OUT; returns the
    target's folder (OUT/NAME/TARGET, or OUT/NAME/ENV/TARGET for an environment)."""
    shutil.rmtree(out, ignore_errors=True)
    command = [args.ecsgen, "render", spec_path, "--out", out, "--target", target]
    if args.env:
        command += ["--env", args.env]
    result = subprocess.run(command, capture_output=True, text=True)
    print(result.stdout + result.stderr, flush=True)
    if result.returncode != 0:
        raise StepFailed(f"ecsgen render {spec_path} failed: {result.stdout}{result.stderr}")
    layout = [args.env, target] if args.env else [target]
    services = [name for name in os.listdir(out) if os.path.isdir(os.path.join(out, name, *layout))]
    if len(services) != 1:
        raise StepFailed(f"expected one rendered service in {out}/*/{'/'.join(layout)}, found {services}")
    return os.path.join(out, services[0], *layout)


class Variants:
    """The spec as deployed at each step, written under WORK/specs/.

    `original` is the spec itself, or, when the spec fixes network IDs, a certificate or a hosted
    zone (specs/production.yaml, specs/lambda-agent.yaml), a copy that names the emulator's
    instead (vpc_id, subnets, load_balancer_subnets, security_groups, the egress rules' security
    groups and prefix lists, certificate_arn, hosted_zone_id).
    Each change is applied on top of the previous one.
    """

    def __init__(self, args, network):
        self.args = args
        self.network = network
        self.dir = os.path.join(args.work, "specs")
        os.makedirs(self.dir, exist_ok=True)
        self.root = specvariant.load(args.spec)
        self.replaced = self.emulator_ids(self.root)
        self.service = specvariant.value_of(self.root, "name")
        self.image_tag = "lifecycle-1"
        self.notes = []
        if self.replaced:
            self.notes.append(
                "IDs fixed in the spec replaced by the emulator's: " + ", ".join(self.replaced)
            )
        self.reset()

    def reset(self):
        """Back to the spec as committed (with the emulator's network IDs where it fixes them)."""
        self.root = specvariant.load(self.args.spec)
        self.emulator_ids(self.root)
        self.image_tag = "lifecycle-1"
        self.current = self.write("original") if self.replaced else self.args.spec

    def emulator_ids(self, root):
        """Network IDs, the certificate ARN and the hosted zone a spec fixes do not exist in the
        emulator: the variant names the emulator's instead (everything else in the spec stays)."""
        return (
            specvariant.replace_network(root, self.network)
            + specvariant.replace_load_balancer_ids(root, self.network)
            + specvariant.replace_existing_ids(root, self.network)
        )

    def write(self, label):
        path = os.path.join(self.dir, f"{label}.yaml")
        specvariant.dump(self.root, path)
        return path

    def change_image(self):
        if specvariant.bump_image(self.root, self.args.env):
            self.current = self.write("image")
            return "image reference -> tag lifecycle-2"
        self.image_tag = "lifecycle-2"
        self.current = self.write("image")
        return "image_tag input lifecycle-1 -> lifecycle-2"

    def changes(self):
        """The changes made one after the other, per kind (issue 13): [(label, change)], where
        change() edits the spec and returns what it changed.

        web: new image, new port, public <-> internal (the load balancer and target group
        replacements of issue 9). backend: new image, new port (the ingress rule). worker: new
        image, a longer visibility timeout (in place), a subscription removed (a delete), FIFO on
        (a replacement: both queues get `.fifo` names). job: new image (a new task definition
        the state machine names), the schedule's expression and time zone, or the event pattern
        (both in place), the timeout (the state machine's definition).

        Issue 14: a web service on an existing listener changes its image, port and rule
        priority (not `public`, which is the load balancer owner's); a web service with
        deletion protection turns it off in its own step before `public` replaces the load
        balancer (AWS refuses to delete a protected one)."""
        root, env = self.root, self.args.env
        kind = specvariant.kind(root)
        steps = [("image", self.change_image)]
        if kind == "web" and specvariant.effective_value(root, env, "load_balancer", "listener_arn") is not None:
            # A rule on an existing listener (issue 14): `public` belongs to the load balancer's
            # owner (an error with listener_arn); the rule's priority changes in place instead.
            steps += [("port", self.change_port), ("listener priority", self.edit("priority", specvariant.change_listener_priority))]
        elif kind == "web":
            steps.append(("port", self.change_port))
            if specvariant.deletion_protected(root, env):
                # `public` replaces the load balancer, and AWS refuses to delete a protected one:
                # protection goes off in an apply of its own first (README), as a user must.
                steps.append(("deletion protection off", self.unprotect))
            steps.append(("public", self.change_public))
        elif kind == "backend":
            if specvariant.effective_value(root, env, "port") is not None:
                steps.append(("port", self.change_port))
        elif kind == "worker":
            if specvariant.effective_value(root, env, "queue", "arn") is None:
                steps.append(("visibility timeout", self.edit("visibility", specvariant.change_visibility)))
                if specvariant.subscriptions(root, env):
                    steps.append(("subscription removed", self.edit("subscription", specvariant.remove_subscription)))
                steps.append(("fifo", self.edit("fifo", specvariant.turn_on_fifo)))
        elif kind == "job":
            if specvariant.effective_value(root, env, "schedule") is not None:
                steps.append(("schedule", self.edit("schedule", specvariant.change_schedule)))
            else:
                steps.append(("event pattern", self.edit("pattern", specvariant.change_event_pattern)))
            steps.append(("timeout", self.edit("timeout", specvariant.change_timeout)))
        return steps

    def changes_to_run(self, steps):
        """The change steps, or none with --skip-changes (a later environment of a spec whose
        first environment ran them: check-deploy with ECSGEN_DEPLOY_CHANGES=first)."""
        changes = self.changes()
        if self.args.skip_changes:
            labels = ", ".join(label for label, _ in changes)
            steps.record("changes", "SKIP", 0, f"{labels}: run in {self.args.skip_changes} only (ECSGEN_DEPLOY_CHANGES=first)")
            return []
        return changes

    def edit(self, label, change):
        """A change step from a specvariant function change(root, env) -> description."""

        def run():
            description = change(self.root, self.args.env)
            self.current = self.write(label)
            return description

        return run

    def unprotect(self):
        """load_balancer.deletion_protection: false on top of the current spec (README: apply it
        before a destroy; AWS refuses to delete a protected load balancer). Returns the change, or
        None when the merged spec does not protect its load balancer."""
        if not specvariant.deletion_protected(self.root, self.args.env):
            return None
        description = specvariant.turn_off_deletion_protection(self.root, self.args.env)
        self.current = self.write("unprotected")
        return description

    def change_port(self):
        old, new = specvariant.bump_port(self.root, self.args.env)
        self.current = self.write("port")
        return f"port {old} -> {new}"

    def change_public(self):
        public = specvariant.flip_public(self.root, self.network["vpc_cidr"], self.args.env)
        self.current = self.write("public")
        return "load_balancer.public -> " + ("true (internal -> public)" if public else "false (public -> internal)")


def spec_region(path, environment=None):
    root = specvariant.load(path)
    return specvariant.effective_value(root, environment, "region") or "eu-west-2"


def error_lines(text, limit=6):
    """The error messages of a Terraform or AWS CLI output, condensed for the summary."""
    lines = []
    for raw in text.splitlines():
        line = raw.strip().lstrip("│").strip()
        if line.startswith("Error:") or "api error" in line or "Exception" in line or "operation error" in line:
            if line not in lines:
                lines.append(line)
    return " // ".join(lines[:limit]) or text.strip()[-600:]


# ---------------------------------------------------------------- Terraform

# Resource types whose name is unique in the account (or VPC): replacing one under the same name
# collides in AWS, and deleting it first is refused or interrupts the service. The emulator
# enforces only some of this (it refuses a duplicate target group name and deleting a target group
# that a listener uses, but accepts a second load balancer with the same name), so the check
# asserts it from the plan for every change.
UNIQUE_NAMES = {
    "aws_lb": "name",
    "aws_alb": "name",
    "aws_lb_target_group": "name",
    "aws_alb_target_group": "name",
    "aws_security_group": "name",
    "aws_cloudwatch_log_group": "name",
    "aws_ecr_repository": "name",
    "aws_iam_role": "name",
    "aws_iam_policy": "name",
    "aws_ecs_cluster": "name",
    "aws_ecs_service": "name",
    "aws_s3_bucket": "bucket",
    "aws_dynamodb_table": "name",
    "aws_sqs_queue": "name",
    "aws_sfn_state_machine": "name",
    "aws_scheduler_schedule": "name",
    "aws_cloudwatch_event_rule": "name",
    "aws_cloudwatch_metric_alarm": "alarm_name",
}


class Terraform:
    def __init__(self, args, steps, variants, region):
        self.args = args
        self.steps = steps
        self.variants = variants
        self.region = region
        self.dir = os.path.join(args.work, "terraform")
        self.state = os.path.join(args.work, "terraform.tfstate")
        self.var_file = os.path.join(args.work, "lifecycle.tfvars.json")
        os.makedirs(self.dir, exist_ok=True)
        self.env = dict(
            os.environ,
            TF_IN_AUTOMATION="1",
            CHECKPOINT_DISABLE="1",
            TF_CLI_CONFIG_FILE="/dev/null",
            TF_INPUT="0",
            AWS_ACCESS_KEY_ID="test",
            AWS_SECRET_ACCESS_KEY="test",
            AWS_EC2_METADATA_DISABLED="true",
        )
        self.env.pop("AWS_PROFILE", None)
        self.env.pop("AWS_SESSION_TOKEN", None)

    def terraform(self, *arguments, check=True, quiet=False):
        command = ["terraform", f"-chdir={self.dir}", *arguments]
        print("$ " + " ".join(command), flush=True)
        start = time.monotonic()
        # Streamed into the job's log as it runs (an apply waits minutes on the load balancer).
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=self.env)
        RUNNING[0] = process
        lines = []
        for line in process.stdout:
            lines.append(line)
            if not quiet:
                print(line, end="", flush=True)
        process.wait()
        print(f"# exit {process.returncode} after {time.monotonic() - start:.1f} s", flush=True)
        result = subprocess.CompletedProcess(command, process.returncode, "".join(lines), "")
        if quiet and result.returncode != 0:
            print(result.stdout, flush=True)
        if check and result.returncode != 0:
            raise StepFailed(error_lines(result.stdout))
        return result

    def install(self, spec_path):
        """Renders SPEC, replaces the scratch configuration with it, adds the overrides, inits."""
        rendered = render(self.args, spec_path, "terraform", os.path.join(self.args.work, "render"))
        for name in os.listdir(self.dir):
            path = os.path.join(self.dir, name)
            if name.startswith(".terraform"):
                continue
            if os.path.isdir(path):
                shutil.rmtree(path)
            else:
                os.remove(path)
        shutil.copytree(rendered, self.dir, dirs_exist_ok=True)
        sources = read_tf(self.dir)
        missing = emulator.unmapped_services(terraform_types(sources))
        if missing:
            raise StepFailed("resource types of services this check does not point at the emulator: " + ", ".join(missing))
        with open(os.path.join(self.dir, "lifecycle_backend_override.tf"), "w", encoding="utf-8") as handle:
            handle.write(emulator.backend_override(self.state))
        with open(os.path.join(self.dir, "lifecycle_provider_override.tf"), "w", encoding="utf-8") as handle:
            handle.write(emulator.provider_override(sources, self.args.endpoint))
        declared = set(re.findall(r'^variable\s+"([A-Za-z0-9_-]+)"', sources, re.M))
        known = {
            "aws_region": self.region,
            "vpc_id": self.variants.network["vpc_id"],
            "task_subnet_ids": self.variants.network["task_subnet_ids"],
            "load_balancer_subnet_ids": self.variants.network["load_balancer_subnet_ids"],
            "image_tag": self.variants.image_tag,
        }
        with open(self.var_file, "w", encoding="utf-8") as handle:
            json.dump({name: value for name, value in known.items() if name in declared}, handle)
        self.terraform("init", "-input=false", "-no-color", f"-plugin-dir={self.args.mirror}")

    def plan(self, *extra):
        plan_file = os.path.join(self.args.work, "plan.out")
        result = self.terraform(
            "plan", "-input=false", "-no-color", "-detailed-exitcode", f"-var-file={self.var_file}",
            f"-out={plan_file}", *extra, check=False,
        )
        if result.returncode not in (0, 2):
            raise StepFailed(error_lines(result.stdout + result.stderr))
        if result.returncode == 0:
            return 0, {}, plan_file
        # Only a plan with changes is read back as JSON: each Terraform run starts the provider,
        # which costs seconds on a busy 2-core machine.
        shown = self.terraform("show", "-json", plan_file, quiet=True)
        return result.returncode, json.loads(shown.stdout), plan_file

    def apply_plan(self, plan_file):
        self.terraform("apply", "-input=false", "-no-color", "-auto-approve", plan_file)

    def apply(self, spec_path, collision_check=False):
        self.install(spec_path)
        if not collision_check:
            result = self.terraform("apply", "-input=false", "-no-color", "-auto-approve", f"-var-file={self.var_file}")
            summary = re.search(r"Apply complete! Resources: [^.]*", result.stdout)
            return summary.group(0) if summary else "applied"
        _, plan, plan_file = self.plan()
        problems = collisions(plan) if collision_check else []
        summary = plan_summary(plan)
        try:
            self.apply_plan(plan_file)
        except StepFailed as failure:
            raise StepFailed(str(failure) + "".join(" // in AWS also: " + problem for problem in problems) + f" [{summary}]")
        if problems:
            raise StepFailed("applied in the emulator, but in AWS: " + "; ".join(problems) + f" [{summary}]")
        return summary

    def second_plan(self):
        code, plan, _ = self.plan()
        if code == 0:
            return "no changes"
        real, tolerated = emulator.classify_terraform_changes(plan)
        if real:
            raise StepFailed("second plan shows changes: " + "; ".join(real))
        return "only known emulator differences: " + "; ".join(tolerated)

    def managed_attributes(self, resource_type):
        """The attributes of every managed instance of a type, read from the local state file
        (`terraform show -json` would start the provider)."""
        with open(self.state, encoding="utf-8") as handle:
            state = json.load(handle)
        return [
            instance["attributes"]
            for resource in state.get("resources", [])
            if resource.get("type") == resource_type and resource.get("mode") == "managed"
            for instance in resource.get("instances", [])
        ]

    def push_image(self):
        """Puts an image manifest into every ECR repository, as the deploy workflow's push would.
        (An API call to the emulator: nothing is built or downloaded.)"""
        repositories = [attributes["name"] for attributes in self.managed_attributes("aws_ecr_repository")]
        if not repositories:
            raise Skip("no ECR repository in this configuration (the spec names an image)")
        emulator.put_image(self.args.endpoint, self.region, repositories, self.variants.image_tag)
        return "pushed tag " + self.variants.image_tag + " to " + ", ".join(repositories)

    def destroy(self):
        log_groups = [attributes["name"] for attributes in self.managed_attributes("aws_cloudwatch_log_group")]
        # A repository without force_delete (the spec's default) is deleted only when empty: do
        # what the README tells a user to do first.
        keeping_images = [
            attributes["name"]
            for attributes in self.managed_attributes("aws_ecr_repository")
            if not attributes.get("force_delete")
        ]
        emptied = emulator.empty_repositories(self.args.endpoint, self.region, keeping_images)
        self.terraform("destroy", "-input=false", "-no-color", "-auto-approve", f"-var-file={self.var_file}")
        kept = emulator.kept_log_groups(self.args.endpoint, self.region, log_groups)
        first = "emptied first (no image.delete_images_on_destroy): " + ", ".join(emptied) + "; " if emptied else ""
        return first + "destroyed" + ("; kept: " + ", ".join(kept) if kept else "")

    def lifecycle(self):
        steps, variants = self.steps, self.variants
        steps.run("apply", lambda: self.apply(variants.current))
        steps.run("second plan: no change", self.second_plan)
        steps.run("push image (ECR put_image)", self.push_image)
        for label, change in self.variants.changes_to_run(steps):
            description = change()
            steps.run(f"apply change: {label}", lambda: description + ": " + self.apply(variants.current, collision_check=True))
            steps.run(f"plan after {label}: no change", self.second_plan)
        unprotect = variants.unprotect()
        if unprotect:
            steps.run(
                "apply before destroy: deletion protection off",
                lambda: unprotect + ": " + self.apply(variants.current, collision_check=True),
            )
        steps.run("destroy", self.destroy)
        variants.reset()
        steps.run("apply again after destroy", lambda: self.apply(variants.current))

    def recheck(self, after):
        """The deployment this work directory's lifecycle left (its last step, apply again) after
        the later environments' lifecycles in the same emulator: a plan (which reads every
        resource back) must show no change, and no two load balancers may share a name."""

        def run():
            if not os.path.exists(self.state):
                raise StepFailed(f"no Terraform state in {self.args.work}")
            detail = self.second_plan()
            count = len(self.managed_attributes_all())
            return f"{count} resources unchanged; " + same_account_names(self.args.endpoint, self.region) + f" ({detail})"

        self.steps.run(f"same account: still deployed after {after}", run)

    def managed_attributes_all(self):
        with open(self.state, encoding="utf-8") as handle:
            state = json.load(handle)
        return [
            instance
            for resource in state.get("resources", [])
            if resource.get("mode") == "managed"
            for instance in resource.get("instances", [])
        ]


def read_tf(directory):
    texts = []
    for name in sorted(os.listdir(directory)):
        if name.endswith(".tf") and not name.endswith("_override.tf"):
            with open(os.path.join(directory, name), encoding="utf-8") as handle:
                texts.append(handle.read())
    return "\n".join(texts)


def terraform_types(sources):
    return sorted(set(re.findall(r'^(?:resource|data)\s+"([a-z0-9_]+)"', sources, re.M)))


def plan_summary(plan):
    counts = {}
    replaced = []
    for change in plan.get("resource_changes", []):
        actions = change["change"]["actions"]
        if actions in (["no-op"], ["read"]):
            continue
        key = "replace" if len(actions) == 2 else actions[0]
        counts[key] = counts.get(key, 0) + 1
        if key == "replace":
            replaced.append(change["address"] + (" (create first)" if actions[0] == "create" else " (delete first)"))
    text = ", ".join(f"{count} {key}" for key, count in sorted(counts.items())) or "no resource changes"
    if replaced:
        text += "; replaced: " + ", ".join(replaced)
    return text


# What a delete-first replacement does in AWS, per type (the default: the web resources of issue 9).
DELETE_FIRST = {
    "*": "AWS refuses or interrupts the service (a target group in use: ResourceInUse; a load balancer: downtime)",
    "aws_sqs_queue": (
        "AWS accepts it (the new name differs), but the running workers poll a deleted queue "
        "(QueueDoesNotExist) until the new tasks run, and its messages go with it before the new "
        "queue exists; a replaced queue always gets a new name (only name and fifo_queue force it), "
        "so create_before_destroy cannot collide"
    ),
}


def collisions(plan):
    """Replacements that AWS would refuse or that would interrupt the service."""
    problems = []
    for change in plan.get("resource_changes", []):
        actions = change["change"]["actions"]
        attribute = UNIQUE_NAMES.get(change["type"])
        if attribute is None or sorted(actions) != ["create", "delete"]:
            continue
        before = (change["change"].get("before") or {}).get(attribute)
        after = (change["change"].get("after") or {}).get(attribute)
        unknown = (change["change"].get("after_unknown") or {}).get(attribute)
        if actions[0] == "delete":
            problems.append(
                f"{change['address']} ({attribute} {before!r}) is replaced delete-first: "
                + DELETE_FIRST.get(change["type"], DELETE_FIRST["*"])
            )
        elif not unknown and before == after:
            problems.append(f"{change['address']} is re-created under the same {attribute} {before!r}: the create collides")
    return problems


# ---------------------------------------------------------------- CloudFormation

# CloudFormation refuses to replace a resource that keeps its custom name ("CloudFormation cannot
# update a stack when a custom-named resource requires replacing"); the emulator does not enforce
# this, so the check asserts it from the two templates. Which properties replace a resource on
# change comes from the resource's registry schema (its createOnlyProperties), as bundled with
# cfn-lint; a custom name is a create-only property named `Name` or `...Name`.
def replacement_properties(resource_type):
    from cfnlint.schema import PROVIDER_SCHEMA_MANAGER

    try:
        schema = PROVIDER_SCHEMA_MANAGER.get_resource_schema("us-east-1", resource_type).schema
    except Exception:
        return []
    return sorted({path.split("/")[2] for path in schema.get("createOnlyProperties", []) if path.startswith("/properties/")})


# CloudFormation's limit for a template passed inline; moto accepts any size.
TEMPLATE_BODY_LIMIT = 51200


class CloudFormation:
    def __init__(self, args, steps, variants, region):
        self.args = args
        self.steps = steps
        self.variants = variants
        self.region = region
        self.client = emulator.client("cloudformation", args.endpoint, region)
        # The plan's ci.stackName: the service name, or NAME-ENV for an environment.
        self.stack = f"{variants.service}-{args.env}" if args.env else variants.service
        self.template = None  # as deployed in the emulator
        self.previous = None  # as rendered for the previous step

    def render(self, spec_path):
        rendered = render(self.args, spec_path, "cloudformation", os.path.join(self.args.work, "render"))
        with open(os.path.join(rendered, "template.json"), encoding="utf-8") as handle:
            body = handle.read()
        size = len(body.encode("utf-8"))
        if size > TEMPLATE_BODY_LIMIT:
            raise StepFailed(
                f"template.json is {size} bytes: CloudFormation takes at most {TEMPLATE_BODY_LIMIT} "
                "bytes inline (TemplateBody, `aws cloudformation deploy` without --s3-bucket)"
            )
        return body, json.loads(body)

    def parameters(self, template):
        known = {
            "VpcId": self.variants.network["vpc_id"],
            "TaskSubnetIds": ",".join(self.variants.network["task_subnet_ids"]),
            "LoadBalancerSubnetIds": ",".join(self.variants.network["load_balancer_subnet_ids"]),
            "ImageTag": self.variants.image_tag,
        }
        values, missing = [], []
        for name, declaration in template.get("Parameters", {}).items():
            if name in known:
                values.append({"ParameterKey": name, "ParameterValue": known[name]})
            elif "Default" not in declaration:
                missing.append(name)
        if missing:
            raise StepFailed("template parameters this check has no value for: " + ", ".join(missing))
        return values

    def wait(self, expected):
        deadline = time.monotonic() + 600
        while True:
            try:
                stack = self.client.describe_stacks(StackName=self.stack)["Stacks"][0]
            except ClientError as error:
                if expected == "DELETE_COMPLETE" and "does not exist" in str(error):
                    return
                raise
            status = stack["StackStatus"]
            if not status.endswith("IN_PROGRESS"):
                break
            if time.monotonic() > deadline:
                raise StepFailed(f"stack still {status} after 600 s")
            time.sleep(0.5)
        if status != expected:
            raise StepFailed(f"stack {status} (expected {expected}): " + self.failure_reasons())

    def wait_change_set(self, name):
        deadline = time.monotonic() + 120
        while True:
            described = self.client.describe_change_set(StackName=self.stack, ChangeSetName=name)
            if described["Status"] not in ("CREATE_PENDING", "CREATE_IN_PROGRESS"):
                break
            if time.monotonic() > deadline:
                raise StepFailed(f"change set {name} still {described['Status']} after 120 s")
            time.sleep(0.5)
        if described["Status"] != "CREATE_COMPLETE":
            raise StepFailed(f"change set {name} {described['Status']}: {described.get('StatusReason', '')}")

    def failure_reasons(self):
        try:
            events = self.client.describe_stack_events(StackName=self.stack)["StackEvents"]
        except ClientError as error:
            return str(error)
        return " // ".join(
            f"{event['LogicalResourceId']}: {event.get('ResourceStatusReason', '')}"
            for event in events
            if "FAILED" in event.get("ResourceStatus", "")
        )[:800]

    def unmodelled(self, template):
        """Template resources the emulator did not create (moto ignores types it does not model)."""
        resources = self.client.describe_stack_resources(StackName=self.stack)["StackResources"]
        created = {resource["LogicalResourceId"] for resource in resources if resource.get("PhysicalResourceId")}
        return sorted(
            f"{name} ({resource['Type']})"
            for name, resource in template.get("Resources", {}).items()
            if name not in created and "Condition" not in resource
        )

    def create(self):
        """Creates the stack as the deploy workflow's first deploy does: a CREATE change set that
        imports existing named resources when the template retains one (a kept log group)."""
        body, template = self.render(self.variants.current)
        adopts = any(
            resource.get("DeletionPolicy") in ("Retain", "RetainExceptOnCreate")
            for resource in template.get("Resources", {}).values()
        )
        name = "create-" + str(int(time.time() * 1000))
        self.client.create_change_set(
            StackName=self.stack,
            ChangeSetName=name,
            ChangeSetType="CREATE",
            TemplateBody=body,
            Parameters=self.parameters(template),
            Capabilities=["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM"],
            **({"ImportExistingResources": True} if adopts else {}),
        )
        self.wait_change_set(name)
        self.client.execute_change_set(StackName=self.stack, ChangeSetName=name)
        self.wait("CREATE_COMPLETE")
        self.template = self.previous = template
        missing = self.unmodelled(template)
        return "CREATE_COMPLETE" + ("; not modelled by the emulator: " + ", ".join(missing) if missing else "")

    def no_op_update(self):
        # Render again (into a fresh folder) and submit the same spec as a change set: AWS answers
        # an unchanged template and parameters with a FAILED change set ("didn't contain
        # changes"); any listed change is a real one.
        body, template = self.render(self.variants.current)
        try:
            change_set = self.client.create_change_set(
                StackName=self.stack,
                ChangeSetName="lifecycle-noop",
                TemplateBody=body,
                Parameters=self.parameters(template),
                Capabilities=["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM"],
                ChangeSetType="UPDATE",
            )
        except ClientError as error:
            if "No updates are to be performed" in str(error):
                return "No updates are to be performed"
            raise
        described = self.client.describe_change_set(ChangeSetName=change_set["Id"])
        self.client.delete_change_set(ChangeSetName=change_set["Id"])
        if described.get("Changes"):
            changes = [
                f"{change['ResourceChange'].get('Action')} {change['ResourceChange']['LogicalResourceId']}"
                for change in described["Changes"]
            ]
            raise StepFailed("the change set of an unchanged spec has changes: " + ", ".join(changes))
        return f"empty change set ({described.get('Status')}: {described.get('StatusReason', '')})"

    def update(self, label, description):
        body, template = self.render(self.variants.current)
        problems = cfn_replacements(self.previous, template)
        self.previous = template
        self.steps.run(
            f"update: {label}: AWS replacement rules",
            lambda: fail_if(problems, "AWS refuses this update: ") or description + ": no custom-named resource is replaced",
        )
        unsupported = emulator.cfn_unsupported_updates(self.template, template)
        if unsupported:
            self.steps.run(f"update: {label}", lambda: skip("the emulator cannot update " + "; ".join(unsupported)))
            return

        def run():
            self.client.update_stack(
                StackName=self.stack,
                TemplateBody=body,
                Parameters=self.parameters(template),
                Capabilities=["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM"],
            )
            self.wait("UPDATE_COMPLETE")
            self.template = template
            return description + ": UPDATE_COMPLETE"

        self.steps.run(f"update: {label}", run)

    def push_image(self):
        resources = self.client.describe_stack_resources(StackName=self.stack)["StackResources"]
        repositories = [
            resource["PhysicalResourceId"]
            for resource in resources
            if resource.get("ResourceType") == "AWS::ECR::Repository" and resource.get("PhysicalResourceId")
        ]
        if not repositories:
            raise Skip("no ECR repository in this stack (the spec names an image)")
        emulator.put_image(self.args.endpoint, self.region, repositories, self.variants.image_tag)
        return "pushed tag " + self.variants.image_tag + " to " + ", ".join(repositories)

    def delete(self):
        # A repository without EmptyOnDelete (the spec's default) is deleted only when empty: do
        # what the README tells a user to do first.
        resources = self.client.describe_stack_resources(StackName=self.stack)["StackResources"]
        templated = self.template.get("Resources", {}) if self.template else {}
        keeping_images = [
            resource["PhysicalResourceId"]
            for resource in resources
            if resource.get("ResourceType") == "AWS::ECR::Repository"
            and resource.get("PhysicalResourceId")
            and str(templated.get(resource["LogicalResourceId"], {}).get("Properties", {}).get("EmptyOnDelete", False)).lower() != "true"
        ]
        emptied = emulator.empty_repositories(self.args.endpoint, self.region, keeping_images)
        undeleted = {}
        for resource in resources:
            if resource.get("ResourceType") in emulator.MOTO_CFN_NO_DELETE and resource.get("PhysicalResourceId"):
                undeleted.setdefault(resource["ResourceType"], []).append(resource["PhysicalResourceId"])
        self.client.delete_stack(StackName=self.stack)
        self.wait("DELETE_COMPLETE")
        removed = emulator.delete_left_by_stack(self.args.endpoint, self.region, undeleted)
        kept = emulator.leftovers(self.args.endpoint, self.region, self.template)
        first = "emptied first (no image.delete_images_on_destroy): " + ", ".join(emptied) + "; " if emptied else ""
        after = "; left by the emulator's CloudFormation and deleted as AWS would: " + ", ".join(removed) if removed else ""
        return first + "DELETE_COMPLETE" + after + ("; kept: " + ", ".join(kept) if kept else "")

    def lifecycle(self):
        steps, variants = self.steps, self.variants
        steps.run("create", self.create)
        steps.run("no-op update", self.no_op_update)
        steps.run("push image (ECR put_image)", self.push_image)
        for label, change in self.variants.changes_to_run(steps):
            self.update(label, change())
        unprotect = variants.unprotect()
        if unprotect:
            # README's order: update with deletion_protection: false, then delete. The emulator's
            # CloudFormation cannot update a load balancer (SKIP) and ignores its
            # LoadBalancerAttributes, so its load balancer was never protected.
            self.update("deletion protection off before delete", unprotect)
        steps.run("delete", self.delete)
        variants.reset()
        steps.run("create again after delete", self.create)

    def recheck(self, after):
        """The stack this environment's lifecycle left (its last step, create again) after the
        later environments' lifecycles in the same emulator: still complete, every resource it
        lists still exists, an unchanged spec's change set is empty, no load balancer name twice."""

        def run():
            stack = self.client.describe_stacks(StackName=self.stack)["Stacks"][0]
            if stack["StackStatus"] not in ("CREATE_COMPLETE", "UPDATE_COMPLETE"):
                raise StepFailed(f"stack {self.stack} is {stack['StackStatus']}")
            resources = self.client.describe_stack_resources(StackName=self.stack)["StackResources"]
            missing = emulator.missing_stack_resources(self.args.endpoint, self.region, resources)
            if missing:
                raise StepFailed(f"stack {self.stack} lists resources that no longer exist: " + ", ".join(missing))
            detail = self.no_op_update()
            return (
                f"stack {self.stack} {stack['StackStatus']}, {len(resources)} resources exist; "
                + same_account_names(self.args.endpoint, self.region)
                + f" (no-op change set: {detail})"
            )

        self.steps.run(f"same account: still deployed after {after}", run)


def cfn_replacements(old, new):
    problems = []
    if old is None:
        return problems
    for name, resource in new.get("Resources", {}).items():
        previous = old.get("Resources", {}).get(name)
        if previous is None or previous.get("Type") != resource.get("Type"):
            continue
        replacing = replacement_properties(resource.get("Type"))
        properties = resource.get("Properties", {})
        before = previous.get("Properties", {})
        names = [key for key in replacing if key.endswith("Name") and key in properties]
        changed = [key for key in replacing if properties.get(key) != before.get(key)]
        # A replacement that also changes the custom name is allowed: CloudFormation creates the
        # new resource under its new name, moves the references to it, then deletes the old one.
        # Only a replacement under the same name collides.
        name_kept = all(properties.get(key) == before.get(key) for key in names)
        if names and changed and name_kept:
            problems.append(
                f"{name} ({resource['Type']}, custom {names[0]}) needs replacement for {', '.join(changed)}: "
                "CloudFormation cannot update a stack when a custom-named resource requires replacing"
            )
    return problems


def same_account_names(endpoint, region):
    """The emulator does not refuse a second load balancer with an existing name (AWS does): with
    every environment deployed, check that none shares one."""
    names = emulator.load_balancer_names(endpoint, region)
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        raise StepFailed("load balancer names used twice in one account and region: " + ", ".join(repeated))
    return f"{len(names)} load balancers in the emulator, no name twice"


def fail_if(problems, prefix):
    if problems:
        raise StepFailed(prefix + "; ".join(problems))


def skip(reason):
    raise Skip(reason)


# ---------------------------------------------------------------- main


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tool", choices=["terraform", "cloudformation"], required=True)
    parser.add_argument("--spec", required=True)
    parser.add_argument("--endpoint", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--ecsgen", required=True)
    parser.add_argument("--mirror", default="")
    parser.add_argument("--results", required=True)
    parser.add_argument("--env", default=None, help="one environment of a spec with `environments:`")
    parser.add_argument(
        "--network", default=None,
        help="a file holding the emulator network shared by the environments of one emulator (created by the first)",
    )
    parser.add_argument(
        "--recheck", action="store_true",
        help="only check that the deployment left in WORK by an earlier run is unchanged",
    )
    parser.add_argument(
        "--skip-changes", default="", metavar="ENV",
        help="skip the change steps (the environment ENV of the same spec ran them)",
    )
    parser.add_argument("--after", default="", help="with --recheck: the environments deployed since (for the step name)")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, stop)
    args.ecsgen = os.path.abspath(args.ecsgen)
    os.makedirs(args.work, exist_ok=True)

    root = specvariant.load(args.spec)
    if args.env and args.env not in specvariant.environment_names(root):
        print(f"{args.spec} has no environment {args.env!r}", file=sys.stderr)
        return 2
    region = spec_region(args.spec, args.env)
    service = specvariant.value_of(root, "name")
    steps = Steps(args.tool, f"{service}/{args.env}" if args.env else service, args.results)
    network = {}
    # The network of a later run in the same work directory (--recheck), or of another
    # environment in the same emulator and region (--network), is reused.
    network_file = os.path.join(args.work, "network.json") if args.recheck else args.network

    def prepare():
        detail = None
        if network_file and os.path.exists(network_file):
            with open(network_file, encoding="utf-8") as handle:
                shared = json.load(handle)
            if shared.get("region") == region:
                network.update(shared)
                detail = f"region {region}, vpc {network['vpc_id']} (shared with the environments before)"
        if args.recheck:
            if detail is None:
                raise StepFailed(f"no network.json in {args.work}: the environment's lifecycle did not get that far")
            return detail
        if detail is None:
            network.update(emulator.prepare(args.endpoint, region, root), region=region)
            detail = f"region {region}, vpc {network['vpc_id']}"
        # Kept for --recheck of this work directory, and for the next environment (--network).
        for path in {network_file, os.path.join(args.work, "network.json")} - {None}:
            with open(path, "w", encoding="utf-8") as handle:
                json.dump(network, handle)
        return detail

    if args.recheck:
        if not prepare_quietly(steps, prepare):
            return 1
        variants = Variants(args, network)
        if args.tool == "terraform":
            Terraform(args, steps, variants, region).recheck(args.after)
        else:
            CloudFormation(args, steps, variants, region).recheck(args.after)
        return 1 if steps.failed else 0
    if not steps.run("emulator: network and prerequisites", prepare):
        return 1
    variants = Variants(args, network)
    for note in variants.notes:
        steps.record("spec variant", "PASS", 0, note)
    if args.tool == "terraform":
        Terraform(args, steps, variants, region).lifecycle()
    else:
        CloudFormation(args, steps, variants, region).lifecycle()
    return 1 if steps.failed else 0


def prepare_quietly(steps, prepare):
    """The recheck's network, read back without a result line of its own (FAIL when missing)."""
    try:
        prepare()
        return True
    except StepFailed as failure:
        steps.record("same account: still deployed", "FAIL", 0, str(failure))
        return False


if __name__ == "__main__":
    sys.exit(main())
