// Package frames turns Pyroscope's query answers into Grafana data frames and
// does nothing else: flame graph levels become the nested-set "flamegraph"
// frame (level, value, self, label in depth-first pre-order), diff levels add
// valueRight/selfRight, and SelectSeries answers become time series frames
// under one rate rule. No network, no settings: callers pass what they fetched.
package frames
