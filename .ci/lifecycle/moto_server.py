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

Everything else is moto's own server, unchanged:

  python moto_server.py -H 127.0.0.1 -p PORT
"""

import json
import sys

from moto.applicationautoscaling.responses import ApplicationAutoScalingResponse
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


StepFunctionResponse.validate_state_machine_definition = validate_state_machine_definition
StepFunctionResponse.list_state_machine_versions = list_state_machine_versions
Queue._set_attributes = set_queue_attributes
Queue.attributes = property(queue_attributes)
HostedZoneIdentifier.generate = generate_zone_id
ApplicationAutoScalingResponse.register_scalable_target = register_scalable_target
ApplicationAutoScalingResponse.list_tags_for_resource = list_tags_for_resource
ApplicationAutoScalingResponse.tag_resource = tag_resource
ApplicationAutoScalingResponse.untag_resource = untag_resource

if __name__ == "__main__":
    main(sys.argv[1:])
