"""Scratch variants of a spec for the lifecycle check (.ci/check-deploy).

The spec is edited as a YAML node tree (yaml.compose / yaml.serialize), never loaded into Python
values and dumped again: a round trip through Python values would turn `FEATURE: on` into `true`
and drop quotes that ecsgen relies on. Only the keys the check changes are touched.
"""

import yaml

STR = "tag:yaml.org,2002:str"
INT = "tag:yaml.org,2002:int"
BOOL = "tag:yaml.org,2002:bool"
SEQ = "tag:yaml.org,2002:seq"
MAP = "tag:yaml.org,2002:map"
NULL = "tag:yaml.org,2002:null"


def load(path):
    with open(path, encoding="utf-8") as handle:
        return yaml.compose(handle)


def dump(node, path):
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(yaml.serialize(node))


def written(node):
    """False for a missing key and for a null value (`key: ~`, which in an override removes the
    inherited value and must stay a removal)."""
    if node is None:
        return False
    return not (isinstance(node, yaml.ScalarNode) and (node.tag == NULL or node.value in ("", "~", "null") and not node.style))


def child(mapping, key):
    """The value node of `key` in a mapping node, or None."""
    if not isinstance(mapping, yaml.MappingNode):
        return None
    for key_node, value_node in mapping.value:
        if key_node.value == key:
            return value_node
    return None


def scalar(value):
    if isinstance(value, bool):
        return yaml.ScalarNode(BOOL, "true" if value else "false")
    if isinstance(value, int):
        return yaml.ScalarNode(INT, str(value))
    return yaml.ScalarNode(STR, str(value), style='"')


def node_for(value):
    if isinstance(value, list):
        return yaml.SequenceNode(SEQ, [node_for(item) for item in value], flow_style=True)
    return scalar(value)


def put(mapping, key, value):
    """Sets `key` in a mapping node to a Python scalar or list of scalars."""
    new = node_for(value)
    for index, (key_node, _) in enumerate(mapping.value):
        if key_node.value == key:
            mapping.value[index] = (key_node, new)
            return
    mapping.value.append((yaml.ScalarNode(STR, key), new))


def ensure_mapping(mapping, key):
    existing = child(mapping, key)
    if isinstance(existing, yaml.MappingNode):
        return existing
    new = yaml.MappingNode(MAP, [])
    for index, (key_node, _) in enumerate(mapping.value):
        if key_node.value == key:
            mapping.value[index] = (key_node, new)
            return new
    mapping.value.append((yaml.ScalarNode(STR, key), new))
    return new


def value_of(mapping, *path):
    """The plain value at a key path: a string, a list of strings, or None."""
    node = mapping
    for key in path:
        node = child(node, key)
        if node is None:
            return None
    if isinstance(node, yaml.ScalarNode):
        return node.value
    if isinstance(node, yaml.SequenceNode):
        return [item.value for item in node.value if isinstance(item, yaml.ScalarNode)]
    return node


def environment_names(root):
    """The keys of the spec's `environments:` mapping, in the order written ([] without it)."""
    environments = child(root, "environments")
    if not isinstance(environments, yaml.MappingNode):
        return []
    return [key_node.value for key_node, _ in environments.value]


def overrides(root):
    """The override mapping of every environment: [(name, mapping node)] ([] without any)."""
    environments = child(root, "environments")
    if not isinstance(environments, yaml.MappingNode):
        return []
    return [(key.value, value) for key, value in environments.value if isinstance(value, yaml.MappingNode)]


def layers(root):
    """The base spec and every environment's overrides: a value a check must replace can be written
    in any of them (prod's own network and certificate in an override)."""
    return [root] + [override for _, override in overrides(root)]


def values_everywhere(root, *path):
    """The plain values at a key path in the base and in every override, those that are written."""
    found = []
    for layer in layers(root):
        value = value_of(layer, *path)
        if value is not None and not (isinstance(value, str) and value in ("", "~", "null")):
            found.append(value)
    return found


def effective_value(root, environment, *path):
    """The value at a key path as environment ENV sees it after the merge: the override's when it
    writes the key, else the base's (an override written as null removes it)."""
    if environment:
        override = value_of(root, "environments", environment, *path)
        if override is not None:
            return None if isinstance(override, str) and override in ("", "~", "null") else override
    return value_of(root, *path)


def put_effective(root, environment, path, value):
    """Sets a key path so that the merged spec of ENV reads VALUE: in ENV's override when it
    writes that key (even as null, which removes the inherited value), else in the base (creating
    the mappings on the way)."""
    *parents, key = path
    if environment:
        override = value_of(root, "environments", environment, *parents)
        if isinstance(override, yaml.MappingNode) and child(override, key) is not None:
            put(override, key, value)
            return
    target = root
    for parent in parents:
        target = ensure_mapping(target, parent)
    put(target, key, value)


def replace_network(root, network):
    """Points every network ID the spec fixes at the emulator's (vpc, subnets, security groups),
    in the base and in every environment's overrides.

    specs/production.yaml names real-looking IDs that do not exist in the emulator; the
    variant keeps every other key. Returns the keys it replaced.
    """
    replaced = []
    for label, layer in [("", root)] + [(f"environments.{name}.", override) for name, override in overrides(root)]:
        replaced += [label + key for key in _replace_network(layer, network)]
    return replaced


def _replace_network(root, network):
    spec_network = child(root, "network")
    replaced = []
    if not isinstance(spec_network, yaml.MappingNode):
        return replaced
    for key, value in (
        ("vpc_id", network["vpc_id"]),
        ("subnets", network["task_subnet_ids"]),
        ("load_balancer_subnets", network["load_balancer_subnet_ids"]),
        ("security_groups", [network["security_group_id"]]),
    ):
        if written(child(spec_network, key)):
            put(spec_network, key, value)
            replaced.append(f"network.{key}")
    egress = child(spec_network, "egress")
    if isinstance(egress, yaml.SequenceNode):
        for rule in egress.value:
            for key, value in (
                ("security_groups", [network["security_group_id"]]),
                ("prefix_lists", [network["prefix_list_id"]]),
            ):
                if written(child(rule, key)):
                    put(rule, key, value)
                    if f"network.egress[].{key}" not in replaced:
                        replaced.append(f"network.egress[].{key}")
    return replaced


def replace_load_balancer_ids(root, network):
    """Points load_balancer.certificate_arn and load_balancer.hosted_zone_id at a certificate and
    a hosted zone that exist in the emulator (its load balancer refuses a listener whose
    certificate it does not hold; Route 53 a record in a zone it does not hold), in the base and in
    every environment's overrides (waf_acl_arn: replace_existing_ids). Returns the keys replaced."""
    replaced = []
    for label, layer in [("", root)] + [(f"environments.{name}.", override) for name, override in overrides(root)]:
        load_balancer = child(layer, "load_balancer")
        for key in ("certificate_arn", "hosted_zone_id"):
            value = network.get(key)
            current = child(load_balancer, key)
            # A null override removes the inherited value: it stays null.
            if value and written(current):
                put(load_balancer, key, value)
                replaced.append(f"{label}load_balancer.{key}")
    return replaced


def bump_image(root, environment=None):
    """A new image for specs that name one (`image: REPO:TAG`), as ENV sees it after the merge.
    Returns False for `image.build`, whose tag comes from the image_tag input instead."""
    image = effective_value(root, environment, "image")
    if isinstance(image, str):
        reference = image
        if "@" in reference:
            reference = reference.split("@", 1)[0] + ":lifecycle-2"
        elif ":" in reference.rsplit("/", 1)[-1]:
            reference = reference.rsplit(":", 1)[0] + ":lifecycle-2"
        else:
            reference = reference + ":lifecycle-2"
        put_effective(root, environment, ["image"], reference)
        return True
    return False


def bump_port(root, environment=None):
    port = int(effective_value(root, environment, "port"))
    new = port + 1 if port < 65535 else port - 1
    put_effective(root, environment, ["port"], new)
    return port, new


def flip_public(root, vpc_cidr, environment=None):
    """public -> internal (with the allowed_cidrs an internal load balancer requires), or
    internal -> public for a spec that is internal already, as ENV sees it after the merge.
    Returns the new value of `public`."""
    public = effective_value(root, environment, "load_balancer", "public")
    now_public = public is None or public == "true"
    if now_public:
        put_effective(root, environment, ["load_balancer", "public"], False)
        put_effective(root, environment, ["load_balancer", "allowed_cidrs"], [vpc_cidr])
        return False
    put_effective(root, environment, ["load_balancer", "public"], True)
    return True


# ---------------------------------------------------------------- per kind (issue 13)


def kind(root):
    """The spec's `kind` (`web` when not written; an environment may not override it)."""
    value = value_of(root, "kind")
    return value if isinstance(value, str) and value else "web"


def effective_node(root, environment, *path):
    """The node at a key path as ENV sees it (ENV's override when it writes the key, else the
    base), with the mapping that holds it: (parent mapping, node), or (None, None)."""
    *parents, key = path
    candidates = []
    if environment:
        candidates.append(value_of(root, "environments", environment, *parents))
    candidates.append(value_of(root, *parents) if parents else root)
    for parent in candidates:
        if isinstance(parent, yaml.MappingNode):
            node = child(parent, key)
            if node is not None:
                return parent, node
    return None, None


def remove(mapping, key):
    mapping.value = [(key_node, value) for key_node, value in mapping.value if key_node.value != key]


def subscriptions(root, environment=None):
    """The topic ARNs of the created queue's SNS subscriptions as ENV sees them."""
    _, node = effective_node(root, environment, "queue", "subscriptions")
    if not isinstance(node, yaml.SequenceNode):
        return []
    return [value_of(item, "topic_arn") for item in node.value]


def topic_arns_everywhere(root):
    """Every subscription's topic ARN written in the base or an override (the emulator must hold
    the topics before a queue subscribes)."""
    found = []
    for layer in layers(root):
        node = child(child(layer, "queue"), "subscriptions")
        for item in node.value if isinstance(node, yaml.SequenceNode) else []:
            arn = value_of(item, "topic_arn")
            if isinstance(arn, str) and arn not in found:
                found.append(arn)
    return found


def change_visibility(root, environment=None):
    """A longer visibility timeout (stays above any stop_timeout ecsgen allows)."""
    old = effective_value(root, environment, "queue", "visibility_timeout")
    new = "11m" if old == "10m" else "10m"
    put_effective(root, environment, ["queue", "visibility_timeout"], new)
    return f"queue.visibility_timeout {old or 'default'} -> {new}"


def remove_subscription(root, environment=None):
    """Drops the last SNS subscription (the key itself when it was the only one)."""
    parent, node = effective_node(root, environment, "queue", "subscriptions")
    removed = value_of(node.value[-1], "topic_arn")
    if len(node.value) == 1:
        remove(parent, "subscriptions")
    else:
        node.value.pop()
    return f"subscription to {removed} removed"


def turn_on_fifo(root, environment=None):
    """queue.fifo: true (a replacement: the queue and its dead-letter queue get `.fifo` names).
    A FIFO queue accepts only FIFO topics (rule queue-fifo): other subscriptions go first."""
    dropped = []
    parent, node = effective_node(root, environment, "queue", "subscriptions")
    if isinstance(node, yaml.SequenceNode):
        kept = [item for item in node.value if str(value_of(item, "topic_arn")).endswith(".fifo")]
        dropped = [value_of(item, "topic_arn") for item in node.value if item not in kept]
        if kept:
            node.value = kept
        else:
            remove(parent, "subscriptions")
    put_effective(root, environment, ["queue", "fifo"], True)
    return "queue.fifo -> true" + (" (standard topics unsubscribed: " + ", ".join(dropped) + ")" if dropped else "")


def change_schedule(root, environment=None):
    """Another expression, and another time zone when the schedule is a mapping."""
    _, node = effective_node(root, environment, "schedule")
    if isinstance(node, yaml.MappingNode):
        old = value_of(node, "expression")
        new = "rate(6 hours)" if old != "rate(6 hours)" else "rate(12 hours)"
        zone = value_of(node, "time_zone")
        new_zone = "America/New_York" if zone != "America/New_York" else "Europe/Paris"
        put(node, "expression", new)
        put(node, "time_zone", new_zone)
        return f"schedule {old} ({zone or 'UTC'}) -> {new} ({new_zone})"
    old = value_of(root, "schedule") if node is None else node.value
    new = "rate(6 hours)" if old != "rate(6 hours)" else "rate(12 hours)"
    put_effective(root, environment, ["schedule"], new)
    return f"schedule {old} -> {new}"


def change_event_pattern(root, environment=None, account="123456789012"):
    """Narrows the event pattern to one account (a top-level `account` field every pattern may
    have): the rule is updated in place."""
    _, node = effective_node(root, environment, "on", "pattern")
    put(node, "account", [account])
    return f"on.pattern gains account: [{account}]"


def change_timeout(root, environment=None):
    old = effective_value(root, environment, "timeout")
    new = "45m" if old == "30m" else "30m"
    put_effective(root, environment, ["timeout"], new)
    return f"timeout {old or 'none'} -> {new}"


# ---------------------------------------------------------------- production features (issue 14)


def strings_everywhere(root, *path):
    """The distinct string values at a key path in the base and every override, in order."""
    found = []
    for value in values_everywhere(root, *path):
        if isinstance(value, str) and value not in found:
            found.append(value)
    return found


def volumes_everywhere(root):
    """Every `volumes:` item written in the base or an override, as {key: plain value}."""
    found = []
    for layer in layers(root):
        node = child(layer, "volumes")
        for item in node.value if isinstance(node, yaml.SequenceNode) else []:
            if isinstance(item, yaml.MappingNode):
                found.append({key.value: value.value for key, value in item.value if isinstance(value, yaml.ScalarNode)})
    return found


def replace_existing_ids(root, network):
    """Points the IDs of existing resources a spec names (issue 14) at the ones
    emulator.prepare_existing created, in the base and every override: load_balancer.listener_arn,
    load_balancer.security_group, load_balancer.waf_acl_arn, volumes[].file_system,
    volumes[].access_point and volumes[].security_group. Names the user chose (access log bucket,
    alarm names) exist under those names and stay. Returns the keys replaced."""
    replaced = []
    listener_group = (network.get("listener_security_groups") or {}).get("*")
    for label, layer in [("", root)] + [(f"environments.{name}.", override) for name, override in overrides(root)]:
        load_balancer = child(layer, "load_balancer")
        for key, mapping in (
            ("listener_arn", network.get("listeners") or {}),
            ("waf_acl_arn", network.get("web_acls") or {}),
        ):
            current = child(load_balancer, key)
            if written(current) and isinstance(current, yaml.ScalarNode) and current.value in mapping:
                put(load_balancer, key, mapping[current.value])
                replaced.append(f"{label}load_balancer.{key}")
        if listener_group and written(child(load_balancer, "security_group")):
            put(load_balancer, "security_group", listener_group)
            replaced.append(f"{label}load_balancer.security_group")
        volumes = child(layer, "volumes")
        for item in volumes.value if isinstance(volumes, yaml.SequenceNode) else []:
            for key, mapping in (
                ("file_system", network.get("file_systems") or {}),
                ("access_point", network.get("access_points") or {}),
                ("security_group", network.get("efs_security_groups") or {}),
            ):
                current = child(item, key)
                if written(current) and isinstance(current, yaml.ScalarNode) and current.value in mapping:
                    put(item, key, mapping[current.value])
                    if f"{label}volumes[].{key}" not in replaced:
                        replaced.append(f"{label}volumes[].{key}")
    return replaced


def deletion_protected(root, environment=None):
    """True when ENV's merged spec turns on load_balancer.deletion_protection."""
    return str(effective_value(root, environment, "load_balancer", "deletion_protection")).lower() in ("true", "yes", "on")


def turn_off_deletion_protection(root, environment=None):
    """load_balancer.deletion_protection: false, where ENV's merged spec reads it: what README
    tells a user to apply before destroying (AWS refuses to delete a protected load balancer)."""
    put_effective(root, environment, ["load_balancer", "deletion_protection"], False)
    return "load_balancer.deletion_protection -> false"


def change_listener_priority(root, environment=None):
    """Another priority for the rule on the existing listener (an in-place update of the rule)."""
    old = effective_value(root, environment, "load_balancer", "priority")
    number = int(old) if isinstance(old, str) and old.isdigit() else 100
    new = number + 1 if number < 50000 else number - 1
    put_effective(root, environment, ["load_balancer", "priority"], new)
    return f"load_balancer.priority {old} -> {new}"
