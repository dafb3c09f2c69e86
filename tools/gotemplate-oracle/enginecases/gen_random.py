#!/usr/bin/env python3
"""Writes random.cases: random templates over random data for the differential test of the Java
engine against Go's text/template (run regenerate-engine.sh afterwards for the golden). The seed is
fixed so the file is reproducible; change SEED or COUNT to explore more."""
import json
import random
import sys

MODE = sys.argv[1] if len(sys.argv) > 1 else "random"
# gentle: only functions that accept any value, so most cases print instead of fail.
# control: gentle, with more nested if/with/range/else/break/continue and template calls.
# fmt: printf with random flags, widths, precisions and verbs over random data.
GENTLE = MODE in ("gentle", "control", "fmt")
CONTROL = MODE == "control"
SEED = {"random": 20261204, "gentle": 20261205, "control": 20261206, "fmt": 20261207}[MODE]
COUNT = 500
# fuzz-engine.sh explores beyond the committed sets: MODE SEED COUNT.
if len(sys.argv) > 3:
    SEED, COUNT = int(sys.argv[2]), int(sys.argv[3])
KEYS = ["a", "b", "c", "l", "m", "n", "s", "f", "i", "x"]
BUILTINS = ["and", "or", "not", "len", "index", "slice", "print", "printf", "println", "eq", "ne",
            "lt", "le", "gt", "ge", "html", "js", "urlquery"]
TESTFUNCS = ["double", "half", "shout", "typeof", "list", "dict", "count", "keys", "cat", "add"]
ARITY = {"not": 1, "len": 1, "index": 2, "slice": 2, "ne": 2, "lt": 2, "le": 2, "gt": 2, "ge": 2,
         "double": 1, "half": 1, "shout": 1, "typeof": 1, "count": 1, "keys": 1, "cat": 3,
         "add": 2, "html": 1, "js": 1, "urlquery": 1, "printf": 3, "and": 2, "or": 2, "eq": 2}
FORMATS = ['"%v"', '"%d"', '"%s"', '"%q"', '"%5.1f"', '"%x"', '"%T"', '"%v-%v"', '"%#v"', '"%t"',
           '"%-4s|"', '"%03d"', '"%+v"', '"%e"', '"%g"', '"%%"', '"%[2]v %[1]v"']


def value(r, depth):
    k = r.randrange(11 if depth < 3 else 8)
    if k == 0:
        return "i:%d" % r.choice([0, 1, -3, 42, 7])
    if k == 1:
        return "f:%s" % r.choice(["0", "1", "1.5", "1000000", "-2.25", "8080", "0.1", "1e21"])
    if k == 2:
        return "s:%s" % r.choice(["", "x", "hello", "a b", "<&>", "Ünï", "42"])
    if k == 3:
        return "b:%s" % r.choice(["true", "false"])
    if k == 4:
        return "nil"
    if k == 5:
        return "l:%d" % r.choice([0, 5, -1])
    if k == 6:
        # Ranging over non-empty bytes gives uint8 elements, which the value model has not (a
        # documented difference, see package-info): random data keeps to empty byte slices.
        return "y:"
    if k == 7:
        return "s:%s" % r.choice(["y", "z"])
    if k in (8, 9):
        return {key: value(r, depth + 1) for key in r.sample(KEYS, r.randrange(4))}
    return [value(r, depth + 1) for _ in range(r.randrange(4))]


class Gen:
    def __init__(self, r):
        self.r = r
        self.vars = ["$"]
        self.in_range = 0
        self.depth = 0
        self.has_define = False

    def field(self):
        n = 1 if GENTLE and self.r.random() < 0.8 else self.r.randrange(1, 4)
        return "".join("." + self.r.choice(KEYS) for _ in range(n))

    def literal(self):
        return self.r.choice(["1", "0", "-2", "3.5", "1e3", "0x10", "'a'", '"str"', '""', "`raw`",
                              "true", "false", "nil", "2"])

    def term(self):
        r = self.r
        k = r.randrange(10)
        if k < 3:
            return self.field()
        if k == 3:
            return "."
        if k == 4:
            v = r.choice(self.vars)
            return v + (self.field() if r.random() < 0.3 else "")
        if k in (5, 6):
            return self.literal()
        if k == 7 and self.depth < 3:
            self.depth += 1
            t = "(" + self.pipeline() + ")"
            self.depth -= 1
            if r.random() < 0.2:
                t += self.field()
            return t
        return "(" + self.call() + ")"

    def call(self):
        r = self.r
        if GENTLE:
            f = r.choice(["print", "printf", "println", "html", "js", "urlquery", "not", "and",
                          "or", "typeof", "list", "dict", "print", "printf"])
        elif r.random() < 0.6:
            f = r.choice(BUILTINS)
        else:
            f = r.choice(TESTFUNCS)
        n = ARITY.get(f, 2) if r.random() < 0.8 else r.randrange(0, 4)
        args = []
        if f == "printf":
            args.append(r.choice(FORMATS))
            n = max(0, n - 1)
        if self.depth >= 3:
            args += [self.literal() for _ in range(n)]
        else:
            self.depth += 1
            args += [self.term() for _ in range(n)]
            self.depth -= 1
        return " ".join([f] + args)

    def pipeline(self):
        r = self.r
        cmds = [self.term() if r.random() < 0.6 else self.call()]
        while r.random() < 0.2:
            f = r.choice(["print", "not", "typeof", "printf", "html", "and", "or"] if GENTLE else
                         ["print", "len", "not", "shout", "double", "typeof", "printf", "html",
                          "eq", "and", "or", "index"])
            extra = {"printf": " " + r.choice(FORMATS), "eq": " " + self.literal(),
                     "and": " " + self.field(), "or": " " + self.field(),
                     "index": " " + self.field()}.get(f, "")
            cmds.append(f + extra)
        return " | ".join(cmds)

    def action(self):
        r = self.r
        left = "{{- " if r.random() < 0.2 else "{{ "
        right = " -}}" if r.random() < 0.2 else " }}"
        k = r.randrange(10)
        if k == 0:
            name = "$v%d" % len(self.vars)
            self.vars.append(name)
            return left + name + " := " + self.pipeline() + right
        if k == 1 and len(self.vars) > 1:
            return left + r.choice(self.vars[1:]) + " = " + self.pipeline() + right
        if k == 2 and self.in_range and r.random() < 0.5:
            return left + r.choice(["break", "continue"]) + right
        return left + self.pipeline() + right

    def block(self, n):
        out = []
        for _ in range(n):
            k = self.r.randrange(12)
            if k < 3:
                out.append(self.r.choice(["x", " ", "\n", "a b", "\n  ", "-"]))
            elif k < (5 if CONTROL else 8) or self.depth > (3 if CONTROL else 2):
                out.append(self.action())
            else:
                out.append(self.control())
        return "".join(out)

    def control(self):
        r = self.r
        kind = r.choice(["if", "with", "range", "if", "range"] + (["template"] if CONTROL else []))
        if kind == "template":
            return "{{ template \"d\" " + self.term() + " }}" if self.has_define else self.action()
        mark = len(self.vars)
        self.depth += 1
        head = kind + " "
        if kind == "range" and r.random() < 0.5:
            if r.random() < 0.5:
                a, b = "$k%d" % mark, "$e%d" % mark
                self.vars += [a, b]
                head += a + ", " + b + " := "
            else:
                a = "$e%d" % mark
                self.vars.append(a)
                head += a + " := "
        head += self.field() if GENTLE and kind == "range" else self.pipeline()
        if kind == "range":
            self.in_range += 1
        body = self.block(r.randrange(1, 4))
        if kind == "range":
            self.in_range -= 1
        s = "{{ " + head + " }}" + body
        if r.random() < 0.4:
            if kind in ("if", "with") and r.random() < 0.4:
                s += "{{ else " + kind + " " + self.pipeline() + " }}" + self.block(1)
            s += "{{ else }}" + self.block(r.randrange(1, 3))
        s += "{{ end }}"
        del self.vars[mark:]
        self.depth -= 1
        return s


def random_format(r):
    parts = []
    for _ in range(r.randrange(1, 4)):
        if r.random() < 0.3:
            parts.append(r.choice(["x", " ", "-", "%%", "|"]))
        spec = "%"
        spec += "".join(r.sample(["#", "0", "+", "-", " "], r.randrange(0, 3)))
        if r.random() < 0.4:
            spec += str(r.randrange(0, 12))
        if r.random() < 0.3:
            spec += "." + str(r.randrange(0, 8))
        if r.random() < 0.1:
            spec += "[%d]" % r.randrange(1, 4)
        spec += r.choice("vdsqxXfeEgGtcoObUT" + "vvvsd" + "z")
        parts.append(spec)
    return '"' + "".join(parts) + '"'


def fmt_case(r):
    args = " ".join(r.choice([".a", ".b", ".c", ".l", ".m", ".n", ".s", ".f", ".i", ".x", "1", "-2",
                              "3.5", '"s"', "true", "nil", "'x'", "1e21", "0.1"])
                    for _ in range(r.randrange(0, 4)))
    return "{{ printf " + random_format(r) + (" " + args if args else "") + " }}"


def main():
    r = random.Random(SEED)
    out = ["# Random templates over random data (tools/gotemplate-oracle/enginecases/gen_random.py).",
           "# Whatever Go does, output or error, the Java engine must do too."]
    for i in range(COUNT):
        g = Gen(r)
        data = {key: value(r, 1) for key in r.sample(KEYS, r.randrange(5, 10))}
        mode = r.choice(["", "", " missingkey=zero", " missingkey=error"])
        define = ""
        if r.random() < (0.5 if CONTROL else 0.15):
            saved = g.vars
            g.vars = ["$"]
            define = '{{ define "d" }}' + g.block(2) + '{{ end }}'
            g.vars = saved
            g.has_define = True
        text = define + (fmt_case(r) + fmt_case(r) if MODE == "fmt" else g.block(r.randrange(1, 5)))
        if define:
            text += '{{ template "d" ' + g.term() + " }}"
        out.append("### %s-%03d%s" % (MODE, i, mode))
        out.append("data: " + json.dumps(data, ensure_ascii=False))
        out.append("--- t")
        out.append(text)
    sys.stdout.write("\n".join(out) + "\n")


main()
