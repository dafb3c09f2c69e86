package main

// Random cases, reproducible from a seed: values and strings built from the pieces that trip
// YAML, JSON and string functions (quotes, colons, hashes, newlines, spaces, numbers as text,
// unicode), written as a case file that -cases then evaluates like any other.

import (
	"fmt"
	"math"
	"math/rand"
	"strings"
)

var pieces = []string{
	"a", "b", "Z", "x1", "10", "0", "-", "_", " ", "  ", ":", ": ", "#", " #", "'", "\"", "\\",
	"\n", "\t", "\r\n", "{", "}", "[", "]", ",", "&", "*", "!", "|", ">", "%", "@", "`", "?",
	"true", "no", "null", "~", "1.5", "0x1F", "1e3", "012", "é", "日本", "😀", "\u00a0", "=",
	"<", "&amp;", "/", ".", "..", "---", "...", "longwordlongwordlongword",
}

func fuzzString(r *rand.Rand) string {
	n := r.Intn(6)
	if r.Intn(10) == 0 {
		n = 10 + r.Intn(30)
	}
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(pieces[r.Intn(len(pieces))])
	}
	return b.String()
}

// fuzzDocument is a values-like tree: a map of 3-8 keys, longer strings, nested maps and lists.
func fuzzDocument(r *rand.Rand, depth int) interface{} {
	m := map[string]interface{}{}
	for i := 3 + r.Intn(6); i > 0; i-- {
		var v interface{}
		switch r.Intn(5) {
		case 0:
			if depth < 3 {
				v = fuzzDocument(r, depth+1)
			} else {
				v = fuzzNumber(r)
			}
		case 1:
			l := []interface{}{}
			for j := r.Intn(4); j > 0; j-- {
				if depth < 3 && r.Intn(2) == 0 {
					l = append(l, fuzzDocument(r, depth+1))
				} else {
					l = append(l, fuzzValue(r, 3))
				}
			}
			v = l
		case 2:
			var b strings.Builder
			for j := 5 + r.Intn(30); j > 0; j-- {
				b.WriteString(pieces[r.Intn(len(pieces))])
				if r.Intn(3) == 0 {
					b.WriteString(" ")
				}
			}
			v = b.String()
		default:
			v = fuzzValue(r, 3)
		}
		m[fuzzKey(r)] = v
	}
	return m
}

func fuzzNumber(r *rand.Rand) float64 {
	switch r.Intn(6) {
	case 0:
		return float64(r.Intn(2000) - 1000)
	case 1:
		return float64(r.Intn(100000)) / 100
	case 2:
		return math.Pow(10, float64(r.Intn(44)-22)) * float64(1+r.Intn(9))
	case 3:
		return r.NormFloat64() * 1e6
	case 4:
		return float64(r.Int63n(1 << 53))
	default:
		return r.Float64()
	}
}

func fuzzValue(r *rand.Rand, depth int) interface{} {
	k := r.Intn(10)
	if depth > 3 {
		k = r.Intn(6)
	}
	switch k {
	case 0:
		return nil
	case 1:
		return r.Intn(2) == 0
	case 2, 3:
		return fuzzNumber(r)
	case 4, 5:
		return fuzzString(r)
	case 6, 7:
		m := map[string]interface{}{}
		for i := r.Intn(5); i > 0; i-- {
			m[fuzzKey(r)] = fuzzValue(r, depth+1)
		}
		return m
	default:
		l := []interface{}{}
		for i := r.Intn(4); i > 0; i-- {
			l = append(l, fuzzValue(r, depth+1))
		}
		return l
	}
}

// fuzzKey avoids keys whose goyaml.v2 order is not transitive (digits meeting letters), since
// Go's own output for them depends on its random map order.
func fuzzKey(r *rand.Rand) string {
	for {
		k := fuzzString(r)
		ok := true
		rs := []rune(k)
		for i := 1; i < len(rs); i++ {
			if isDigitRune(rs[i-1]) != isDigitRune(rs[i]) {
				ok = false
			}
		}
		if ok {
			return k
		}
	}
}

func isDigitRune(c rune) bool { return c >= '0' && c <= '9' }

var fuzzFuncs = []string{"toYaml", "toYaml", "toYaml", "toYamlPretty", "toJson", "toPrettyJson", "toRawJson", "toYamlPretty", "fromYamlOf", "fromJsonOf",
	"trunc", "substr", "abbrev", "wrap", "wrapWith", "indent", "replace", "title", "untitle", "snakecase",
	"camelcase", "kebabcase", "swapcase", "initials", "nospace", "quote", "squote", "b64enc", "b32enc",
	"trim", "trimAll", "upper", "lower", "splitList", "regexQuoteMeta", "sha256sum", "cat", "toString", "plural",
	"contains", "hasPrefix", "repeat", "semverCompare", "int", "float64", "default", "empty", "toStrings", "sortAlpha",
	"merge", "mergeOverwrite", "uniq", "compact", "has", "without", "deepEqual", "add", "sub", "mul", "div", "mod",
	"max", "min", "addf", "subf", "mulf", "divf", "maxf", "round", "int64", "atoi", "ceil", "floor", "toDecimal"}

// fuzzNumeric is what templates pass to arithmetic: float64 values, ints, numeric text, junk.
func fuzzNumeric(r *rand.Rand) interface{} {
	switch r.Intn(7) {
	case 0:
		return r.Intn(200) - 100
	case 1:
		return int64(r.Intn(1e6))
	case 2:
		return fmt.Sprint(r.Intn(1000) - 500)
	case 3:
		return []string{"0x1F", "012", "1_000", "12.00", "1e3", "abc", "", " 5", "-0", "3.7"}[r.Intn(10)]
	case 4:
		return r.Intn(2) == 0
	default:
		return fuzzNumber(r)
	}
}

func fuzzCases(seed int64, n int) string {
	r := rand.New(rand.NewSource(seed))
	var b strings.Builder
	b.WriteString(fmt.Sprintf("# %d random cases from seed %d (go run . -fuzz %d -seed %d)\n", n, seed, n, seed))
	arg := func(v interface{}) string { return jsonText(encode(v)) }
	num := func(lo, hi int) string { return jsonText(map[string]interface{}{"$int": lo + r.Intn(hi-lo+1)}) }
	for i := 0; i < n; i++ {
		fn := fuzzFuncs[r.Intn(len(fuzzFuncs))]
		s := arg(fuzzString(r))
		switch fn {
		case "toYaml", "toYamlPretty", "toJson":
			b.WriteString(fn + " " + arg(fuzzDocument(r, 0)) + "\n")
			if fn == "toYaml" {
				b.WriteString("fromYaml " + arg(toYAML(fuzzDocument(r, 0))) + "\n")
			}
		case "toPrettyJson", "toRawJson", "default", "empty", "toStrings", "sortAlpha":
			if fn == "default" {
				b.WriteString(fn + " " + arg(fuzzValue(r, 0)) + " " + arg(fuzzValue(r, 0)) + "\n")
				continue
			}
			b.WriteString(fn + " " + arg(fuzzValue(r, 0)) + "\n")
		case "fromYamlOf":
			b.WriteString("fromYaml " + arg(toYAML(map[string]interface{}{"k": fuzzValue(r, 0)})) + "\n")
		case "fromJsonOf":
			b.WriteString("fromJson " + arg(toJSON(map[string]interface{}{"k": fuzzValue(r, 0)})) + "\n")
		case "trunc", "abbrev", "wrap", "indent", "repeat":
			b.WriteString(fn + " " + num(-3, 12) + " " + s + "\n")
		case "wrapWith":
			b.WriteString(fn + " " + num(1, 12) + " " + arg(fuzzString(r)) + " " + s + "\n")
		case "substr":
			b.WriteString(fn + " " + num(-1, 6) + " " + num(-1, 10) + " " + s + "\n")
		case "replace":
			b.WriteString(fn + " " + arg(pieces[r.Intn(len(pieces))]) + " " + arg(fuzzString(r)) + " " + s + "\n")
		case "trimAll", "contains", "hasPrefix", "splitList":
			b.WriteString(fn + " " + arg(pieces[r.Intn(len(pieces))]) + " " + s + "\n")
		case "merge", "mergeOverwrite":
			b.WriteString(fn + " " + arg(fuzzDocument(r, 1)) + " " + arg(fuzzDocument(r, 1)) + "\n")
		case "uniq", "compact":
			l := []interface{}{}
			for j := r.Intn(6); j > 0; j-- {
				l = append(l, fuzzValue(r, 2))
			}
			b.WriteString(fn + " " + arg(l) + "\n")
		case "has", "without", "deepEqual":
			l := []interface{}{fuzzValue(r, 3), fuzzValue(r, 3), fuzzNumeric(r)}
			if fn == "deepEqual" {
				b.WriteString(fn + " " + arg(l[r.Intn(3)]) + " " + arg(l[r.Intn(3)]) + "\n")
			} else if fn == "has" {
				b.WriteString(fn + " " + arg(l[r.Intn(3)]) + " " + arg(l) + "\n")
			} else {
				b.WriteString(fn + " " + arg(l) + " " + arg(l[r.Intn(3)]) + "\n")
			}
		case "add", "mul", "max", "min", "addf", "subf", "mulf", "divf", "maxf":
			b.WriteString(fn)
			for j := 1 + r.Intn(3); j > 0; j-- {
				b.WriteString(" " + arg(fuzzNumeric(r)))
			}
			b.WriteString("\n")
		case "sub", "div", "mod":
			b.WriteString(fn + " " + arg(fuzzNumeric(r)) + " " + arg(fuzzNumeric(r)) + "\n")
		case "round":
			b.WriteString(fn + " " + arg(fuzzNumeric(r)) + " " + num(-2, 4) + "\n")
		case "int64", "ceil", "floor", "toDecimal":
			b.WriteString(fn + " " + arg(fuzzNumeric(r)) + "\n")
		case "atoi":
			b.WriteString(fn + " " + arg(fmt.Sprint(fuzzNumeric(r))) + "\n")
		case "plural":
			b.WriteString(fn + " " + s + " " + arg(fuzzString(r)) + " " + num(0, 2) + "\n")
		case "cat", "quote", "squote":
			b.WriteString(fn + " " + arg(fuzzValue(r, 2)) + " " + arg(fuzzValue(r, 2)) + "\n")
		case "toString", "int", "float64":
			b.WriteString(fn + " " + arg(fuzzValue(r, 2)) + "\n")
		case "semverCompare":
			ops := []string{"", "=", "!=", ">", "<", ">=", "<=", "~", "^"}
			ver := func() string {
				v := fmt.Sprintf("%d", r.Intn(3))
				for j := r.Intn(3); j > 0; j-- {
					v += fmt.Sprintf(".%d", r.Intn(3))
				}
				if r.Intn(4) == 0 {
					v += []string{"-0", "-rc.1", "-beta", "-1"}[r.Intn(4)]
				}
				return v
			}
			c := ops[r.Intn(len(ops))] + ver()
			if r.Intn(3) == 0 {
				c += " || " + ops[r.Intn(len(ops))] + ver()
			}
			b.WriteString(fn + " " + arg(c) + " " + arg(ver()) + "\n")
		default:
			b.WriteString(fn + " " + s + "\n")
		}
	}
	return b.String()
}
