package pyroscopetest

import "testing"

func TestSelectorMatching(t *testing.T) {
	labels := map[string]string{"service_name": "api", "region": "eu-west", "__name__": "process_cpu", "k8s.namespace": "prod"}
	cases := []struct {
		sel  string
		want bool
	}{
		{``, true},
		{`{}`, true},
		{`{service_name="api"}`, true},
		{`{service_name="web"}`, false},
		{`{service_name!="web"}`, true},
		{`{region=~"eu-.*"}`, true},
		{`{region=~"eu"}`, false}, // anchored like Prometheus
		{`{region!~"us-.*", service_name='api'}`, true},
		{`{service_name="api",}`, true},
		{`{missing=""}`, true},
		{`process_cpu{service_name="api"}`, true},
		{`memory{service_name="api"}`, false},
		{`{service_name="a\"pi"}`, false},
		{`{"k8s.namespace"="prod"}`, true},
		{`{k8s.namespace="prod", "service_name"="api"}`, true},
		{`{'k8s.namespace'!="prod"}`, false},
	}
	for _, c := range cases {
		sel, err := parseSelector(c.sel)
		if err != nil {
			t.Errorf("%s: %v", c.sel, err)
			continue
		}
		if got := sel.matches(labels); got != c.want {
			t.Errorf("%s matches = %v, want %v", c.sel, got, c.want)
		}
	}
}

func TestSelectorErrors(t *testing.T) {
	cases := map[string]string{
		`{service_name=`:    `parsing label selector "{service_name=": 1:15: parse error: unexpected end of input inside braces`,
		`{service_name="a"`: `parsing label selector "{service_name=\"a\"": 1:18: parse error: unexpected end of input inside braces`,
		`{service_name=a}`:  `parsing label selector "{service_name=a}": 1:15: parse error: unexpected character inside braces: 'a', expected string`,
		`{region=~"("}`:     `parsing label selector "{region=~\"(\"}": 1:13: parse error: invalid regular expression "(": error parsing regexp: missing closing ): ` + "`^(?:()$`",
		`{a="b"} x`:         `parsing label selector "{a=\"b\"} x": 1:9: parse error: unexpected character after selector: 'x'`,
	}
	for in, want := range cases {
		_, err := parseSelector(in)
		if err == nil || err.Error() != want {
			t.Errorf("%s:\n got %v\nwant %s", in, err, want)
		}
	}
}

func FuzzParseSelector(f *testing.F) {
	for _, s := range []string{`{service_name="api"}`, `{a=~"x|y",b!="c"}`, `{`, `x{}`, `{a='\''}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		sel, err := parseSelector(in)
		if err == nil {
			sel.matches(map[string]string{"a": "b"})
		}
	})
}
