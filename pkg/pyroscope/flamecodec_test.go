package pyroscope

import (
	"context"
	"math"
	"testing"

	querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"
	"google.golang.org/protobuf/encoding/protowire"
	"google.golang.org/protobuf/proto"

	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/embers/embers/pkg/frames"
)

func frameJSON(t *testing.T, f *data.Frame, err error) string {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
	b, err := f.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// The packed decode gives the same frame as the protobuf library's decode.
func TestFlameCodecGivesTheSameFrameAsProtobuf(t *testing.T) {
	cases := map[string]*querierv1.SelectMergeStacktracesResponse{
		"no flame graph": {},
		"root only":      {Flamegraph: &querierv1.FlameGraph{Names: []string{"total"}, Levels: []*querierv1.Level{{Values: []int64{0, 0, 0, 0}}}}},
		"names and big values": {Flamegraph: &querierv1.FlameGraph{
			Names: []string{"total", "main.main", "crypto/sha256.block", "ünïcode·名前"},
			Levels: []*querierv1.Level{{Values: []int64{0, math.MaxInt64 - 1, 0, 0}},
				{Values: []int64{0, 1 << 40, 200, 1, 5, 300, 300, 2}}, {Values: []int64{200, 1 << 39, 1 << 39, 3}}},
			Total: 1000, MaxSelf: 300,
		}},
	}
	for name, msg := range cases {
		t.Run(name, func(t *testing.T) {
			body, err := proto.Marshal(msg)
			if err != nil {
				t.Fatal(err)
			}
			var packed frames.PackedFlameGraph
			if err := (flameCodec{}).Unmarshal(body, &packed); err != nil {
				t.Fatal(err)
			}
			// connect reuses the buffer: nothing may point into it.
			clear(body)
			wantFrame, err := frames.FlameGraph(msg.Flamegraph, "nanoseconds")
			want := frameJSON(t, wantFrame, err)
			gotFrame, err := frames.FlameGraphPacked(context.Background(), &packed, "nanoseconds", 0)
			got := frameJSON(t, gotFrame, err)
			if got != want {
				t.Errorf("packed decode gives\n%s\nwant\n%s", got, want)
			}
			if packed.Total != msg.GetFlamegraph().GetTotal() || packed.MaxSelf != msg.GetFlamegraph().GetMaxSelf() {
				t.Errorf("total %d max self %d", packed.Total, packed.MaxSelf)
			}
		})
	}
}

// Values sent one varint at a time (legal protobuf) read like packed ones.
func TestFlameCodecReadsUnpackedValues(t *testing.T) {
	var level []byte
	for _, v := range []int64{0, 7, 7, 0} {
		level = protowire.AppendTag(level, 1, protowire.VarintType)
		level = protowire.AppendVarint(level, uint64(v))
	}
	var fg []byte
	fg = protowire.AppendTag(fg, 1, protowire.BytesType)
	fg = protowire.AppendString(fg, "total")
	fg = protowire.AppendTag(fg, 2, protowire.BytesType)
	fg = protowire.AppendBytes(fg, level)
	var res []byte
	res = protowire.AppendTag(res, 1, protowire.BytesType)
	res = protowire.AppendBytes(res, fg)
	var packed frames.PackedFlameGraph
	if err := (flameCodec{}).Unmarshal(res, &packed); err != nil {
		t.Fatal(err)
	}
	frame, err := frames.FlameGraphPacked(context.Background(), &packed, "count", 0)
	if err != nil || frame.Rows() != 1 || frame.Fields[1].At(0).(int64) != 7 {
		t.Fatalf("frame %v, err %v", frame, err)
	}
}

func TestFlameCodecRefusesBrokenAnswers(t *testing.T) {
	good, _ := proto.Marshal(&querierv1.SelectMergeStacktracesResponse{Flamegraph: &querierv1.FlameGraph{
		Names: []string{"total", "a"}, Levels: []*querierv1.Level{{Values: []int64{0, 1000, 0, 0}}}, Total: 1000,
	}})
	for cut := 1; cut < len(good); cut++ {
		var packed frames.PackedFlameGraph
		err := (flameCodec{}).Unmarshal(good[:cut], &packed)
		if protoErr := proto.Unmarshal(good[:cut], &querierv1.SelectMergeStacktracesResponse{}); (err == nil) != (protoErr == nil) {
			t.Errorf("cut at %d: codec says %v, protobuf says %v", cut, err, protoErr)
		}
	}
	// Field number 0 is no field: refused as protobuf refuses it. A field
	// unknown to the answer with a two-byte tag is skipped, as protobuf does.
	for _, extra := range [][]byte{{0x02, 0x00}, protowire.AppendString(protowire.AppendTag(nil, 100, protowire.BytesType), "x")} {
		msg := append(append([]byte(nil), good...), extra...)
		err := (flameCodec{}).Unmarshal(msg, &frames.PackedFlameGraph{})
		if protoErr := proto.Unmarshal(msg, &querierv1.SelectMergeStacktracesResponse{}); (err == nil) != (protoErr == nil) {
			t.Errorf("field %x: codec says %v, protobuf says %v", extra, err, protoErr)
		}
	}
	// proto.Marshal refuses such names, so write them by hand.
	withNames := func(names ...string) []byte {
		var fg, res []byte
		for _, n := range names {
			fg = protowire.AppendTag(fg, 1, protowire.BytesType)
			fg = protowire.AppendString(fg, n)
		}
		res = protowire.AppendTag(res, 1, protowire.BytesType)
		return protowire.AppendBytes(res, fg)
	}
	if err := (flameCodec{}).Unmarshal(withNames("total", "ok"), &frames.PackedFlameGraph{}); err != nil {
		t.Errorf("valid names refused: %v", err)
	}
	if err := (flameCodec{}).Unmarshal(withNames("total", "bad\xff"), &frames.PackedFlameGraph{}); err == nil {
		t.Error("a name that is not UTF-8 was accepted")
	}
	// Two halves of one character, each invalid alone, make a valid block.
	if err := (flameCodec{}).Unmarshal(withNames("total", "é"[:1], "é"[1:]), &frames.PackedFlameGraph{}); err == nil {
		t.Error("names split inside a character were accepted")
	}
	// A level whose varints run past its end is refused by the converter.
	broken := &frames.PackedFlameGraph{Names: frames.NewNameTable("total"), Levels: [][]byte{{0, 0x80}}}
	if _, err := frames.FlameGraphPacked(context.Background(), broken, "count", 0); err == nil {
		t.Error("a level cut inside a varint was accepted")
	}
}
