package stacktest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/embers/embers/internal/testpaths"
	"github.com/embers/embers/pkg/models"
)

const (
	ourDatasourceType = "embers-pyroscope-datasource"
	ourPanelType      = "embers-flamegraph-panel"
	dashboardsDir     = "src/dashboards"
)

// builtInPanels are Grafana's own panel types a dashboard may use beside ours.
var builtInPanels = []string{
	"row", "text", "timeseries", "stat", "gauge", "bargauge", "barchart", "table",
	"piechart", "heatmap", "histogram", "state-timeline", "status-history", "flamegraph",
	"dashlist", "news", "logs", "trend", "xychart",
}

// ourDatasourceRefs are the uids a reference may use: the dashboard's
// datasource variable, or the provisioned datasource.
var ourDatasourceRefs = []string{"${datasource}", "$datasource", "embers-pyroscope"}

type dashboard struct {
	UID        string `json:"uid"`
	Title      string `json:"title"`
	Templating struct {
		List []variable `json:"list"`
	} `json:"templating"`
	Panels []panel `json:"panels"`
}

type variable struct {
	Name       string          `json:"name"`
	Type       string          `json:"type"`
	Query      json.RawMessage `json:"query"`
	Datasource *dsRef          `json:"datasource"`
	Regex      string          `json:"regex"`
	Current    struct {
		Value any `json:"value"`
	} `json:"current"`
}

type panel struct {
	ID         int               `json:"id"`
	Type       string            `json:"type"`
	Title      string            `json:"title"`
	Datasource *dsRef            `json:"datasource"`
	Targets    []json.RawMessage `json:"targets"`
	Panels     []panel           `json:"panels"` // collapsed rows
}

type dsRef struct {
	Type string `json:"type"`
	UID  string `json:"uid"`
}

// dashboardFiles are every dashboard the app bundles and provisioning loads.
func dashboardFiles(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(testpaths.RepoRoot(t), dashboardsDir, "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no dashboards in %s: %v", dashboardsDir, err)
	}
	sort.Strings(files)
	return files
}

func loadDashboard(t *testing.T, path string) dashboard {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var d dashboard
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatalf("%s is not valid dashboard JSON: %v", filepath.Base(path), err)
	}
	return d
}

func allPanels(ps []panel) []panel {
	var out []panel
	for _, p := range ps {
		out = append(out, p)
		out = append(out, allPanels(p.Panels)...)
	}
	return out
}

func checkRef(t *testing.T, where string, ref *dsRef) {
	t.Helper()
	if ref == nil {
		return
	}
	if ref.Type != ourDatasourceType || !slices.Contains(ourDatasourceRefs, ref.UID) {
		t.Errorf("%s refers to datasource %+v; want type %s through the ${datasource} variable", where, *ref, ourDatasourceType)
	}
}

func TestDashboardsUseOnlyOurDatasourceAndKnownPanels(t *testing.T) {
	for _, f := range dashboardFiles(t) {
		d := loadDashboard(t, f)
		name := filepath.Base(f)
		if d.UID == "" || d.Title == "" {
			t.Errorf("%s needs a uid and a title", name)
		}
		hasDatasourceVar := false
		for _, v := range d.Templating.List {
			if v.Type == "datasource" {
				var q string
				_ = json.Unmarshal(v.Query, &q)
				if v.Name != "datasource" || q != ourDatasourceType {
					t.Errorf("%s: datasource variable %q lists %q; want \"datasource\" listing %s", name, v.Name, q, ourDatasourceType)
				}
				hasDatasourceVar = true
			}
			checkRef(t, name+" variable "+v.Name, v.Datasource)
		}
		if !hasDatasourceVar {
			t.Errorf("%s has no datasource variable: it would only work with one fixed uid", name)
		}
		for _, p := range allPanels(d.Panels) {
			where := name + " panel " + p.Title
			if p.Type != ourPanelType && !slices.Contains(builtInPanels, p.Type) {
				t.Errorf("%s has panel type %q, neither ours nor a Grafana built-in", where, p.Type)
			}
			checkRef(t, where, p.Datasource)
			for _, raw := range p.Targets {
				var tgt struct{ Datasource *dsRef }
				_ = json.Unmarshal(raw, &tgt)
				if tgt.Datasource == nil {
					t.Errorf("%s has a target without a datasource", where)
				}
				checkRef(t, where+" target", tgt.Datasource)
			}
		}
	}
}

var varRef = regexp.MustCompile(`\$\{(\w+)(?::\w+)?\}|\$(\w+)`)

// sampleValues takes each variable's saved current value (a textbox's query),
// which is what a fresh Grafana shows before the first refresh.
func sampleValues(t *testing.T, d dashboard) map[string]string {
	t.Helper()
	vals := map[string]string{}
	for _, v := range d.Templating.List {
		s, _ := v.Current.Value.(string)
		if s == "" && v.Type == "textbox" {
			_ = json.Unmarshal(v.Query, &s)
		}
		if s == "" {
			t.Errorf("%s: variable %s has no current value to start from", d.Title, v.Name)
		}
		vals[v.Name] = s
	}
	return vals
}

// interpolate replaces variables in every string of a target, as the frontend
// does before the query reaches the backend, and reports unknown ones.
func interpolate(v any, vals map[string]string, unknown *[]string) any {
	switch x := v.(type) {
	case string:
		return varRef.ReplaceAllStringFunc(x, func(m string) string {
			sub := varRef.FindStringSubmatch(m)
			name := sub[1] + sub[2]
			if val, ok := vals[name]; ok {
				return val
			}
			*unknown = append(*unknown, m)
			return m
		})
	case []any:
		for i := range x {
			x[i] = interpolate(x[i], vals, unknown)
		}
	case map[string]any:
		for k := range x {
			x[k] = interpolate(x[k], vals, unknown)
		}
	}
	return v
}

// Every query a dashboard sends must pass the backend's own validation, with
// the dashboard's starting variable values filled in.
func TestDashboardQueriesPassTheBackendValidation(t *testing.T) {
	for _, f := range dashboardFiles(t) {
		d := loadDashboard(t, f)
		vals := sampleValues(t, d)
		queries := 0
		for _, p := range allPanels(d.Panels) {
			for _, raw := range p.Targets {
				var tgt map[string]any
				if err := json.Unmarshal(raw, &tgt); err != nil {
					t.Fatal(err)
				}
				var unknown []string
				interpolate(tgt, vals, &unknown)
				if len(unknown) > 0 {
					t.Errorf("%s panel %q uses undefined variables %v", d.Title, p.Title, unknown)
				}
				b, _ := json.Marshal(tgt)
				q, err := models.ParseQuery(b)
				if err != nil {
					t.Errorf("%s panel %q: the backend rejects its query: %v\n%s", d.Title, p.Title, err, b)
					continue
				}
				queries++
				if p.Type == ourPanelType && q.QueryType != models.QueryTypeProfile && q.QueryType != models.QueryTypeDiff {
					t.Errorf("%s panel %q is a flame graph but asks for %q", d.Title, p.Title, q.QueryType)
				}
				if p.Type == "timeseries" && q.QueryType != models.QueryTypeMetrics {
					t.Errorf("%s panel %q is a time series but asks for %q", d.Title, p.Title, q.QueryType)
				}
			}
		}
		if queries == 0 {
			t.Errorf("%s has no queries", d.Title)
		}
	}
}

func TestServiceOverviewShowsCPUMemoryGoroutinesAndAFlameGraph(t *testing.T) {
	d := loadDashboard(t, filepath.Join(testpaths.RepoRoot(t), dashboardsDir, "service-overview.json"))
	vals := sampleValues(t, d)
	if vals["service"] == "" || vals["profile_type"] == "" {
		t.Fatalf("service overview needs service and profile_type variables, got %v", vals)
	}
	// Each panel reads the service's own type through a variable, never a
	// type id of one SDK.
	want := map[string]string{
		"$cpu_type":       "timeseries",
		"$memory_type":    "timeseries",
		"$goroutine_type": "timeseries",
		"$profile_type":   ourPanelType,
	}
	for _, p := range allPanels(d.Panels) {
		for _, raw := range p.Targets {
			var q struct {
				ProfileTypeID string   `json:"profileTypeId"`
				LabelSelector string   `json:"labelSelector"`
				GroupBy       []string `json:"groupBy"`
				QueryType     string   `json:"queryType"`
			}
			_ = json.Unmarshal(raw, &q)
			if want[q.ProfileTypeID] == p.Type {
				delete(want, q.ProfileTypeID)
			}
			if !strings.HasPrefix(q.ProfileTypeID, "$") {
				t.Errorf("panel %q hard-codes the profile type %q", p.Title, q.ProfileTypeID)
			}
			if !strings.Contains(q.LabelSelector, `service_name="$service"`) {
				t.Errorf("panel %q selector %q does not name the service (Pyroscope 2 hides fresh data without it)", p.Title, q.LabelSelector)
			}
			if p.Type == "timeseries" && len(q.GroupBy) == 0 {
				t.Errorf("time series %q is not grouped by a label", p.Title)
			}
		}
		if p.Type == ourPanelType && !strings.Contains(p.Title, "${profile_type:text}") {
			t.Errorf("flame panel title %q does not show the profile type's name", p.Title)
		}
	}
	for pt, typ := range want {
		t.Errorf("service overview lacks a %s panel for %s", typ, pt)
	}
}

// variableQuery is a variable's query as our variable support reads it.
type variableQuery struct {
	Kind          string `json:"kind"`
	LabelSelector string `json:"labelSelector"`
	ProfileTypeID string `json:"profileTypeId"`
}

func variablesByName(t *testing.T, d dashboard) (map[string]variableQuery, map[string]int) {
	t.Helper()
	queries, order := map[string]variableQuery{}, map[string]int{}
	for i, v := range d.Templating.List {
		order[v.Name] = i
		var q variableQuery
		_ = json.Unmarshal(v.Query, &q)
		queries[v.Name] = q
	}
	return queries, order
}

// The variables chain: service → the service's own profile types → the
// labels those types carry. Each refers only to variables before it, so
// Grafana refreshes them in order when the service changes.
func TestServiceOverviewVariablesChain(t *testing.T) {
	d := loadDashboard(t, filepath.Join(testpaths.RepoRoot(t), dashboardsDir, "service-overview.json"))
	queries, order := variablesByName(t, d)
	for _, name := range []string{"profile_type", "cpu_type", "memory_type", "goroutine_type"} {
		q, ok := queries[name]
		if !ok || q.Kind != "profileTypes" || q.LabelSelector != `{service_name="$service"}` {
			t.Errorf("variable %s = %+v, want the profile types of {service_name=\"$service\"}", name, q)
		}
	}
	for name, typeVar := range map[string]string{"group_by": "$cpu_type", "instant_group_by": "$memory_type"} {
		q := queries[name]
		if q.Kind != "labelNames" || q.ProfileTypeID != typeVar || q.LabelSelector != `{service_name="$service"}` {
			t.Errorf("variable %s = %+v, want the label names of $service's %s", name, q, typeVar)
		}
	}
	for _, v := range d.Templating.List {
		for _, m := range varRef.FindAllStringSubmatch(string(v.Query), -1) {
			used := m[1] + m[2]
			if at, ok := order[used]; !ok || at >= order[v.Name] {
				t.Errorf("variable %s uses $%s, which is not defined before it", v.Name, used)
			}
		}
	}
	// The hidden type variables find the types SDKs really send.
	regexes := map[string]string{}
	for _, v := range d.Templating.List {
		regexes[v.Name] = v.Regex
	}
	for name, ids := range map[string][2][]string{
		"cpu_type":       {{"process_cpu:cpu:nanoseconds:cpu:nanoseconds", "process_cpu:samples:count:cpu:nanoseconds"}, {"memory:alloc_space:bytes:space:bytes", "wall:wall:microseconds:wall:microseconds"}},
		"memory_type":    {{"memory:inuse_space:bytes:space:bytes", "memory:inuse_space:bytes:inuse_space:bytes"}, {"memory:inuse_objects:count:space:bytes", "memory:alloc_space:bytes:space:bytes"}},
		"goroutine_type": {{"goroutines:goroutine:count:goroutine:count", "goroutine:goroutines:count:goroutine:count"}, {"block:contentions:count:contentions:count"}},
	} {
		re, err := regexp.Compile(strings.TrimSuffix(strings.TrimPrefix(regexes[name], "/"), "/"))
		if err != nil || regexes[name] == "" {
			t.Errorf("variable %s regex %q: %v", name, regexes[name], err)
			continue
		}
		for _, id := range ids[0] {
			if !re.MatchString(id) {
				t.Errorf("variable %s does not find %s", name, id)
			}
		}
		for _, id := range ids[1] {
			if re.MatchString(id) {
				t.Errorf("variable %s takes %s", name, id)
			}
		}
	}
}

func TestCompareDashboardDiffsLabelSetsAndTimeRanges(t *testing.T) {
	d := loadDashboard(t, filepath.Join(testpaths.RepoRoot(t), dashboardsDir, "compare.json"))
	var labelSets, shifted bool
	for _, p := range allPanels(d.Panels) {
		for _, raw := range p.Targets {
			var q struct {
				QueryType     string `json:"queryType"`
				LabelSelector string `json:"labelSelector"`
				Right         *struct {
					LabelSelector string `json:"labelSelector"`
					TimeShift     string `json:"timeShift"`
				} `json:"right"`
			}
			_ = json.Unmarshal(raw, &q)
			if q.QueryType != "diff" || q.Right == nil {
				t.Errorf("compare panel %q is not a diff query", p.Title)
				continue
			}
			for _, sel := range []string{q.LabelSelector, q.Right.LabelSelector} {
				if !strings.Contains(sel, `service_name="$service"`) {
					t.Errorf("compare panel %q selector %q ignores the chosen service", p.Title, sel)
				}
			}
			if q.Right.TimeShift != "" {
				shifted = true
			} else if q.Right.LabelSelector != q.LabelSelector {
				labelSets = true
			}
		}
	}
	if !labelSets || !shifted {
		t.Errorf("compare needs a diff of two label sets (%v) and one of two time ranges (%v)", labelSets, shifted)
	}
}

// appDashboardIncludes are the dashboard paths the app's plugin.json lists,
// sorted, relative to the plugin folder.
func appDashboardIncludes(t *testing.T) []string {
	t.Helper()
	var plugin struct {
		Includes []struct{ Type, Name, Path string } `json:"includes"`
	}
	if err := json.Unmarshal(readFile(t, "src/plugin.json"), &plugin); err != nil {
		t.Fatal(err)
	}
	var included []string
	for _, inc := range plugin.Includes {
		if inc.Type == "dashboard" {
			included = append(included, inc.Path)
		}
	}
	sort.Strings(included)
	return included
}

// The app bundles exactly the dashboards in src/dashboards.
func TestAppIncludesEveryDashboard(t *testing.T) {
	var files []string
	for _, f := range dashboardFiles(t) {
		files = append(files, "dashboards/"+filepath.Base(f))
	}
	if included := appDashboardIncludes(t); !slices.Equal(included, files) {
		t.Errorf("src/plugin.json includes dashboards %v, but src/dashboards holds %v", included, files)
	}
}

// Grafana re-imports an app's dashboard when its revision changes (a missing
// one counts as 1): every bundled dashboard states its revision.
func TestBundledDashboardsHaveARevision(t *testing.T) {
	for _, f := range dashboardFiles(t) {
		var d struct {
			Revision *int `json:"revision"`
		}
		if err := json.Unmarshal(readFile(t, filepath.Join(dashboardsDir, filepath.Base(f))), &d); err != nil {
			t.Fatal(err)
		}
		if d.Revision == nil || *d.Revision < 1 {
			t.Errorf("%s has no revision >= 1: Grafana would never update an imported copy", filepath.Base(f))
		}
	}
}
