// Package pyroscopetest is an in-process Pyroscope for tests: an HTTP server
// speaking Pyroscope's Connect query API (querier.v1.QuerierService, protobuf
// and JSON) over profiles ingested from pprof files, with the real server's
// limits, error codes and messages and flame graph encoding.
//
// It was checked against answers recorded from a real Pyroscope v2 server
// (the shared testdata's recorded folder; see recorded_test.go): profile
// types, label names and values, series, errors and their JSON match
// exactly; merged flame graphs match per stack wherever the server kept the
// stacks as uploaded, maxNodes 16 included.
//
// What it imitates:
//   - ingest: profile names from __name__ or derived like the Go SDK's
//     (process_cpu, memory, ...); pprof string labels become series labels
//     (profile_id and span_id excepted); frames with only an address are
//     dropped, a sample with an empty location is dropped whole; function
//     id 0 and non-UTF-8 strings are refused with the server's message.
//   - limits: max_query_length (24h), the maxNodes cap (1,048,576) and its
//     default (8192), a missing time range; multi-tenancy (WithTenant).
//   - maxNodes truncation into "other" nodes with Pyroscope's cut-off, for
//     merges and diffs.
//   - span profiles: span_id is kept per sample, and SelectMergeSpanProfile
//     merges the samples of the spans asked for.
//   - WithUncompacted: a v2 server before its first compaction, where
//     queries without service_name="..." see nothing.
//   - faults (Fault): proxy pages, 5xx, garbage bodies, slow or hung
//     answers (PeakWaiting counts the calls held at once), answers cut
//     off mid-body.
//
// What it does not: repair Go stacks cut at 32 frames (totals still match),
// SelectHeatmap, GetProfileStats and AnalyzeQuery
// (they answer "unimplemented"), the pprof period in SelectMergeProfile.
package pyroscopetest
