package pyroscope

import (
	"math"
	"testing"

	querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"
	"google.golang.org/protobuf/proto"
)

// The fast decode reads exactly what the protobuf library reads.
func TestFlameCodecDecodesLikeProtobuf(t *testing.T) {
	cases := map[string]*querierv1.SelectMergeStacktracesResponse{
		"empty":     {},
		"root only": {Flamegraph: &querierv1.FlameGraph{Names: []string{"total"}, Levels: []*querierv1.Level{{Values: []int64{0, 0, 0, 0}}}}},
		"names and big values": {Flamegraph: &querierv1.FlameGraph{
			Names:  []string{"total", "main.main", "crypto/sha256.block", "ünïcode·名前", ""},
			Levels: []*querierv1.Level{{Values: []int64{0, math.MaxInt64, 0, 0}}, {Values: []int64{0, 300, 200, 1, 5, 1 << 40, -7, 4}}, {}},
			Total:  1000, MaxSelf: 300,
		}},
	}
	for name, want := range cases {
		t.Run(name, func(t *testing.T) {
			body, err := proto.Marshal(want)
			if err != nil {
				t.Fatal(err)
			}
			var got querierv1.SelectMergeStacktracesResponse
			if err := (flameCodec{}).Unmarshal(body, &got); err != nil {
				t.Fatal(err)
			}
			if !proto.Equal(&got, want) {
				t.Errorf("decoded %v, want %v", &got, want)
			}
			// The names must not share the caller's buffer, which connect reuses.
			clear(body)
			if !proto.Equal(&got, want) {
				t.Error("the names changed with the buffer they were read from")
			}
		})
	}
}

func TestFlameCodecRefusesBrokenAnswers(t *testing.T) {
	good, _ := proto.Marshal(&querierv1.SelectMergeStacktracesResponse{Flamegraph: &querierv1.FlameGraph{
		Names: []string{"total", "a"}, Levels: []*querierv1.Level{{Values: []int64{0, 1000, 0, 0}}}, Total: 1000,
	}})
	for cut := 1; cut < len(good); cut++ {
		var got querierv1.SelectMergeStacktracesResponse
		err := (flameCodec{}).Unmarshal(good[:cut], &got)
		if protoErr := proto.Unmarshal(good[:cut], &querierv1.SelectMergeStacktracesResponse{}); (err == nil) != (protoErr == nil) {
			t.Errorf("cut at %d: codec says %v, protobuf says %v", cut, err, protoErr)
		}
	}
	badUTF8, _ := proto.Marshal(&querierv1.SelectMergeStacktracesResponse{Flamegraph: &querierv1.FlameGraph{Names: []string{"total"}}})
	badUTF8[len(badUTF8)-1] = 0xff
	if err := (flameCodec{}).Unmarshal(badUTF8, &querierv1.SelectMergeStacktracesResponse{}); err == nil {
		t.Error("a name that is not UTF-8 was accepted")
	}
}
