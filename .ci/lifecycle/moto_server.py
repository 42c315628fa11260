"""moto_server, plus the Application Auto Scaling tag calls that moto does not implement, and
Route 53 hosted zone IDs shaped like AWS's.

moto 5.2 answers Application Auto Scaling ListTagsForResource, TagResource and UntagResource with
HTTP 500 ("has not been implemented"), and drops the Tags of RegisterScalableTarget. The AWS
provider lists a scalable target's tags after every create and read, so without them no spec with
`autoscaling` could be applied at all. This wrapper adds the three calls (tags kept in memory,
keyed by the target's ARN).

moto's hosted zone IDs are 22 random letters and digits; AWS's start with `Z`, and ecsgen's
`load_balancer.hosted_zone_id` rule (rightly) asks for that, so the wrapper makes the first
character a `Z`.

SQS (workers and jobs, issue 13): moto stores a queue's RedriveAllowPolicy but GetQueueAttributes
never returns it (it is not in moto's list of readable attributes), so the provider reads the
dead-letter queue's redrive allow policy back as empty and plans it again; and moto's
SetQueueAttributes replaces the queue's Policy with whatever the call holds (None when it does
not name Policy), while AWS changes only the attributes named; and moto returns RedrivePolicy
with spaces after `:` and `,` where AWS returns compact JSON. The wrapper returns
RedriveAllowPolicy, keeps Policy unless the call names it, and returns RedrivePolicy compact.

Step Functions (jobs, issue 13): moto 5.2 answers ValidateStateMachineDefinition and
ListStateMachineVersions with HTTP 500 (not implemented). Provider 5.100 validates every state
machine definition while planning, so no job could be planned at all. The wrapper answers the
validation with `OK` and no diagnostics (the check does not validate ASL; the definition is a
golden with unit tests) and lists no versions (ecsgen does not publish versions).

ECS (issue 14): moto 5.2's CreateService keeps only the launch type, load balancers, network and
a few more of the request; it drops capacityProviderStrategy, enableExecuteCommand and
deploymentConfiguration (with its deployment alarms), and defaults the launch type to EC2.
DescribeServices then reads them back as empty, so the provider plans a capacity provider
strategy again (a replacement) and the alarms and ECS Exec as changes. AWS stores and returns
what CreateService was sent, and a service created with a capacity provider strategy has no
launch type. The wrapper keeps those request fields on the service, as moto's own UpdateService
does (it sets every field the call names), and leaves the launch type empty when the request
names a strategy instead of a launch type.

ELBv2 (issue 14): moto's DeleteLoadBalancer deletes a load balancer whose
deletion_protection.enabled attribute is true. AWS refuses (OperationNotPermitted) until the
attribute is set to false, which is why README tells users to apply `deletion_protection: false`
before destroying. The wrapper refuses as AWS does, so the check proves that order instead of
passing a destroy that would fail in AWS.

CloudFormation listener rules (issue 14): moto's update handler for
AWS::ElasticLoadBalancingV2::ListenerRule applies new conditions and actions but ignores a new
Priority, and reports UPDATE_COMPLETE. In AWS Priority is not a create-only property of the type
(its registry schema lists only ListenerArn), so CloudFormation changes it in place, as
SetRulePriorities does. The wrapper sets the new priority through moto's own SetRulePriorities
(which refuses a priority in use, as AWS does).

Everything else is moto's own server, unchanged:

  python moto_server.py -H 127.0.0.1 -p PORT
"""

import json
import sys

from moto.applicationautoscaling.responses import ApplicationAutoScalingResponse
from moto.ecs.responses import EC2ContainerServiceResponse
from moto.elbv2.exceptions import ELBClientError
from moto.elbv2.models import ELBv2Backend, FakeListenerRule, elbv2_backends
from moto.core.utils import camelcase_to_underscores
from moto.route53.models import HostedZoneIdentifier
from moto.server import main
from moto.sqs.models import Queue
from moto.stepfunctions.responses import StepFunctionResponse

TAGS = {}
_register = ApplicationAutoScalingResponse.register_scalable_target


def register_scalable_target(self):
    body = _register(self)
    arn = json.loads(body).get("ScalableTargetARN")
    if arn and self._get_param("Tags"):
        TAGS.setdefault(arn, {}).update(self._get_param("Tags"))
    return body


def list_tags_for_resource(self):
    return json.dumps({"Tags": TAGS.get(self._get_param("ResourceARN"), {})})


def tag_resource(self):
    TAGS.setdefault(self._get_param("ResourceARN"), {}).update(self._get_param("Tags") or {})
    return "{}"


def untag_resource(self):
    tags = TAGS.get(self._get_param("ResourceARN"), {})
    for key in self._get_param("TagKeys") or []:
        tags.pop(key, None)
    return "{}"


_generate = HostedZoneIdentifier.generate


def generate_zone_id(self, *args, **kwargs):
    return "Z" + _generate(self, *args, **kwargs)[1:]


_set_attributes = Queue._set_attributes
_queue_attributes = Queue.attributes


def set_queue_attributes(self, attributes, now=None):
    policy = getattr(self, "policy", None)
    _set_attributes(self, attributes, now)
    if "Policy" not in attributes:
        self.policy = policy
    elif not attributes["Policy"]:
        self.policy = None


def queue_attributes(self):
    result = _queue_attributes.fget(self)
    if not result.get("RedriveAllowPolicy"):
        result.pop("RedriveAllowPolicy", None)
    if self.redrive_policy:
        # As AWS returns it (compact JSON); moto's json.dumps adds spaces, which the provider
        # plans as a change of the queue's redrive_policy ("whitespace changes").
        result["RedrivePolicy"] = json.dumps(self.redrive_policy, separators=(",", ":"))
    return result


# A readable attribute name (GetQueueAttributes refuses names outside these lists), unset by default.
Queue.BASE_ATTRIBUTES = Queue.BASE_ATTRIBUTES + ["RedriveAllowPolicy"]
Queue.redrive_allow_policy = None


def validate_state_machine_definition(self):
    return json.dumps({"result": "OK", "diagnostics": [], "truncated": False})


def list_state_machine_versions(self):
    return json.dumps({"stateMachineVersions": []})


# CreateService request fields moto's CreateService drops (UpdateService stores them under these
# snake_case names, which DescribeServices serializes).
_KEPT_SERVICE_FIELDS = (
    "capacityProviderStrategy",
    "enableExecuteCommand",
    "deploymentConfiguration",
)
_create_service = EC2ContainerServiceResponse.create_service


def create_service(self):
    result = _create_service(self)
    service = self.ecs_backend._get_service(self._get_param("cluster", "default"), self._get_param("serviceName"))
    for field in _KEPT_SERVICE_FIELDS:
        value = self._get_param(field)
        if value is not None:
            setattr(service, camelcase_to_underscores(field), value)
    if self._get_param("capacityProviderStrategy") and not self._get_param("launchType"):
        # AWS: a service placed by capacity providers reports no launch type (moto says EC2).
        service.launch_type = None
        for deployment in service.deployments:
            deployment["launchType"] = None
            deployment["capacityProviderStrategy"] = self._get_param("capacityProviderStrategy")
    return result


_delete_load_balancer = ELBv2Backend.delete_load_balancer


def delete_load_balancer(self, arn):
    balancer = self.load_balancers.get(arn)
    if balancer is not None and balancer.attrs.get("deletion_protection.enabled") == "true":
        raise ELBClientError(
            "OperationNotPermitted",
            f"Load balancer '{arn}' cannot be deleted because deletion protection is enabled",
        )
    return _delete_load_balancer(self, arn)


_update_listener_rule = FakeListenerRule.update_from_cloudformation_json.__func__


def update_listener_rule(cls, original_resource, new_resource_name, cloudformation_json, account_id, region_name):
    rule = _update_listener_rule(cls, original_resource, new_resource_name, cloudformation_json, account_id, region_name)
    priority = cloudformation_json["Properties"].get("Priority")
    if priority is not None and str(priority) != str(original_resource.priority):
        elbv2_backends[account_id][region_name].set_rule_priorities([{"RuleArn": original_resource.arn, "Priority": int(priority)}])
    return rule


StepFunctionResponse.validate_state_machine_definition = validate_state_machine_definition
StepFunctionResponse.list_state_machine_versions = list_state_machine_versions
Queue._set_attributes = set_queue_attributes
Queue.attributes = property(queue_attributes)
HostedZoneIdentifier.generate = generate_zone_id
ApplicationAutoScalingResponse.register_scalable_target = register_scalable_target
EC2ContainerServiceResponse.create_service = create_service
ELBv2Backend.delete_load_balancer = delete_load_balancer
FakeListenerRule.update_from_cloudformation_json = classmethod(update_listener_rule)
ApplicationAutoScalingResponse.list_tags_for_resource = list_tags_for_resource
ApplicationAutoScalingResponse.tag_resource = tag_resource
ApplicationAutoScalingResponse.untag_resource = untag_resource

if __name__ == "__main__":
    main(sys.argv[1:])
