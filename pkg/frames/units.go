package frames

// GrafanaUnit maps a Pyroscope sample unit to a Grafana unit id. Units Grafana
// has no id for pass through unchanged: Grafana then shows them as a suffix,
// which is better than failing a query over a label.
func GrafanaUnit(sampleUnit string) string {
	switch sampleUnit {
	case "nanoseconds":
		return "ns"
	case "microseconds":
		return "µs"
	case "milliseconds":
		return "ms"
	case "seconds":
		return "s"
	case "bytes":
		return "bytes"
	case "count", "":
		return "short"
	default:
		return sampleUnit
	}
}
