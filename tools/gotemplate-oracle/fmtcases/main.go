// Command fmtcases prints Go's fmt output (and reflect kinds and template truth) for the cases in fmt-cases.json, producing the golden
// file GoFmtTest checks the Java port against. Arguments are tagged strings so that both sides
// build the same Go values: "i:3" int, "l:3" int64, "f:3" float64, "s:x" string, "b:true" bool,
// "y:abc" []byte, "nil" nil; JSON arrays are []interface{} and objects map[string]interface{}.
//
//	go run . ../../../chart-renderer/src/test/resources/gotemplate/fmt-cases.json \
//	  ../../../chart-renderer/src/test/resources/gotemplate/fmt-golden.json
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"strconv"
	"strings"
	"text/template"
)

type fmtCase struct {
	Fn     string        `json:"fn"`
	Format string        `json:"format,omitempty"`
	Args   []interface{} `json:"args"`
	Out    string        `json:"out"`
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
		}
	}
	panic(fmt.Sprintf("bad argument %v", a))
}

func check(err error) {
	if err != nil {
		panic(err)
	}
}

func main() {
	data, err := os.ReadFile(os.Args[1])
	check(err)
	var cases []fmtCase
	check(json.Unmarshal(data, &cases))
	for i := range cases {
		c := &cases[i]
		args := make([]interface{}, len(c.Args))
		for j, a := range c.Args {
			args[j] = decode(a)
		}
		switch c.Fn {
		case "sprint":
			c.Out = fmt.Sprint(args...)
		case "sprintln":
			c.Out = fmt.Sprintln(args...)
		case "sprintf":
			c.Out = fmt.Sprintf(c.Format, args...)
		case "kind":
			c.Out = reflect.ValueOf(args[0]).Kind().String()
		case "truth":
			truth, _ := template.IsTrue(args[0])
			c.Out = strconv.FormatBool(truth)
		default:
			panic("bad fn " + c.Fn)
		}
	}
	// One case a line keeps the golden file reviewable in a diff.
	var b strings.Builder
	b.WriteString("[\n")
	for i, c := range cases {
		line, err := json.Marshal(c)
		check(err)
		b.Write(line)
		if i < len(cases)-1 {
			b.WriteString(",")
		}
		b.WriteString("\n")
	}
	b.WriteString("]\n")
	check(os.WriteFile(os.Args[2], []byte(b.String()), 0o644))
}
