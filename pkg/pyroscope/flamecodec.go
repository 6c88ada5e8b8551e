package pyroscope

import (
	"errors"
	"fmt"
	"unicode/utf8"
	"unsafe"

	querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"
	"google.golang.org/protobuf/encoding/protowire"
	"google.golang.org/protobuf/proto"
)

// flameCodec is connect's protobuf codec with a faster decode of the flame
// graph answer: the generic decoder allocates each of up to a million names
// on its own and grows the level slices as it goes. Here the names' bytes
// are copied once into one block the strings point into, and all level
// values share one slice sized in advance. Every other message goes through
// the protobuf library unchanged.
type flameCodec struct{}

func (flameCodec) Name() string { return "proto" }

func (flameCodec) Marshal(msg any) ([]byte, error) {
	m, ok := msg.(proto.Message)
	if !ok {
		return nil, fmt.Errorf("%T is not a protobuf message", msg)
	}
	return proto.Marshal(m)
}

func (flameCodec) Unmarshal(data []byte, msg any) error {
	if res, ok := msg.(*querierv1.SelectMergeStacktracesResponse); ok {
		return decodeMergeResponse(data, res)
	}
	m, ok := msg.(proto.Message)
	if !ok {
		return fmt.Errorf("%T is not a protobuf message", msg)
	}
	return proto.Unmarshal(data, m)
}

var errBadWire = errors.New("the flame graph is not valid protobuf")

// Field numbers of querier.v1's SelectMergeStacktracesResponse, FlameGraph
// and Level.
const (
	fieldResponseFlamegraph = 1
	fieldNames              = 1
	fieldLevels             = 2
	fieldTotal              = 3
	fieldMaxSelf            = 4
	fieldLevelValues        = 1
)

func decodeMergeResponse(data []byte, res *querierv1.SelectMergeStacktracesResponse) error {
	res.Reset()
	return eachField(data, func(num protowire.Number, typ protowire.Type, v []byte, _ uint64) error {
		if num != fieldResponseFlamegraph || typ != protowire.BytesType {
			return nil
		}
		if res.Flamegraph == nil {
			res.Flamegraph = &querierv1.FlameGraph{}
		}
		return decodeFlameGraph(v, res.Flamegraph)
	})
}

// decodeFlameGraph reads one FlameGraph in two passes: sizes first, then the
// names and values into storage allocated once.
func decodeFlameGraph(data []byte, fg *querierv1.FlameGraph) error {
	nameCount, nameBytes, levelCount, valueCount := 0, 0, 0, 0
	err := eachField(data, func(num protowire.Number, typ protowire.Type, v []byte, _ uint64) error {
		switch {
		case num == fieldNames && typ == protowire.BytesType:
			nameCount++
			nameBytes += len(v)
		case num == fieldLevels && typ == protowire.BytesType:
			levelCount++
			return eachField(v, func(num protowire.Number, typ protowire.Type, v []byte, _ uint64) error {
				switch {
				case num == fieldLevelValues && typ == protowire.BytesType:
					valueCount += countVarints(v)
				case num == fieldLevelValues && typ == protowire.VarintType:
					valueCount++
				}
				return nil
			})
		}
		return nil
	})
	if err != nil {
		return err
	}
	block := make([]byte, 0, nameBytes)
	names := make([]string, 0, nameCount+len(fg.Names))
	names = append(names, fg.Names...)
	values := make([]int64, 0, valueCount)
	levels := make([]querierv1.Level, levelCount)
	levelPtrs := make([]*querierv1.Level, 0, levelCount+len(fg.Levels))
	levelPtrs = append(levelPtrs, fg.Levels...)
	err = eachField(data, func(num protowire.Number, typ protowire.Type, v []byte, varint uint64) error {
		switch {
		case num == fieldNames && typ == protowire.BytesType:
			start := len(block)
			block = append(block, v...)
			names = append(names, unsafe.String(unsafe.SliceData(block[start:]), len(v)))
		case num == fieldLevels && typ == protowire.BytesType:
			level := &levels[len(levelPtrs)-len(fg.Levels)]
			start := len(values)
			if err := eachField(v, func(num protowire.Number, typ protowire.Type, v []byte, varint uint64) error {
				switch {
				case num == fieldLevelValues && typ == protowire.BytesType:
					var ok bool
					if values, ok = appendVarints(values, v); !ok {
						return errBadWire
					}
				case num == fieldLevelValues && typ == protowire.VarintType:
					values = append(values, int64(varint))
				}
				return nil
			}); err != nil {
				return err
			}
			level.Values = values[start:len(values):len(values)]
			levelPtrs = append(levelPtrs, level)
		case num == fieldTotal && typ == protowire.VarintType:
			fg.Total = int64(varint)
		case num == fieldMaxSelf && typ == protowire.VarintType:
			fg.MaxSelf = int64(varint)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if !utf8.Valid(block) {
		return errors.New("a flame graph name is not valid UTF-8")
	}
	fg.Names, fg.Levels = names, levelPtrs
	return nil
}

// eachField calls fn with every field of a message: the bytes of a
// length-delimited field, or the value of a varint one.
func eachField(data []byte, fn func(num protowire.Number, typ protowire.Type, v []byte, varint uint64) error) error {
	for len(data) > 0 {
		num, typ, n := protowire.ConsumeTag(data)
		if n < 0 {
			return errBadWire
		}
		data = data[n:]
		var err error
		switch typ {
		case protowire.BytesType:
			v, m := protowire.ConsumeBytes(data)
			if m < 0 {
				return errBadWire
			}
			err, n = fn(num, typ, v, 0), m
		case protowire.VarintType:
			v, m := protowire.ConsumeVarint(data)
			if m < 0 {
				return errBadWire
			}
			err, n = fn(num, typ, nil, v), m
		default:
			n = protowire.ConsumeFieldValue(num, typ, data)
		}
		if n < 0 {
			return errBadWire
		}
		if err != nil {
			return err
		}
		data = data[n:]
	}
	return nil
}

// countVarints counts the varints of a packed field: each ends with a byte
// below 0x80.
func countVarints(b []byte) int {
	n := 0
	for _, c := range b {
		if c < 0x80 {
			n++
		}
	}
	return n
}

func appendVarints(dst []int64, b []byte) ([]int64, bool) {
	for len(b) > 0 {
		if b[0] < 0x80 { // most values are small: skip the general decoder
			dst = append(dst, int64(b[0]))
			b = b[1:]
			continue
		}
		v, n := protowire.ConsumeVarint(b)
		if n < 0 {
			return dst, false
		}
		dst = append(dst, int64(v))
		b = b[n:]
	}
	return dst, true
}
