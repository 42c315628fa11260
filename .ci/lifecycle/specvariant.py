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


def load(path):
    with open(path, encoding="utf-8") as handle:
        return yaml.compose(handle)


def dump(node, path):
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(yaml.serialize(node))


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


def replace_network(root, network):
    """Points every network ID the spec fixes at the emulator's (vpc, subnets, security groups).

    specs/production.yaml names real-looking IDs that do not exist in the emulator; the
    variant keeps every other key. Returns the keys it replaced.
    """
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
        if child(spec_network, key) is not None:
            put(spec_network, key, value)
            replaced.append(f"network.{key}")
    egress = child(spec_network, "egress")
    if isinstance(egress, yaml.SequenceNode):
        for rule in egress.value:
            for key, value in (
                ("security_groups", [network["security_group_id"]]),
                ("prefix_lists", [network["prefix_list_id"]]),
            ):
                if child(rule, key) is not None:
                    put(rule, key, value)
                    if f"network.egress[].{key}" not in replaced:
                        replaced.append(f"network.egress[].{key}")
    return replaced


def replace_load_balancer_ids(root, network):
    """Points load_balancer.certificate_arn and load_balancer.hosted_zone_id at a certificate and
    a hosted zone that exist in the emulator (its load balancer refuses a listener whose
    certificate it does not hold; Route 53 a record in a zone it does not hold). Returns the keys
    replaced."""
    load_balancer = child(root, "load_balancer")
    replaced = []
    for key, value in (("certificate_arn", network.get("certificate_arn")), ("hosted_zone_id", network.get("hosted_zone_id"))):
        if value and child(load_balancer, key) is not None:
            put(load_balancer, key, value)
            replaced.append(f"load_balancer.{key}")
    return replaced


def bump_image(root):
    """A new image for specs that name one (`image: REPO:TAG`). Returns False for `image.build`,
    whose tag comes from the image_tag input instead."""
    image = child(root, "image")
    if isinstance(image, yaml.ScalarNode):
        reference = image.value
        if "@" in reference:
            reference = reference.split("@", 1)[0] + ":lifecycle-2"
        elif ":" in reference.rsplit("/", 1)[-1]:
            reference = reference.rsplit(":", 1)[0] + ":lifecycle-2"
        else:
            reference = reference + ":lifecycle-2"
        put(root, "image", reference)
        return True
    return False


def bump_port(root):
    port = int(value_of(root, "port"))
    new = port + 1 if port < 65535 else port - 1
    put(root, "port", new)
    return port, new


def flip_public(root, vpc_cidr):
    """public -> internal (with the allowed_cidrs an internal load balancer requires), or
    internal -> public for a spec that is internal already. Returns the new value of `public`."""
    load_balancer = ensure_mapping(root, "load_balancer")
    public = value_of(load_balancer, "public")
    now_public = public is None or public == "true"
    if now_public:
        put(load_balancer, "public", False)
        put(load_balancer, "allowed_cidrs", [vpc_cidr])
        return False
    put(load_balancer, "public", True)
    return True
