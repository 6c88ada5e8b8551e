package plugin

import (
	"testing"

	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/embers/embers/pkg/pyroscope/replay"
)

func TestEachSeriesLinksToTheFlameGraphOfItsGroup(t *testing.T) {
	rc := replay.Load(t, "series-embers-workload-by-region")
	srv := replay.Serve(t, rc)
	d := newDSWithUID(t, srv.URL)
	res := runQueries(t, d, nil, dataQuery("A", recordedRange(t, rc), queryJSON("metrics", cpuType, `{service_name="embers-workload"}`, `"groupBy":["region"]`))).Responses["A"]
	if res.Error != nil {
		t.Fatal(res.Error)
	}
	selectors := map[string]bool{}
	for _, f := range res.Frames {
		links := f.Fields[1].Config.Links
		if len(links) != 1 || links[0].Internal == nil || links[0].Internal.DatasourceUID != "embers-uid" || links[0].Internal.Range != nil {
			t.Fatalf("%s: links %+v, want one internal link that keeps the panel's range", f.Name, links)
		}
		q := links[0].Internal.Query.(map[string]any)
		if q["queryType"] != "profile" || q["profileTypeId"] != cpuType {
			t.Errorf("%s: link query %v", f.Name, q)
		}
		selectors[q["labelSelector"].(string)] = true
	}
	for _, want := range []string{`{service_name="embers-workload", region="eu-west"}`, `{service_name="embers-workload", region="us-east"}`} {
		if !selectors[want] {
			t.Errorf("no series links to %s (got %v)", want, selectors)
		}
	}
}

func TestWithLabelsQuotesWhatNeedsIt(t *testing.T) {
	for _, tt := range []struct {
		sel    string
		labels data.Labels
		want   string
	}{
		{`{}`, data.Labels{"region": "eu"}, `{region="eu"}`},
		{` {service_name="a"} `, nil, `{service_name="a"}`},
		{`{service_name="a"}`, data.Labels{"service.namespace": `shop "1"`}, `{service_name="a", "service.namespace"="shop \"1\""}`},
	} {
		if got := withLabels(tt.sel, tt.labels); got != tt.want {
			t.Errorf("withLabels(%s, %v) = %s, want %s", tt.sel, tt.labels, got, tt.want)
		}
	}
}
