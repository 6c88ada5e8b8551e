package plugin

import "testing"

func TestSelectorNamesService(t *testing.T) {
	cases := map[string]bool{
		`{service_name="checkout"}`:                 true,
		`{ service_name = "checkout", region="eu"}`: true,
		`{region="eu",service_name="checkout"}`:     true,
		`{service_name=~"check.*"}`:                 false,
		`{service_name!="checkout"}`:                false,
		`{my_service_name="checkout"}`:              false,
		`{}`:                                        false,
		`{"service_name"="checkout"}`:               true,
		`{"k8s.namespace"="a", 'service_name'='x'}`: true,
		`{"service_name"=~"check.*"}`:               false,
		`{"my.service_name"="checkout"}`:            false,
	}
	for sel, want := range cases {
		if got := selectorNamesService(sel); got != want {
			t.Errorf("selectorNamesService(%s) = %v, want %v", sel, got, want)
		}
	}
}

func TestFromAlert(t *testing.T) {
	cases := []struct {
		headers map[string]string
		want    bool
	}{
		{map[string]string{"FromAlert": "true"}, true},
		{map[string]string{"fromalert": "true"}, true},
		{map[string]string{"http_X-Rule-Name": "cpu high"}, true},
		{map[string]string{"FromAlert": "false"}, false},
		{map[string]string{"http_X-Grafana-Org-Id": "1"}, false},
		{nil, false},
	}
	for _, c := range cases {
		if got := fromAlert(c.headers); got != c.want {
			t.Errorf("fromAlert(%v) = %v, want %v", c.headers, got, c.want)
		}
	}
}
