// Command enginecases runs the engine cases of chart-renderer's GoTemplate*Test through Go's own
// text/template (build it with go1.23.7, the Go of Helm 3.17: see ../regenerate-engine.sh) and writes
// what Go printed or the exact error.
//
// A case file is plain text. Each case starts with a header line
//
//	### NAME [missingkey=zero|error] [exec=TEMPLATE]
//
// then an optional `data: JSON` line (the dot, in the tagged form of ../fmtcases: "i:3" int, "l:3"
// int64, "f:3" float64, "s:x" string, "b:true", "y:abc" []byte, "nil", "o:NAME" an *Obj; arrays and
// objects are []interface{} and map[string]interface{}), then one or more templates, each
// introduced by `--- NAME` (`--- NAME crlf`: its lines end with CR LF) and running to the next
// marker (the last newline before a marker is not part of the template). Templates are parsed in
// order into one namespace, as Helm does with a chart's files; the first one (or exec=) is
// executed.
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"text/template"
)

type tmpl struct{ name, text string }

type testCase struct {
	name, missingKey, exec, data string
	templates                    []tmpl
}

type result struct {
	Name   string  `json:"name"`
	Output *string `json:"output,omitempty"`
	Error  *string `json:"error,omitempty"`
}

// Obj is the test struct: fields, a pointer-receiver method with an argument and a Stringer.
type Obj struct {
	Name  string
	Count int
	Tags  []interface{}
	Meta  map[string]interface{}
}

func (o *Obj) Greet(s string) string { return "hello " + s + " from " + o.Name }
func (o *Obj) Upper() string         { return strings.ToUpper(o.Name) }
func (o *Obj) String() string        { return "Obj(" + o.Name + ")" }

// Values is a named map type with a method, as Helm's chartutil.Values.
type Values map[string]interface{}

func (v Values) AsMap() map[string]interface{} { return v }

func testFuncs() template.FuncMap {
	return template.FuncMap{
		"double":   func(i int) int { return i * 2 },
		"double64": func(i int64) int64 { return i * 2 },
		"half":     func(f float64) float64 { return f / 2 },
		"shout":    func(s string) string { return strings.ToUpper(s) + "!" },
		"flip":     func(b bool) bool { return !b },
		"count":    func(l []interface{}) int { return len(l) },
		"keys": func(m map[string]interface{}) string {
			return fmt.Sprint(len(m))
		},
		"bytestr": func(b []byte) string { return string(b) },
		"joinstr": func(l []string) string { return strings.Join(l, "+") },
		"typeof":  func(v interface{}) string { return fmt.Sprintf("%T", v) },
		"add":     func(a, b int) int { return a + b },
		"cat": func(sep string, v ...interface{}) string {
			parts := make([]string, len(v))
			for i, x := range v {
				parts[i] = fmt.Sprint(x)
			}
			return strings.Join(parts, sep)
		},
		"list": func(v ...interface{}) []interface{} { return v },
		"dict": func(v ...interface{}) map[string]interface{} {
			m := map[string]interface{}{}
			for i := 0; i+1 < len(v); i += 2 {
				m[fmt.Sprint(v[i])] = v[i+1]
			}
			return m
		},
		"strs":   func(v ...string) []string { return v },
		"nilval": func() interface{} { return nil },
		"oops":   func(s string) (string, error) { return "", errors.New("oops: " + s) },
		"boom":   func() string { panic("boom") },
		"obj":    func(name string) *Obj { return &Obj{Name: name, Count: 1} },
		"fn":     func() func(int) int { return func(i int) int { return i + 1 } },
		"values": func(m map[string]interface{}) Values { return Values(m) },
	}
}

func decode(a interface{}) interface{} {
	switch v := a.(type) {
	case []interface{}:
		out := make([]interface{}, len(v))
		for i, e := range v {
			out[i] = decode(e)
		}
		return out
	case map[string]interface{}:
		out := map[string]interface{}{}
		for k, e := range v {
			out[k] = decode(e)
		}
		return out
	case string:
		if v == "nil" {
			return nil
		}
		tag, body, _ := strings.Cut(v, ":")
		switch tag {
		case "s":
			return body
		case "y":
			return []byte(body)
		case "b":
			return body == "true"
		case "i":
			n, err := strconv.Atoi(body)
			check(err)
			return n
		case "l":
			n, err := strconv.ParseInt(body, 10, 64)
			check(err)
			return n
		case "f":
			f, err := strconv.ParseFloat(body, 64)
			check(err)
			return f
		case "o":
			return &Obj{Name: body, Count: 2, Tags: []interface{}{"a", 1.5}, Meta: map[string]interface{}{"k": "v"}}
		}
	}
	panic(fmt.Sprintf("bad value %v", a))
}

func check(err error) {
	if err != nil {
		panic(err)
	}
}

func readCases(path string) []testCase {
	f, err := os.Open(path)
	check(err)
	defer f.Close()
	var cases []testCase
	var cur *testCase
	var body []string
	flush := func() {
		if cur != nil && len(cur.templates) > 0 {
			t := &cur.templates[len(cur.templates)-1]
			sep := "\n"
			if strings.HasSuffix(t.name, " crlf") {
				// "--- NAME crlf": the template's lines end with CR LF, as files written on Windows.
				t.name = strings.TrimSuffix(t.name, " crlf")
				sep = "\r\n"
			}
			t.text = strings.Join(body, sep)
		}
		body = nil
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "### "):
			flush()
			fields := strings.Fields(line[4:])
			cases = append(cases, testCase{name: fields[0]})
			cur = &cases[len(cases)-1]
			for _, opt := range fields[1:] {
				k, v, _ := strings.Cut(opt, "=")
				switch k {
				case "missingkey":
					cur.missingKey = v
				case "exec":
					cur.exec = v
				default:
					panic("bad option " + opt)
				}
			}
		case cur != nil && len(cur.templates) == 0 && strings.HasPrefix(line, "data: "):
			cur.data = line[len("data: "):]
		case cur != nil && strings.HasPrefix(line, "--- "):
			flush()
			cur.templates = append(cur.templates, tmpl{name: line[4:]})
		case cur != nil && len(cur.templates) > 0:
			body = append(body, line)
		case strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#"):
		default:
			panic("stray line: " + line)
		}
	}
	flush()
	return cases
}

func run(c testCase) (string, error) {
	root := template.New(c.templates[0].name).Funcs(testFuncs())
	if c.missingKey != "" {
		root.Option("missingkey=" + c.missingKey)
	}
	for _, t := range c.templates {
		if _, err := root.New(t.name).Parse(t.text); err != nil {
			return "", err
		}
	}
	var data interface{}
	if c.data != "" {
		var raw interface{}
		check(json.Unmarshal([]byte(c.data), &raw))
		data = decode(raw)
	}
	name := c.templates[0].name
	if c.exec != "" {
		name = c.exec
	}
	var out strings.Builder
	if err := root.ExecuteTemplate(&out, name, data); err != nil {
		return "", err
	}
	return out.String(), nil
}

func main() {
	cases := readCases(os.Args[1])
	results := make([]result, 0, len(cases))
	seen := map[string]bool{}
	for _, c := range cases {
		if seen[c.name] {
			panic("duplicate case " + c.name)
		}
		seen[c.name] = true
		out, err := run(c)
		r := result{Name: c.name}
		if err != nil {
			msg := err.Error()
			r.Error = &msg
		} else {
			r.Output = &out
		}
		results = append(results, r)
	}
	var b strings.Builder
	b.WriteString("[\n")
	for i, r := range results {
		var line strings.Builder
		enc := json.NewEncoder(&line)
		enc.SetEscapeHTML(false)
		check(enc.Encode(r))
		b.WriteString(strings.TrimSuffix(line.String(), "\n"))
		if i < len(results)-1 {
			b.WriteString(",")
		}
		b.WriteString("\n")
	}
	b.WriteString("]\n")
	check(os.WriteFile(os.Args[2], []byte(b.String()), 0o644))
}
