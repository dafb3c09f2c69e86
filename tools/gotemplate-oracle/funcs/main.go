// Command funcs is the oracle for Capstan's Java Sprig and Helm function library: it calls the real
// Go functions of Helm 3.17's template FuncMap and writes what they return, so the Java tests can
// compare against Go without needing Go.
//
//	go run . -signatures ../../../chart-renderer/src/test/resources/gotemplate/funcs/signatures.txt
//	go run . -cases cases/strings.txt -out ../../../chart-renderer/src/test/resources/gotemplate/funcs/strings.golden
//
// A case is one line: a function name, then its arguments as JSON values separated by spaces. A JSON
// number is a float64 (as every number in Helm's values); {"$int":3}, {"$int64":3}, {"$bytes":"raw"},
// {"$strings":["a"]} and {"$time":"2006-01-02T15:04:05Z"} give the other Go types. The golden repeats
// each case and adds `=> RESULT` (the same JSON encoding, plus {"$ints"}, {"$strmap"}, {"$time"} with
// Go's time.String() and {"$go":TYPE,"v":%v} for other Go values) or `!! "ERROR"` as text/template
// reports it (a returned error or a recovered panic).
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"reflect"
	"sort"
	"strings"
	"text/template"
	"time"
)

func main() {
	sigs := flag.String("signatures", "", "write every function's Go signature to this file")
	cases := flag.String("cases", "", "case file to evaluate")
	fuzz := flag.Int("fuzz", 0, "write this many random cases to -out (then evaluate them with -cases)")
	seed := flag.Int64("seed", 1, "seed of -fuzz")
	fuzzTpl := flag.Int("fuzztemplates", 0, "write this many random templates to -out (then render them with -templates)")
	templates := flag.String("templates", "", "end-to-end case file: one JSON [template, values] per line")
	out := flag.String("out", "", "golden file to write")
	flag.Parse()
	funcs := helmFuncMap()
	if *fuzzTpl > 0 {
		check(os.WriteFile(*out, []byte(fuzzTemplates(funcs, *seed, *fuzzTpl)), 0o644))
		return
	}
	if *fuzz > 0 {
		check(os.WriteFile(*out, []byte(fuzzCases(*seed, *fuzz)), 0o644))
		return
	}
	if *sigs != "" {
		check(os.WriteFile(*sigs, []byte(signatures(funcs)), 0o644))
	}
	if *templates != "" {
		in, err := os.ReadFile(*templates)
		check(err)
		var b strings.Builder
		for _, line := range strings.Split(string(in), "\n") {
			b.WriteString(line)
			b.WriteString("\n")
			t := strings.TrimSpace(line)
			if t == "" || strings.HasPrefix(t, "#") {
				continue
			}
			b.WriteString(render(funcs, t))
			b.WriteString("\n")
		}
		check(os.WriteFile(*out, []byte(strings.TrimRight(b.String(), "\n")+"\n"), 0o644))
	}
	if *cases != "" {
		in, err := os.ReadFile(*cases)
		check(err)
		var b strings.Builder
		for _, line := range strings.Split(string(in), "\n") {
			b.WriteString(line)
			b.WriteString("\n")
			t := strings.TrimSpace(line)
			if t == "" || strings.HasPrefix(t, "#") {
				continue
			}
			b.WriteString(evaluate(funcs, t))
			b.WriteString("\n")
		}
		check(os.WriteFile(*out, []byte(strings.TrimRight(b.String(), "\n")+"\n"), 0o644))
	}
}

// render runs one [template, values] case with text/template and Helm's functions, dot being
// {"Values": values} as in a chart (values decoded as Helm decodes them: numbers are float64).
func render(funcs map[string]interface{}, line string) string {
	var c []interface{}
	if err := json.Unmarshal([]byte(line), &c); err != nil || len(c) != 2 {
		panic("bad case: " + line)
	}
	t, err := template.New("t").Funcs(funcs).Parse(c[0].(string))
	if err != nil {
		return "!! " + jsonText(err.Error())
	}
	var out bytes.Buffer
	if err := t.Execute(&out, map[string]interface{}{"Values": c[1]}); err != nil {
		return "!! " + jsonText(err.Error())
	}
	return "=> " + jsonText(out.String())
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func signatures(funcs map[string]interface{}) string {
	names := make([]string, 0, len(funcs))
	for n := range funcs {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	for _, n := range names {
		t := reflect.TypeOf(funcs[n])
		var in, out []string
		for i := 0; i < t.NumIn(); i++ {
			s := t.In(i).String()
			if t.IsVariadic() && i == t.NumIn()-1 {
				s = "..." + t.In(i).Elem().String()
			}
			in = append(in, s)
		}
		for i := 0; i < t.NumOut(); i++ {
			out = append(out, t.Out(i).String())
		}
		fmt.Fprintf(&b, "%s(%s) %s\n", n, strings.Join(in, ", "), strings.Join(out, ", "))
	}
	return b.String()
}

func evaluate(funcs map[string]interface{}, line string) string {
	name, rest, _ := strings.Cut(line, " ")
	fn, ok := funcs[name]
	if !ok {
		panic("no function " + name)
	}
	dec := json.NewDecoder(strings.NewReader(rest))
	var args []interface{}
	for {
		var raw interface{}
		if err := dec.Decode(&raw); err == io.EOF {
			break
		} else if err != nil {
			panic(line + ": " + err.Error())
		}
		args = append(args, decode(raw))
	}
	result, err := call(reflect.ValueOf(fn), args, line)
	if err != nil {
		return "!! " + jsonText(err.Error())
	}
	return "=> " + jsonText(encode(result))
}

// call is text/template's safeCall: the arguments as the executor passes them (nil becomes the
// zero value of the parameter type), a panic recovered into an error.
func call(fn reflect.Value, args []interface{}, line string) (result interface{}, err error) {
	t := fn.Type()
	in := make([]reflect.Value, len(args))
	for i, a := range args {
		var pt reflect.Type
		if t.IsVariadic() && i >= t.NumIn()-1 {
			pt = t.In(t.NumIn() - 1).Elem()
		} else if i < t.NumIn() {
			pt = t.In(i)
		} else {
			panic(line + ": too many arguments")
		}
		if a == nil {
			in[i] = reflect.Zero(pt)
			continue
		}
		v := reflect.ValueOf(a)
		if !v.Type().AssignableTo(pt) {
			panic(fmt.Sprintf("%s: argument %d is %s, not %s", line, i, v.Type(), pt))
		}
		in[i] = v
	}
	defer func() {
		if r := recover(); r != nil {
			if e, ok := r.(error); ok {
				err = e
			} else {
				err = fmt.Errorf("%v", r)
			}
		}
	}()
	out := fn.Call(in)
	if len(out) == 2 && !out[1].IsNil() {
		return nil, out[1].Interface().(error)
	}
	return out[0].Interface(), nil
}

func decode(raw interface{}) interface{} {
	switch v := raw.(type) {
	case []interface{}:
		for i := range v {
			v[i] = decode(v[i])
		}
		return v
	case map[string]interface{}:
		if len(v) == 1 {
			for k, x := range v {
				switch k {
				case "$int":
					return int(x.(float64))
				case "$int64":
					return int64(x.(float64))
				case "$uint32":
					return uint32(x.(float64))
				case "$bytes":
					return []byte(x.(string))
				case "$strings":
					var s []string
					for _, e := range x.([]interface{}) {
						s = append(s, e.(string))
					}
					return s
				case "$time":
					t, err := time.Parse(time.RFC3339Nano, x.(string))
					check(err)
					return t
				}
			}
		}
		for k := range v {
			v[k] = decode(v[k])
		}
		return v
	}
	return raw
}

func encode(v interface{}) interface{} {
	switch x := v.(type) {
	case nil, bool, string:
		return x
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) || x == 0 && math.Signbit(x) {
			return map[string]interface{}{"$float64": fmt.Sprint(x)}
		}
		return x
	case int:
		return map[string]interface{}{"$int": x}
	case int64:
		return map[string]interface{}{"$int64": x}
	case []byte:
		return map[string]interface{}{"$bytes": string(x)}
	case []string:
		return map[string]interface{}{"$strings": x}
	case []int:
		return map[string]interface{}{"$ints": x}
	case []map[string]interface{}:
		out := make([]interface{}, len(x))
		for i := range x {
			out[i] = encode(x[i])
		}
		return out
	case [][]interface{}:
		out := make([]interface{}, len(x))
		for i := range x {
			out[i] = encode(x[i])
		}
		return out
	case map[string]string:
		return map[string]interface{}{"$strmap": x}
	case time.Time:
		return map[string]interface{}{"$time": x.String()}
	case []interface{}:
		out := make([]interface{}, len(x))
		for i := range x {
			out[i] = encode(x[i])
		}
		return out
	case map[string]interface{}:
		out := map[string]interface{}{}
		for k := range x {
			out[k] = encode(x[k])
		}
		return out
	}
	return map[string]interface{}{"$go": fmt.Sprintf("%T", v), "v": fmt.Sprintf("%v", v)}
}

func jsonText(v interface{}) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		panic(err)
	}
	return strings.TrimSuffix(b.String(), "\n")
}

