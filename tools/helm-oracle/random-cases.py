#!/usr/bin/env python3
"""Rewrites the random-NNN cases of values/cases.json from a fixed seed.

These cases are a differential fuzz of the values flags against Helm: random keys, indices,
escapes, lists and inference edge values, mixed flag types, sometimes a -f file underneath, on
both test charts. The seed makes the list reproducible; run regenerate.sh afterwards to record
what Helm makes of them. Other cases in the file are left as they are.
"""
import json
import pathlib
import random

CASES = pathlib.Path(__file__).resolve().parents[2] / "chart-renderer/src/test/resources/values/cases.json"
rnd = random.Random(20261126)
KEYS = ["a", "b", "c", "list", "image", "nested", "x y"]
VALUES = ["1", "0", "01", "-1", "+2", "1.5", "true", "NULL", "null", "x", "", "{p,q}", "{}",
          "{1,{2}", "a\\,b", "\\{x", "9223372036854775808", "-0", "tRuE", "~"]
JSON_VALUES = ['1', '"s"', '[1,{"a":null}]', '{"k":{"n":2}}', 'null', '', 'tru', '1.50', '{"a":1}x']


def key():
    parts = []
    for _ in range(rnd.choice([1, 1, 2, 2, 3])):
        k = rnd.choice(KEYS)
        if rnd.random() < 0.3:
            k += "[%d]" % rnd.choice([0, 1, 2, 3])
        if rnd.random() < 0.1:
            k += "[%d]" % rnd.choice([0, 1])
        if rnd.random() < 0.05:
            k = k.replace("a", "a\\.")
        parts.append(k)
    return ".".join(parts)


def pair():
    r = rnd.random()
    if r < 0.04:
        return key()
    if r < 0.06:
        return key() + "."
    if r < 0.08:
        return key() + "["
    return key() + "=" + rnd.choice(VALUES)


def main():
    cases = [c for c in json.loads(CASES.read_text()) if not c["id"].startswith("random-")]
    for n in range(120):
        args = []
        for _ in range(rnd.choice([1, 1, 2, 3])):
            flag = rnd.choices(["--set", "--set-string", "--set-literal", "--set-json"], [6, 3, 1, 1])[0]
            expr = ",".join(pair() for _ in range(rnd.choice([1, 2, 3])))
            if flag == "--set-json":
                expr = key() + "=" + rnd.choice(JSON_VALUES)
            args += [flag, expr]
        if rnd.random() < 0.2:
            args = ["-f", rnd.choice(["files/one.yaml", "files/list.yaml", "files/nulls.yaml"])] + args
        cases.append({"id": "random-%03d" % n, "chart": rnd.choice(["dump", "dump", "parent"]), "args": args})
    CASES.write_text(json.dumps(cases, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
