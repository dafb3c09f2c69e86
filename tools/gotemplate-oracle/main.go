// Command gotemplate-oracle renders template cases with the real Go text/template, Sprig and Helm's
// engine (helm.sh/helm/v3 pkg/engine, the version the Helm 3.17 binary in tools/helm-oracle is
// built from) and writes what Helm produced: the rendered text or the exact error message.
//
// Its module requirements resolve to exactly the dependency versions of that binary (go version -m),
// so YAML, Sprig and the API version set behave as the binary does.
//
// Usage: gotemplate-oracle CASES.yaml GOLDEN.json
//
//	gotemplate-oracle --api-versions   (prints Helm's default .Capabilities.APIVersions, one a line)
//	gotemplate-oracle --bench CHARTDIR [N]   (CPU time of Helm's engine per warm render of a chart)
//
// A case file is a YAML list of cases (see README.md for every field):
//
//   - name: range-map-sorted
//     template: '{{ range $k, $v := .Values.m }}{{ $k }}={{ $v }};{{ end }}'
//     values: |
//     m: {b: 2, a: 1}
//
// Each case becomes an in-memory chart (Chart.yaml metadata, templates, files, values) rendered
// exactly as `helm template` renders a chart: chartutil.ToRenderValues builds .Values/.Release/
// .Chart/.Capabilities, engine.Engine.Render parses every template into one namespace and executes
// them, so include, tpl, required, lookup, missing keys and the "<no value>" stripping are Helm's
// own. The golden file is a JSON list, in case order, of {name, output} or {name, error}.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
	"time"

	"helm.sh/helm/v3/pkg/chart"
	"helm.sh/helm/v3/pkg/chart/loader"
	"helm.sh/helm/v3/pkg/chartutil"
	"helm.sh/helm/v3/pkg/engine"
	"helm.sh/helm/v3/pkg/strvals"
	"sigs.k8s.io/yaml"
)

// mainTemplate is the template whose output a case records.
const mainTemplate = "templates/main.yaml"

// Case is one entry of a case file.
type Case struct {
	Name string `json:"name"`
	// Template is the text of templates/main.yaml, the template whose output is recorded.
	Template *string `json:"template"`
	// Helpers is the text of templates/_helpers.tpl (defines shared with Template).
	Helpers *string `json:"helpers"`
	// Templates holds more templates by path relative to the chart root (templates/x.yaml).
	Templates map[string]string `json:"templates"`
	// Files holds non-template chart files by path, for .Files.
	Files map[string]string `json:"files"`
	// Values is a values file as the user passes it with -f (YAML text).
	Values string `json:"values"`
	// ChartValues is the chart's own values.yaml (YAML text).
	ChartValues string `json:"chartValues"`
	// Set and SetString are --set and --set-string flags, applied after Values.
	Set       []string `json:"set"`
	SetString []string `json:"setString"`
	// Strict renders as `helm lint --strict` does (missingkey=error).
	Strict bool `json:"strict"`
	// Chart overrides Chart.yaml metadata (default name "c", version "0.1.0", apiVersion v2).
	Chart map[string]interface{} `json:"chart"`
	// Release overrides the release: name, namespace, revision, isUpgrade.
	Release *ReleaseOptions `json:"release"`
	// KubeVersion and APIVersions are --kube-version and --api-versions.
	KubeVersion string   `json:"kubeVersion"`
	APIVersions []string `json:"apiVersions"`
}

// ReleaseOptions mirrors the release flags of helm template / install / upgrade.
type ReleaseOptions struct {
	Name      string `json:"name"`
	Namespace string `json:"namespace"`
	Revision  int    `json:"revision"`
	IsUpgrade bool   `json:"isUpgrade"`
}

// Result is one golden entry: exactly one of Output and Error is set.
type Result struct {
	Name   string  `json:"name"`
	Output *string `json:"output,omitempty"`
	Error  *string `json:"error,omitempty"`
}

func main() {
	if len(os.Args) == 2 && os.Args[1] == "--api-versions" {
		for _, v := range chartutil.DefaultVersionSet {
			fmt.Println(v)
		}
		return
	}
	if len(os.Args) >= 3 && os.Args[1] == "--bench" {
		if err := bench(os.Args[2:]); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		return
	}
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: gotemplate-oracle CASES.yaml GOLDEN.json")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(casesPath, goldenPath string) error {
	data, err := os.ReadFile(casesPath)
	if err != nil {
		return err
	}
	var cases []Case
	if err := yaml.UnmarshalStrict(data, &cases); err != nil {
		return fmt.Errorf("%s: %w", casesPath, err)
	}
	seen := map[string]bool{}
	results := make([]Result, 0, len(cases))
	for _, c := range cases {
		if c.Name == "" || seen[c.Name] {
			return fmt.Errorf("%s: case names must be present and unique: %q", casesPath, c.Name)
		}
		seen[c.Name] = true
		out, renderErr, err := render(c)
		if err != nil {
			return fmt.Errorf("%s: case %s: %w", casesPath, c.Name, err)
		}
		r := Result{Name: c.Name}
		if renderErr != nil {
			msg := renderErr.Error()
			r.Error = &msg
		} else {
			r.Output = &out
		}
		results = append(results, r)
	}
	var buf strings.Builder
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(results); err != nil {
		return err
	}
	return os.WriteFile(goldenPath, []byte(buf.String()), 0o644)
}

// render returns the output of templates/main.yaml, or the error Helm reports (renderErr); err is
// a mistake in the case itself.
func render(c Case) (out string, renderErr error, err error) {
	chrt, err := buildChart(c)
	if err != nil {
		return "", nil, err
	}
	userVals, err := userValues(c)
	if err != nil {
		return "", nil, err
	}
	caps, err := capabilities(c)
	if err != nil {
		return "", nil, err
	}
	rel := chartutil.ReleaseOptions{Name: "release-name", Namespace: "default", Revision: 1, IsInstall: true}
	if c.Release != nil {
		if c.Release.Name != "" {
			rel.Name = c.Release.Name
		}
		if c.Release.Namespace != "" {
			rel.Namespace = c.Release.Namespace
		}
		if c.Release.Revision != 0 {
			rel.Revision = c.Release.Revision
		}
		rel.IsUpgrade = c.Release.IsUpgrade
		rel.IsInstall = !c.Release.IsUpgrade
	}
	top, err := chartutil.ToRenderValues(chrt, userVals, rel, caps)
	if err != nil {
		return "", err, nil
	}
	rendered, err := engine.Engine{Strict: c.Strict}.Render(chrt, top)
	if err != nil {
		return "", err, nil
	}
	return rendered[chrt.Metadata.Name+"/"+mainTemplate], nil, nil
}

func buildChart(c Case) (*chart.Chart, error) {
	meta := map[string]interface{}{"apiVersion": "v2", "name": "c", "version": "0.1.0"}
	for k, v := range c.Chart {
		meta[k] = v
	}
	metaJSON, err := json.Marshal(meta)
	if err != nil {
		return nil, err
	}
	md := &chart.Metadata{}
	if err := json.Unmarshal(metaJSON, md); err != nil {
		return nil, fmt.Errorf("chart: %w", err)
	}
	chrt := &chart.Chart{Metadata: md}
	templates := map[string]string{}
	for name, text := range c.Templates {
		templates[name] = text
	}
	if c.Template != nil {
		templates[mainTemplate] = *c.Template
	}
	if c.Helpers != nil {
		templates["templates/_helpers.tpl"] = *c.Helpers
	}
	if _, ok := templates[mainTemplate]; !ok {
		return nil, fmt.Errorf("no %s (template:)", mainTemplate)
	}
	for _, name := range sortedKeys(templates) {
		chrt.Templates = append(chrt.Templates, &chart.File{Name: name, Data: []byte(templates[name])})
	}
	for _, name := range sortedKeys(c.Files) {
		chrt.Files = append(chrt.Files, &chart.File{Name: name, Data: []byte(c.Files[name])})
	}
	chrt.Values, err = chartutil.ReadValues([]byte(c.ChartValues))
	if err != nil {
		return nil, fmt.Errorf("chartValues: %w", err)
	}
	return chrt, nil
}

// userValues merges -f values, --set and --set-string as helm's values.Options does.
func userValues(c Case) (map[string]interface{}, error) {
	vals, err := chartutil.ReadValues([]byte(c.Values))
	if err != nil {
		return nil, fmt.Errorf("values: %w", err)
	}
	base := map[string]interface{}(vals)
	for _, s := range c.Set {
		if err := strvals.ParseInto(s, base); err != nil {
			return nil, fmt.Errorf("set %q: %w", s, err)
		}
	}
	for _, s := range c.SetString {
		if err := strvals.ParseIntoString(s, base); err != nil {
			return nil, fmt.Errorf("setString %q: %w", s, err)
		}
	}
	return base, nil
}

// capabilities are those of the Helm 3.17.2 release binary run client-side (helm template):
// Kubernetes v1.32.0 and the binary's own build info, plus --kube-version and --api-versions.
func capabilities(c Case) (*chartutil.Capabilities, error) {
	caps := chartutil.DefaultCapabilities.Copy()
	caps.KubeVersion = chartutil.KubeVersion{Version: "v1.32.0", Major: "1", Minor: "32"}
	caps.HelmVersion.Version = "v3.17.2"
	caps.HelmVersion.GitCommit = "cc0bbbd6d6276b83880042c1ecb34087e84d41eb"
	caps.HelmVersion.GitTreeState = "clean"
	caps.HelmVersion.GoVersion = "go1.23.7"
	if c.KubeVersion != "" {
		kv, err := chartutil.ParseKubeVersion(c.KubeVersion)
		if err != nil {
			return nil, fmt.Errorf("kubeVersion: %w", err)
		}
		caps.KubeVersion = *kv
	}
	if len(c.APIVersions) > 0 {
		caps.APIVersions = append(chartutil.VersionSet{}, caps.APIVersions...)
		caps.APIVersions = append(caps.APIVersions, c.APIVersions...)
	}
	return caps, nil
}

// bench renders a chart directory the way helm template does in-process (values, then
// engine.Render), N times after N warm-up renders, and prints the mean time per render: the
// figure docs/performance.md sets beside Capstan's warm renders.
func bench(args []string) error {
	n := 500
	if len(args) > 1 {
		if _, err := fmt.Sscan(args[1], &n); err != nil {
			return err
		}
	}
	chrt, err := loader.Load(args[0])
	if err != nil {
		return err
	}
	caps, err := capabilities(Case{})
	if err != nil {
		return err
	}
	rel := chartutil.ReleaseOptions{Name: "bench", Namespace: "default", Revision: 1, IsInstall: true}
	once := func() error {
		top, err := chartutil.ToRenderValues(chrt, map[string]interface{}{}, rel, caps)
		if err != nil {
			return err
		}
		_, err = engine.Engine{}.Render(chrt, top)
		return err
	}
	for i := 0; i < n; i++ {
		if err := once(); err != nil {
			return err
		}
	}
	start := time.Now()
	for i := 0; i < n; i++ {
		if err := once(); err != nil {
			return err
		}
	}
	fmt.Printf("%s: %.3f ms/render (Helm %s engine, %d renders)\n", args[0],
		float64(time.Since(start).Microseconds())/1000/float64(n), caps.HelmVersion.Version, n)
	return nil
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
