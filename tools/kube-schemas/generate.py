#!/usr/bin/env python3
"""Generate the offline Kubernetes schemas that `capstan lint` checks rendered objects against.

The Kubernetes source module on the Go module proxy carries the API server's OpenAPI v2 document
(api/openapi-spec/swagger.json), which describes every built-in kind. This script downloads it with
the ordinary Go tooling (`go mod download -json k8s.io/kubernetes@VERSION`), keeps only what
validation needs, and writes one small gzipped JSON resource:

    {"kubernetesVersion": "v1.34.4",
     "kinds": {"apps/v1/Deployment": "io.k8s.api.apps.v1.Deployment", ...},
     "definitions": {"io.k8s.api.apps.v1.Deployment": {<JSON Schema draft 7>}, ...}}

Conversions, so the schema says what the API server accepts and no more:
- descriptions, formats and x-kubernetes-* list/patch hints are dropped (they do not change validity);
- int-or-string fields become {"type": ["integer", "string"]}; resource.Quantity accepts strings and
  numbers (YAML `cpu: 1` is valid);
- an object schema that lists properties gets additionalProperties: false (the API server's strict
  field validation rejects unknown fields), unless it is marked x-kubernetes-preserve-unknown-fields;
- kinds shared by many groups (DeleteOptions, WatchEvent) are not indexed.

Usage: tools/kube-schemas/generate.py [--version v1.34.4] [--out PATH]
(the default version is KUBE_VERSION from tools/kube-binaries.sh)
The output is deterministic (sorted keys, gzip mtime 0), so regenerating an unchanged version gives
an identical file.
"""
import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.join(
    HERE, "..", "..", "chart-renderer", "src", "main", "resources",
    "dev", "capstan", "chart", "lint", "kube-schemas.json.gz")
QUANTITY = "io.k8s.apimachinery.pkg.api.resource.Quantity"
REF_PREFIX = "#/definitions/"


def default_version():
    """The Kubernetes version tools/kube-binaries.sh builds, so lint matches the local cluster."""
    try:
        with open(os.path.join(HERE, "..", "kube-binaries.sh")) as f:
            for line in f:
                if line.startswith("KUBE_VERSION="):
                    return "v" + line.split("=", 1)[1].split()[0].lstrip("v")
    except OSError:
        pass
    return "v1.34.4"


def download_spec(version):
    """Returns the parsed swagger.json of k8s.io/kubernetes@version from the Go module cache."""
    with tempfile.TemporaryDirectory() as scratch:
        env = dict(os.environ, GOFLAGS="-mod=mod", GO111MODULE="on")
        result = subprocess.run(
            ["go", "mod", "download", "-json", "k8s.io/kubernetes@" + version],
            cwd=scratch, env=env, check=True, capture_output=True, text=True)
    module = json.loads(result.stdout)
    if "Error" in module:
        sys.exit("go mod download failed: " + module["Error"])
    with open(os.path.join(module["Dir"], "api", "openapi-spec", "swagger.json")) as f:
        return json.load(f)


def convert(schema):
    """One OpenAPI v2 schema to the validation-only JSON Schema described in the module doc."""
    if "$ref" in schema:
        return {"$ref": schema["$ref"]}
    out = {}
    if schema.get("format") == "int-or-string" or schema.get("x-kubernetes-int-or-string"):
        out["type"] = ["integer", "string"]
    elif "type" in schema:
        out["type"] = schema["type"]
    properties = schema.get("properties")
    if properties:
        out["properties"] = {name: convert(p) for name, p in properties.items()}
        if not schema.get("x-kubernetes-preserve-unknown-fields"):
            out["additionalProperties"] = False
    elif isinstance(schema.get("additionalProperties"), dict):
        out["additionalProperties"] = convert(schema["additionalProperties"])
    if "items" in schema:
        out["items"] = convert(schema["items"])
    if schema.get("required"):
        out["required"] = sorted(schema["required"])
    if "enum" in schema:
        out["enum"] = schema["enum"]
    return out


def references(schema, found):
    if isinstance(schema, dict):
        ref = schema.get("$ref")
        if isinstance(ref, str):  # a dict here is JSONSchemaProps' property named "$ref"
            found.add(ref[len(REF_PREFIX):])
        for value in schema.values():
            references(value, found)
    elif isinstance(schema, list):
        for value in schema:
            references(value, found)


def build(spec, version):
    source = spec["definitions"]
    kinds = {}
    for name, definition in source.items():
        gvks = definition.get("x-kubernetes-group-version-kind", [])
        if len(gvks) != 1:
            continue
        gvk = gvks[0]
        api_version = gvk["version"] if not gvk["group"] else gvk["group"] + "/" + gvk["version"]
        kinds[api_version + "/" + gvk["kind"]] = name
    definitions = {}
    pending = sorted(set(kinds.values()))
    while pending:
        name = pending.pop()
        if name in definitions:
            continue
        if name == QUANTITY:
            definitions[name] = {"type": ["string", "number"]}
            continue
        definitions[name] = convert(source[name])
        found = set()
        references(definitions[name], found)
        pending.extend(sorted(found - definitions.keys()))
    return {"kubernetesVersion": version, "kinds": kinds, "definitions": definitions}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--version", default=default_version(),
                        help="k8s.io/kubernetes module version (default: the one tools/kube-binaries.sh builds)")
    parser.add_argument("--out", default=DEFAULT_OUT, help="gzipped JSON to write")
    args = parser.parse_args()
    document = build(download_spec(args.version), args.version)
    data = json.dumps(document, sort_keys=True, separators=(",", ":")).encode()
    with open(args.out, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as f:
            f.write(data)
    print("wrote %s: %d kinds, %d definitions, %d bytes"
          % (os.path.relpath(args.out), len(document["kinds"]), len(document["definitions"]),
             os.path.getsize(args.out)))


if __name__ == "__main__":
    main()
