#!/usr/bin/env python3
"""Mutation fuzzing of the ecsgen binary, as an attacker who controls a spec or a Lambda
configuration would try it.

Each case takes a bundled spec (specs/*.yaml, specs/invalid/*.yaml) or Lambda fixture
(examples/lambda/*.json), applies one to three deterministic mutations (bytes, line ends, Unicode,
numbers at and beyond every bound, wrong types, deep nesting, anchors and aliases, duplicate keys,
injection payloads, size), and runs the binary on it as a subprocess:

  spec:   `lint --format json`, `lint --format github` and `render --out TMP` of every target
  lambda: `import lambda FILE`
  copilot: `import copilot manifest.yml [--env-manifest env.yml] --out spec.yaml`, from a
           mutated Copilot fixture (examples/copilot/), workload or environment manifest

and checks, for every run: no signal (crash), at most 2 s of CPU time (user + system, measured
per child with wait4: on a shared machine wall time measures the neighbours' load as much as the
input; a run is also killed after 20 s of wall time), at most 200 MiB peak memory,
exit status 0 or 1; every diagnostic's line and column inside the file; every `--format github`
line a single well-formed workflow command; every rendered file valid in its format (YAML through
PyYAML, JSON through `json`, HCL through `terraform fmt`, in one batch at the end); and an
imported spec a YAML mapping with only the keys the importer writes; a Copilot import either
exits 1 and writes nothing, or writes a spec that `lint` passes (exit 0).

The same --seed and --cases always give the same cases (case N uses the seed `seed * 1_000_003 +
N`), so a finding is reproduced with `--first N --cases 1`. Failing inputs are kept under --keep.
The last line is `N passed, N failed`.
"""

import argparse
import hashlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import yaml

# Every target, the one-time bootstrap included (it is rendered only when named).
RENDER_TARGETS = ["--target", "terraform", "--target", "cloudformation", "--target",
                  "github-actions", "--target", "bootstrap"]
TIME_LIMIT = 2.0  # seconds of CPU time per run
WALL_LIMIT = 20.0  # seconds of wall time before a run is killed
MEMORY_LIMIT_KB = 200 * 1024  # peak resident memory per run
MAX_SPEC_BYTES = 1 << 20  # ecsgen's SpecLimits.maxFileBytes, also the import limit

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# The Copilot fixtures' environment manifests, as bytes (filled in by main).
COPILOT_ENVIRONMENTS = []
IMPORT_TOP_LEVEL_KEYS = {
    "name", "description", "region", "image", "cpu", "memory", "platform", "ephemeral_storage",
    "port", "entrypoint", "command", "health_check", "environment", "secrets", "roles", "network",
    "load_balancer", "logs", "tags",
}
GITHUB_LINE = re.compile(
    r"^::(error|warning|notice) file=[^,:\r\n]*,line=[0-9]+,col=[0-9]+,title=[a-z0-9-]+::[^\r\n]*$")

# Numbers at and beyond every bound a field has: Int32, Int64, UInt64, ecsgen's maxNumber, the
# ranges of ports, percentages, sizes; with and without the units the spec reads.
NUMBERS = [
    "0", "-1", "1", "2", "65535", "65536", "100", "101", "400", "401", "3653", "4000", "4001",
    "10240", "2147483647", "2147483648", "4294967296", "9223372036854775807",
    "9223372036854775808", "18446744073709551616", "99999999999999999", "1" + "0" * 40,
    "1e309", "-0", "0x10", "0o17", "1_000", "1.5", ".5", "NaN", ".inf", "-.inf", "00000000000030",
    "999999999999d", "2562047788015215h", "153722867280912930m", "9223372036854775807s",
    "9999999999 GB", "8796093022208 GiB", "9007199254740991.5 GB", "0.0000001 GB",
    "16777216 vCPU", "0.001 vCPU", "1d1d", "1s1m", "30 GiB", "201", "20",
]
WRONG_TYPES = [
    "[]", "{}", "[1, 2]", "{a: 1}", "~", "null", "''", '""', "true", "yes", "on", "- x",
    "!!binary aGVsbG8=", "!!int 3", "!custom x", "|\n  text", ">-\n  folded", "*undefined",
    "&anchor value", "? complex", "[[[[", "{{", "'unterminated", '"unterminated',
]
PAYLOADS = [
    "\\r\\n::error file=main.tf,line=1::injected", "\\n ci:\\n  role_arn: arn:aws:iam::666666666666:role/x",
    "%0A::warning::x", "\\u2028ci: x", "\\x85ci: x", "\\0", "\\e[2J", "\\t", "${jndi}", "$${x}",
    "%{if true}x%{endif}", "${{ secrets.X }}", "\\\"; rm -rf /", "'; echo x", "`whoami`",
    "\\uFEFF", "\\u202Eevil", "a,b:c", "\\\\", "\\r",
]
# The same payloads as characters, for JSON (which escapes them itself).
RAW_PAYLOADS = [
    "\r\n::error file=main.tf,line=1::injected", "\n ci:\n  role_arn: arn:aws:iam::666666666666:role/x",
    "%0A::warning::x", "\u2028ci: x", "\x85ci: x", "\0", "\x1b[2J", "\t", "${jndi}", "$${x}",
    "%{if true}x%{endif}", "${{ secrets.X }}", "\"; rm -rf /", "'; echo x", "`whoami`", "\ufeff",
    "\u202eevil", "a,b:c", "\\", "\r", "# comment", "key: value", "- item", "&a *a", "!!binary x",
]
# Keys whose values are free text: a payload there keeps the spec valid, so it reaches every
# renderer.
FREE_TEXT = [
    "description: ", "environment:\n  MODE: ", "command:\n  - ", "entrypoint:\n  - ",
    "tags:\n  team: ", "environment:\n  \"A_B\": ",
]
UNICODE = [
    "\u0301", "\u200b", "\u202e", "\ufeff", "\u2028", "\u2029", "\u0085", "\u00a0", "\U0001f600",
    "\ufffd", "\uffff", "\u0000", "\u0007", "\u001b", "\u007f", "\u0009", "\r", "\r\n",
    "\U0010ffff", "é", "ß", "İ", "\u3000",
]


def hostile_valid_spec(rng, text):
    """A valid spec with payloads in free-text values, so that they reach the renderers."""
    lines = [line for line in text.split("\n")
             if not line.startswith(("description:", "tags:", "command:", "entrypoint:"))]
    extra = []
    used = set()
    for _ in range(rng.randint(1, 3)):
        key = rng.choice(FREE_TEXT)
        if key.split(":")[0] in used:
            continue
        used.add(key.split(":")[0])
        value = "".join(rng.choice(PAYLOADS + [rng.choice(UNICODE).encode("unicode_escape").decode()])
                        for _ in range(rng.randint(1, 3)))
        extra.append(key + '"' + value.replace('"', '\\"') + '"')
    # Top-level keys from the original that the payload keys would duplicate are dropped above;
    # environment may exist already, so the payload goes at its end when it does.
    out = "\n".join(lines)
    for item in extra:
        head = item.split(":")[0] + ":"
        if head in lines:
            out = out.replace(
                "\n" + head + "\n", "\n" + head + "\n" + item.split("\n", 1)[1] + "\n", 1)
        else:
            out += "\n" + item
    return (out + "\n").encode("utf-8", "surrogateescape")


def mutate_spec(rng, text, corpus):
    """One to three mutations of spec text (str, may hold any scalars), returned as bytes."""
    data = text
    as_bytes = None
    for _ in range(rng.randint(1, 3)):
        kind = rng.randrange(14)
        lines = data.split("\n")
        position = rng.randrange(len(data) + 1)
        if kind == 0:  # a number at or beyond a bound, in place of a value
            data = replace_value(rng, lines, rng.choice(NUMBERS))
        elif kind == 1:  # a value of the wrong type
            data = replace_value(rng, lines, rng.choice(WRONG_TYPES))
        elif kind == 2:  # line ends: CRLF, CR only, NEL, LS, PS, or a mix
            ending = rng.choice(["\r\n", "\r", "\u0085", "\u2028", "\u2029", "\n\r", "\r\r\n"])
            if rng.random() < 0.5:
                data = data.replace("\n", ending)
            else:
                data = data[:position] + ending + data[position:]
        elif kind == 3:  # Unicode scalars anywhere
            data = data[:position] + rng.choice(UNICODE) + data[position:]
        elif kind == 4:  # deep nesting: brackets or indentation
            depth = rng.choice([50, 99, 100, 101, 150, 1000, 20000])
            if rng.random() < 0.5:
                nested = "[" * depth + "]" * depth * rng.randint(0, 1)
            else:
                nested = "\n".join(" " * (2 * i) + "- x:" for i in range(min(depth, 3000)))
            data = replace_value(rng, lines, nested if nested.startswith("[") else "\n" + nested)
        elif kind == 5:  # anchors and aliases: bombs as values or keys, undefined, recursive
            data = data + "\n" + alias_bomb(rng)
        elif kind == 6:  # a duplicate key
            line = rng.choice(lines)
            data = "\n".join(lines + [line]) if rng.random() < 0.5 else data.replace(
                line, line + "\n" + line, 1)
        elif kind == 7:  # an injection payload inside a double-quoted value
            data = replace_value(rng, lines, '"x' + rng.choice(PAYLOADS) + '"')
        elif kind == 8:  # a line of another spec
            other = rng.choice(corpus).split("\n")
            index = rng.randrange(len(lines) + 1)
            data = "\n".join(lines[:index] + [rng.choice(other)] + lines[index:])
        elif kind == 9:  # truncation
            data = data[:position]
        elif kind == 10:  # size: many lines or keys, near and over the 1 MiB limit
            line = rng.choice(lines) or "k: v"
            target = rng.choice([100_000, 600_000, MAX_SPEC_BYTES - len(data), MAX_SPEC_BYTES + 1])
            if rng.random() < 0.5:
                line = "unknown_%d_key: 1"
            repeated = []
            size = len(data)
            count = 0
            while size < target:
                item = line % count if "%d" in line else line
                repeated.append(item)
                size += len(item.encode("utf-8", "surrogateescape")) + 1
                count += 1
            data = data + "\n" + "\n".join(repeated)
        elif kind == 11:  # indentation with tabs
            index = rng.randrange(len(lines))
            lines[index] = "\t" + lines[index]
            data = "\n".join(lines)
        elif kind == 12:  # a long string or key
            long = "a" * rng.choice([1023, 1024, 1025, 70_000])
            data = replace_value(rng, lines, long) if rng.random() < 0.5 else data + "\n" + long + ": 1"
        else:  # raw bytes: flips, inserts (invalid UTF-8), deletions
            as_bytes = bytearray((as_bytes or data.encode("utf-8", "surrogatepass")))
            for _ in range(rng.randint(1, 8)):
                where = rng.randrange(len(as_bytes) + 1)
                action = rng.randrange(3)
                if action == 0 and where < len(as_bytes):
                    as_bytes[where] ^= 1 << rng.randrange(8)
                elif action == 1:
                    as_bytes[where:where] = bytes([rng.randrange(256)])
                elif where < len(as_bytes):
                    del as_bytes[where]
            data = as_bytes.decode("utf-8", "surrogateescape")
    return data.encode("utf-8", "surrogateescape")


def replace_value(rng, lines, value):
    """Puts `value` after the `: ` of a random `key: value` line (or appends `key: value`)."""
    candidates = [i for i, line in enumerate(lines) if ": " in line or line.rstrip().endswith(":")]
    if not candidates:
        return "\n".join(lines + ["count: " + value])
    index = rng.choice(candidates)
    line = lines[index]
    key = line.split(":", 1)[0]
    lines[index] = key + ": " + value
    return "\n".join(lines)


def alias_bomb(rng):
    levels = rng.choice([3, 6, 9])
    prefix = rng.choice(["", "  "])
    out = [f"{prefix}l0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, levels):
        out.append(f"{prefix}l{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 10) + "]")
    use = rng.randrange(4)
    if use == 0:
        out.append(f"{prefix}*a{levels - 1} : key")  # an alias as a key
    elif use == 1:
        out.append(f"{prefix}? *a{levels - 1}\n{prefix}: x")
    elif use == 2:
        out.append(f"{prefix}u: *undefined")
    else:
        out.insert(0, "- k: |\n    text")  # the bomb after a block scalar in a sequence
    return "\n".join(out)


def mutate_lambda(rng, text):
    """A mutated Lambda configuration (bytes)."""
    try:
        document = json.loads(text)
    except ValueError:
        document = {}
    kind = rng.randrange(6)
    configuration = document.get("Configuration", document) if isinstance(document, dict) else {}
    fields = ["FunctionName", "Description", "Role", "Handler", "Runtime", "MemorySize", "Timeout",
              "PackageType", "Architectures", "EphemeralStorage", "Environment", "VpcConfig",
              "LoggingConfig", "Layers", "DeadLetterConfig", "SnapStart", "KMSKeyArn",
              "TracingConfig", "FileSystemConfigs", "FunctionArn"]
    payload = rng.choice(RAW_PAYLOADS)
    number = rng.choice([0, -1, 1, 511, 512, 10240, 10241, 2**31, 2**63 - 1, 2**63, 2**64,
                         -2**63, 1e308, 1.5, float("nan") if rng.random() < 0.1 else 3])
    if kind == 0:  # a field set to a hostile string
        field = rng.choice(fields)
        configuration[field] = rng.choice([payload, "x" + payload + "y", payload * 50])
    elif kind == 1:  # a number at or beyond a bound
        field = rng.choice(["MemorySize", "Timeout", "EphemeralStorage"])
        configuration[field] = {"Size": number} if field == "EphemeralStorage" else number
    elif kind == 2:  # a wrong type
        field = rng.choice(fields)
        configuration[field] = rng.choice([None, [], {}, [1, 2], {"a": {"b": []}}, True, "", 0])
    elif kind == 3:  # environment variables with hostile names and values
        variables = configuration.setdefault("Environment", {}).setdefault("Variables", {})
        if isinstance(variables, dict):
            for _ in range(rng.randint(1, 5)):
                name = rng.choice(["PORT", "AWS_LWA_PORT", "DB_PASSWORD", "X" + payload, payload])
                variables[name] = rng.choice([payload, str(number), "8080", "-1", ""])
    elif kind == 4:  # deep nesting or a huge file
        depth = rng.choice([100, 1000, 100_000])
        if rng.random() < 0.5:
            return ("[" * depth + "]" * depth).encode()
        configuration["Description"] = "d" * rng.choice([1000, MAX_SPEC_BYTES + 1])
    else:  # bytes
        raw = bytearray(text.encode())
        for _ in range(rng.randint(1, 8)):
            where = rng.randrange(len(raw) + 1)
            raw[where:where] = bytes([rng.randrange(256)])
        return bytes(raw)
    return json.dumps(document, allow_nan=True).encode()


class Runner:
    """Runs the binary with per-child time and peak memory (wait4), collecting findings."""

    def __init__(self, binary, keep):
        self.binary = binary
        self.keep = keep
        self.findings = []
        self.peak_kb = 0
        self.slowest = 0.0
        self.slowest_wall = 0.0
        self.slowest_case = (0.0, "")
        self.largest_case = (0, "")
        self.runs = 0
        self.lock = threading.Lock()
        self.tf_dir = tempfile.mkdtemp(prefix="ecsgen-fuzz-tf-")
        self.seen_tf = set()

    def run(self, args, cwd):
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
            start = time.monotonic()
            process = subprocess.Popen([self.binary] + args, cwd=cwd, stdin=subprocess.DEVNULL,
                                       stdout=out, stderr=err, env={**os.environ, "NO_COLOR": "1"})
            timer = threading.Timer(WALL_LIMIT, process.kill)
            timer.start()
            _, status, usage = os.wait4(process.pid, 0)
            timer.cancel()
            process.returncode = os.waitstatus_to_exitcode(status)
            wall = time.monotonic() - start
            elapsed = usage.ru_utime + usage.ru_stime
            out.seek(0)
            err.seek(0)
            with self.lock:
                self.runs += 1
                self.peak_kb = max(self.peak_kb, usage.ru_maxrss)
                self.slowest = max(self.slowest, elapsed)
                self.slowest_wall = max(self.slowest_wall, wall)
            if wall > WALL_LIMIT:
                elapsed = max(elapsed, wall)
            return process.returncode, out.read(), err.read(), elapsed, usage.ru_maxrss

    def finding(self, case, what, data, suffix):
        with self.lock:
            self.findings.append(f"case {case}: {what}")
            if self.keep:
                os.makedirs(self.keep, exist_ok=True)
                with open(os.path.join(self.keep, f"case-{case}{suffix}"), "wb") as f:
                    f.write(data)

    def check_run(self, case, command, result, data, suffix, allowed=(0, 1)):
        status, _, err, elapsed, rss = result
        with self.lock:
            if elapsed >= self.slowest_case[0]:
                self.slowest_case = (elapsed, f"case {case}, {command}")
            if rss >= self.largest_case[0]:
                self.largest_case = (rss, f"case {case}, {command}")
        problems = []
        if status < 0:
            problems.append(f"{command}: killed by signal {-status}: {err[-300:]!r}")
        elif status not in allowed:
            problems.append(f"{command}: exit {status}: {err[-300:]!r}")
        if elapsed > TIME_LIMIT:
            problems.append(f"{command}: took {elapsed:.2f} s of CPU time")
        if rss > MEMORY_LIMIT_KB:
            problems.append(f"{command}: peak memory {rss // 1024} MiB")
        for problem in problems:
            self.finding(case, problem, data, suffix)
        return not problems

    def spec_case(self, case, data, workdir):
        path = os.path.join(workdir, "spec.yaml")
        with open(path, "wb") as f:
            f.write(data)
        lines = data.split(b"\n")
        result = self.run(["lint", "--format", "json", "spec.yaml"], workdir)
        if self.check_run(case, "lint --format json", result, data, ".yaml"):
            try:
                diagnostics = json.loads(result[1])
            except ValueError as error:
                self.finding(case, f"lint json output is not JSON: {error}", data, ".yaml")
                diagnostics = []
            for d in diagnostics:
                line, column = d.get("line", 0), d.get("column", 0)
                # Columns count scalars, which are never more than the line's bytes.
                if not (1 <= line <= len(lines)) or not (1 <= column <= len(lines[line - 1]) + 1):
                    self.finding(case, f"position {line}:{column} outside the file "
                                 f"({len(lines)} lines) [{d.get('rule')}]", data, ".yaml")
        result = self.run(["lint", "--format", "github", "spec.yaml"], workdir)
        if self.check_run(case, "lint --format github", result, data, ".yaml"):
            for line in result[1].decode("utf-8", "replace").split("\n")[:-1]:
                if not GITHUB_LINE.match(line):
                    self.finding(case, f"github line is not one command: {line[:200]!r}", data,
                                 ".yaml")
        out = os.path.join(workdir, "out")
        result = self.run(["render", "spec.yaml", "--out", out] + RENDER_TARGETS, workdir)
        if self.check_run(case, "render", result, data, ".yaml"):
            self.check_outputs(case, out, data)

    def check_outputs(self, case, out, data):
        for folder, _, files in os.walk(out):
            for name in files:
                path = os.path.join(folder, name)
                with open(path, "rb") as f:
                    content = f.read()
                try:
                    if name.endswith(".yml"):
                        if not isinstance(yaml.safe_load(content.decode("utf-8")), dict):
                            raise ValueError("not a mapping")
                    elif name.endswith(".json"):
                        json.loads(content.decode("utf-8"))
                    elif name.endswith(".tf"):
                        digest = hashlib.sha1(content).hexdigest()
                        with self.lock:
                            if digest not in self.seen_tf:
                                self.seen_tf.add(digest)
                                with open(os.path.join(self.tf_dir, f"{case}-{digest[:12]}.tf"),
                                          "wb") as f:
                                    f.write(content)
                    elif "ecsgen-tmp" in name:
                        raise ValueError("temporary file left behind")
                except Exception as error:  # any parse failure is a finding
                    self.finding(case, f"invalid output {name}: {str(error)[:200]}", data, ".yaml")

    def lambda_case(self, case, data, workdir):
        path = os.path.join(workdir, "function.json")
        with open(path, "wb") as f:
            f.write(data)
        result = self.run(["import", "lambda", "function.json"], workdir)
        if not self.check_run(case, "import lambda", result, data, ".json"):
            return
        if result[0] != 0:
            return
        try:
            spec = yaml.safe_load(result[1].decode("utf-8"))
            if not isinstance(spec, dict):
                raise ValueError("not a mapping")
            extra = set(map(str, spec)) - IMPORT_TOP_LEVEL_KEYS
            if extra:
                raise ValueError(f"keys the importer does not write: {sorted(extra)}")
        except Exception as error:
            self.finding(case, f"imported spec: {str(error)[:300]}", data, ".json")

    def copilot_case(self, case, manifest, environment, workdir):
        """`import copilot`: exit 1 and no file, or a spec that lints without errors."""
        with open(os.path.join(workdir, "manifest.yml"), "wb") as f:
            f.write(manifest)
        args = ["import", "copilot", "manifest.yml", "--out", "spec.yaml"]
        if environment is not None:
            os.makedirs(os.path.join(workdir, "env"), exist_ok=True)
            with open(os.path.join(workdir, "env", "manifest.yml"), "wb") as f:
                f.write(environment)
            args += ["--env-manifest", "env/manifest.yml"]
        # A finding keeps the mutated one of the two inputs (the other is a fixture).
        data = manifest if environment is None or environment in COPILOT_ENVIRONMENTS else environment
        result = self.run(args, workdir)
        if not self.check_run(case, "import copilot", result, data, ".yml"):
            return
        written = os.path.exists(os.path.join(workdir, "spec.yaml"))
        if result[0] != 0:
            if written:
                self.finding(case, "import copilot: exit 1 but a spec was written", data, ".yml")
            return
        if not written:
            self.finding(case, "import copilot: exit 0 but no spec was written", data, ".yml")
            return
        result = self.run(["lint", "spec.yaml"], workdir)
        self.check_run(case, "lint of the imported spec", result, data, ".yml", allowed=(0,))

    def check_hcl(self):
        """All distinct .tf outputs in one `terraform fmt` run: it fails on any syntax error."""
        if not self.seen_tf:
            return "no .tf output"
        terraform = shutil.which("terraform")
        if terraform is None:
            return "terraform not found: HCL not checked"
        result = subprocess.run(
            [terraform, "fmt", "-write=false", "-list=false", "-recursive", self.tf_dir],
            capture_output=True, text=True)
        if result.returncode != 0:
            with self.lock:
                self.findings.append("terraform fmt: " + result.stderr[-2000:])
        return f"{len(self.seen_tf)} distinct .tf files parsed by terraform fmt"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/release/ecsgen"))
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument("--first", type=int, default=0, help="number of the first case")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--keep", default=os.path.join(ROOT, ".build/fuzz-findings"),
                        help="where failing inputs are written")
    options = parser.parse_args()
    options.binary = os.path.abspath(options.binary)

    specs = sorted(
        os.path.join(folder, name)
        for folder in (os.path.join(ROOT, "specs"), os.path.join(ROOT, "specs/invalid"))
        for name in os.listdir(folder) if name.endswith(".yaml"))
    lambdas = sorted(os.path.join(ROOT, "examples/lambda", name)
                     for name in os.listdir(os.path.join(ROOT, "examples/lambda"))
                     if name.endswith(".json"))
    corpus = [open(path, "rb").read().decode("utf-8", "surrogateescape") for path in specs]
    valid = [text for path, text in zip(specs, corpus) if "/invalid/" not in path]
    lambda_corpus = [open(path, encoding="utf-8").read() for path in lambdas]
    copilot_root = os.path.join(ROOT, "examples/copilot/copilot")
    workloads = sorted(name for name in os.listdir(copilot_root)
                       if os.path.isfile(os.path.join(copilot_root, name, "manifest.yml")))
    copilot_corpus = [open(os.path.join(copilot_root, name, "manifest.yml"), encoding="utf-8").read()
                      for name in workloads]
    environments = sorted(os.listdir(os.path.join(copilot_root, "environments")))
    COPILOT_ENVIRONMENTS.extend(
        open(os.path.join(copilot_root, "environments", name, "manifest.yml"), "rb").read()
        for name in environments)
    runner = Runner(options.binary, options.keep)
    scratch_root = "/dev/shm" if os.path.isdir("/dev/shm") else None

    def one(case):
        rng = random.Random(options.seed * 1_000_003 + case)
        workdir = tempfile.mkdtemp(prefix="ecsgen-fuzz-", dir=scratch_root)
        try:
            draw = rng.random()
            if draw < 0.2:
                runner.spec_case(case, hostile_valid_spec(rng, rng.choice(valid)), workdir)
            elif draw < 0.6:
                runner.spec_case(case, mutate_spec(rng, rng.choice(corpus), corpus), workdir)
            elif draw < 0.8:
                runner.lambda_case(case, mutate_lambda(rng, rng.choice(lambda_corpus)), workdir)
            else:
                # Mostly the workload manifest mutated; sometimes a fixture environment manifest
                # beside it, or the environment manifest mutated instead.
                manifest = rng.choice(copilot_corpus)
                environment = None
                second = rng.random()
                if second < 0.7:
                    manifest = mutate_spec(rng, manifest, copilot_corpus)
                    if second < 0.25:
                        environment = rng.choice(COPILOT_ENVIRONMENTS)
                else:
                    environment = mutate_spec(
                        rng, rng.choice(COPILOT_ENVIRONMENTS).decode("utf-8"), copilot_corpus)
                manifest = manifest if isinstance(manifest, bytes) else manifest.encode(
                    "utf-8", "surrogateescape")
                runner.copilot_case(case, manifest, environment, workdir)
        finally:
            shutil.rmtree(workdir, ignore_errors=True)

    start = time.monotonic()
    with ThreadPoolExecutor(max_workers=options.jobs) as pool:
        list(pool.map(one, range(options.first, options.first + options.cases)))
    hcl = runner.check_hcl()
    shutil.rmtree(runner.tf_dir, ignore_errors=True)
    elapsed = time.monotonic() - start
    for finding in runner.findings[:50]:
        print("FINDING", finding)
    failed_cases = len({f.split(":")[0] for f in runner.findings})
    print(f"fuzz: {options.cases} cases (seed {options.seed}, from {options.first}), "
          f"{runner.runs} runs in {elapsed:.1f} s; slowest run {runner.slowest:.2f} s of CPU "
          f"({runner.slowest_case[1]}; slowest wall time {runner.slowest_wall:.2f} s), "
          f"peak memory {runner.peak_kb / 1024:.1f} MiB ({runner.largest_case[1]}); {hcl}; "
          f"{len(runner.findings)} findings" + (f", inputs in {options.keep}" if runner.findings
                                                 else ""))
    print(f"{options.cases - failed_cases} passed, {failed_cases} failed")
    return 1 if runner.findings else 0


if __name__ == "__main__":
    sys.exit(main())
