package models

import (
	"encoding/json"
	"fmt"
	"strconv"
)

// sdkTextFields are the jsonData keys the plugin SDK reads with an unchecked
// string conversion (backend.parseHTTPSettings, proxy options): any other type
// there, null included, makes the SDK panic. Each applies only when its
// switch is on, the way the SDK reads it; "" means always.
var sdkTextFields = []struct{ key, when string }{
	{"access", ""},
	{"url", ""},
	{"basicAuthUser", "basicAuth"},
	{"serverName", "tlsAuth"},
	{"serverName", "tlsAuthWithCACert"},
	{"sigV4Region", "sigV4Auth"},
	{"sigV4AssumeRoleArn", "sigV4Auth"},
	{"sigV4AuthType", "sigV4Auth"},
	{"sigV4ExternalId", "sigV4Auth"},
	{"sigV4Profile", "sigV4Auth"},
	{"secureSocksProxyUsername", ""},
}

// checkSDKFields reads the raw jsonData before the SDK does and names the
// first field whose type would crash it.
func checkSDKFields(raw []byte) error {
	if len(raw) == 0 {
		return nil
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil {
		return fmt.Errorf("the data source settings could not be read: %v", jsonProblem(err))
	}
	for _, f := range sdkTextFields {
		if f.when != "" && !isTrue(fields[f.when]) {
			continue
		}
		if err := mustBeText(fields, f.key); err != nil {
			return err
		}
	}
	// Custom headers: the SDK reads httpHeaderName1, 2, … until one is missing.
	for i := 1; ; i++ {
		key := "httpHeaderName" + strconv.Itoa(i)
		if _, ok := fields[key]; !ok {
			return nil
		}
		if err := mustBeText(fields, key); err != nil {
			return err
		}
	}
}

func mustBeText(fields map[string]json.RawMessage, key string) error {
	v, ok := fields[key]
	if !ok {
		return nil
	}
	var s *string // null decodes without error but still crashes the SDK
	if json.Unmarshal(v, &s) == nil && s != nil {
		return nil
	}
	return fmt.Errorf("the setting %s must be text, but it holds %s: save the data source again or fix its provisioning file", key, jsonKind(v))
}

func isTrue(v json.RawMessage) bool {
	var b bool
	return json.Unmarshal(v, &b) == nil && b
}

// jsonKind names the JSON type of a value the way a person reads it.
func jsonKind(v json.RawMessage) string {
	var x any
	if json.Unmarshal(v, &x) != nil {
		return "something unreadable"
	}
	switch x.(type) {
	case nil:
		return "null"
	case float64:
		return "a number"
	case bool:
		return "true/false"
	case []any:
		return "a list"
	case map[string]any:
		return "an object"
	}
	return "text"
}
