// Package shared holds what the frontend and the backend must say alike:
// messages.json, which the TypeScript code imports and this package embeds.
package shared

import (
	_ "embed"
	"encoding/json"
	"strings"
)

//go:embed messages.json
var messagesJSON []byte

// Messages are the texts of the rules both halves enforce.
type Messages struct {
	About                string `json:"about"`
	MaxNodesRange        string `json:"maxNodesRange"`
	SeriesLimitRange     string `json:"seriesLimitRange"`
	TimeoutNotPositive   string `json:"timeoutNotPositive"`
	TimeoutTooLong       string `json:"timeoutTooLong"`
	MinStepNotDuration   string `json:"minStepNotDuration"`
	MinStepTooLong       string `json:"minStepTooLong"`
	MinStepZero          string `json:"minStepZero"`
	TimeShiftNotDuration string `json:"timeShiftNotDuration"`
	TenantInvalid        string `json:"tenantInvalid"`
	URLRequired          string `json:"urlRequired"`
	URLScheme            string `json:"urlScheme"`
	URLInvalid           string `json:"urlInvalid"`
	SpanIDEmpty          string `json:"spanIdEmpty"`
	SpanIDLength         string `json:"spanIdLength"`
	SpanIDNotHex         string `json:"spanIdNotHex"`
	SpanIDZeros          string `json:"spanIdZeros"`
}

// Text is the messages as shipped; the file is part of the build, so a
// broken one stops every test at start.
var Text = func() Messages {
	var m Messages
	dec := json.NewDecoder(strings.NewReader(string(messagesJSON)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil {
		panic("src/shared/messages.json: " + err.Error())
	}
	return m
}()

// With puts what the user typed in place of {value}.
func With(message, value string) string {
	return strings.ReplaceAll(message, "{value}", value)
}
