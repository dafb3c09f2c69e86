package main

// Random one-action templates over Helm's whole function map: each call gets arguments of its
// parameter types (template literals, values of the case, or nested calls), and its result is
// often piped into a formatting function, so that the executor's argument conversion and the
// functions meet as they do in charts.

import (
	"fmt"
	"math/rand"
	"reflect"
	"sort"
	"strings"
)

var e2eSkip = map[string]bool{
	// random, clock- or zone-dependent, slow
	"randAlpha": true, "randAlphaNum": true, "randAscii": true, "randNumeric": true, "randBytes": true,
	"randInt": true, "uuidv4": true, "shuffle": true, "now": true, "date": true, "htmlDate": true,
	"ago": true, "toDate": true, "mustToDate": true, "durationRound": true, "dateInZone": true,
	"date_in_zone": true, "htmlDateInZone": true, "dateModify": true, "date_modify": true,
	"mustDateModify": true, "must_date_modify": true, "unixEpoch": true,
	"genPrivateKey": true, "genCA": true, "genCAWithKey": true, "genSelfSignedCert": true,
	"genSelfSignedCertWithKey": true, "genSignedCert": true, "genSignedCertWithKey": true,
	"bcrypt": true, "htpasswd": true, "encryptAES": true, "decryptAES": true, "derivePassword": true,
	"buildCustomCert": true, "getHostByName": true,
	// Go ranges maps in random order: its own output changes from run to run
	"keys": true, "values": true,
	// its parse errors are Jackson's words, not BurntSushi's (a known difference)
	"fromToml": true,
	// unbounded or huge in Go for random counts
	"repeat": true, "until": true, "untilStep": true, "seq": true,
}

var pipeTo = []string{"toJson", "toYaml", "quote", "toString", "squote", "len", "typeOf", "kindOf", "empty"}

func e2eLiteral(r *rand.Rand, t reflect.Type, depth int, funcs map[string]interface{}, names []string) string {
	switch t.Kind() {
	case reflect.Int, reflect.Int64, reflect.Uint32:
		return fmt.Sprint(r.Intn(12) - 2)
	case reflect.Float64:
		return []string{"1.5", "0.25", "2.0", "-3.75"}[r.Intn(4)]
	case reflect.String:
		return fmt.Sprintf("%q", []string{"a", "abc", "Hello World", "x,y,z", "a-b_c", "", "1.2.3", ">=1.0", "0x1F", "a: b", "[0-9]+", "v1.2.3-rc.1"}[r.Intn(12)])
	case reflect.Bool:
		return []string{"true", "false"}[r.Intn(2)]
	case reflect.Map:
		return []string{".Values.m", "(dict \"a\" 1 \"b\" (list 1 2))", ".Values.n", "(dict)"}[r.Intn(4)]
	case reflect.Slice:
		if t.Elem().Kind() == reflect.String {
			return "(splitList \",\" \"b,a,c\")"
		}
		return []string{".Values.l", "(list 1 \"a\" nil 2.5)", "(list)", "(list \"x\" \"y\")"}[r.Intn(4)]
	}
	// interface{}: a value, a literal, or a nested call
	if depth < 2 && r.Intn(4) == 0 {
		return "(" + e2eCall(r, depth+1, funcs, names) + ")"
	}
	return []string{".Values.s", ".Values.f", ".Values.i", ".Values.m", ".Values.l", ".Values.b", ".Values.missing",
		"3", "1.5", "\"7\"", "nil", "true", "\"text\"", ".Values.n"}[r.Intn(14)]
}

func e2eCall(r *rand.Rand, depth int, funcs map[string]interface{}, names []string) string {
	name := names[r.Intn(len(names))]
	t := reflect.TypeOf(funcs[name])
	var parts []string
	parts = append(parts, name)
	n := t.NumIn()
	for i := 0; i < n; i++ {
		pt := t.In(i)
		if t.IsVariadic() && i == n-1 {
			for j := r.Intn(3); j > 0; j-- {
				parts = append(parts, e2eLiteral(r, pt.Elem(), depth, funcs, names))
			}
			continue
		}
		parts = append(parts, e2eLiteral(r, pt, depth, funcs, names))
	}
	return strings.Join(parts, " ")
}

func fuzzTemplates(funcs map[string]interface{}, seed int64, n int) string {
	r := rand.New(rand.NewSource(seed))
	var names []string
	for k := range funcs {
		if !e2eSkip[k] {
			names = append(names, k)
		}
	}
	sort.Strings(names)
	values := `{"s": "Hello, World", "f": 8080, "i": 2.5, "m": {"k": "v", "n": 1}, "n": {"a": {"b": "c"}}, "l": [3, "x", true, null], "b": false}`
	var b strings.Builder
	b.WriteString(fmt.Sprintf("# %d random templates from seed %d (go run . -fuzztemplates %d -seed %d)\n", n, seed, n, seed))
	for i := 0; i < n; i++ {
		tpl := "{{ " + e2eCall(r, 0, funcs, names)
		if r.Intn(2) == 0 {
			tpl += " | " + pipeTo[r.Intn(len(pipeTo))]
		}
		tpl += " }}"
		b.WriteString("[" + jsonText(tpl) + ", " + values + "]\n")
	}
	return b.String()
}
