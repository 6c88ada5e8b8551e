package pyroscope

import (
	"errors"
	"fmt"
	"unicode/utf8"

	"google.golang.org/protobuf/encoding/protowire"
	"google.golang.org/protobuf/proto"

	"github.com/embers/embers/pkg/frames"
)

// flameCodec is connect's protobuf codec with a lighter decode of the flame
// graph answer: the generic decoder allocates each of up to a million names
// on its own and turns every level into an int64 slice. Here the names'
// bytes are copied once into one block the strings point into, and the
// levels stay packed varints (copied, since connect reuses the buffer) that
// the frame converter decodes as it walks them. Every other message goes
// through the protobuf library unchanged.
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
	if fg, ok := msg.(*frames.PackedFlameGraph); ok {
		return decodeMergeResponse(data, fg)
	}
	m, ok := msg.(proto.Message)
	if !ok {
		return fmt.Errorf("%T is not a protobuf message", msg)
	}
	return proto.Unmarshal(data, m)
}

var (
	errBadWire = errors.New("the flame graph is not valid protobuf")
	errNotUTF8 = errors.New("a flame graph name is not valid UTF-8")
)

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

// decodeMergeResponse reads a SelectMergeStacktracesResponse's flame graph.
func decodeMergeResponse(data []byte, fg *frames.PackedFlameGraph) error {
	*fg = frames.PackedFlameGraph{}
	return eachField(data, func(num protowire.Number, typ protowire.Type, v []byte, _ uint64) error {
		if num != fieldResponseFlamegraph || typ != protowire.BytesType {
			return nil
		}
		return decodeFlameGraph(v, fg)
	})
}

// decodeFlameGraph reads one FlameGraph in two passes: sizes first, then the
// names and levels into blocks allocated once. The names' block holds at
// most MaxAnswerBytes, so uint32 ends fit.
func decodeFlameGraph(data []byte, fg *frames.PackedFlameGraph) error {
	nameCount, nameBytes, levelCount, levelBytes, err := measureFlameGraph(data)
	if err != nil {
		return err
	}
	if fg.Names.Len() > 0 || len(fg.Levels) > 0 {
		return errors.New("the answer holds two flame graphs")
	}
	names := make([]byte, 0, nameBytes)
	ends := make([]uint32, 0, nameCount)
	values := make([]byte, 0, levelBytes)
	fg.Levels = make([][]byte, 0, levelCount)
	err = eachField(data, func(num protowire.Number, typ protowire.Type, v []byte, varint uint64) error {
		switch {
		case num == fieldNames && typ == protowire.BytesType:
			if len(v) > 0 && !utf8.RuneStart(v[0]) {
				return errNotUTF8
			}
			names = append(names, v...)
			ends = append(ends, uint32(len(names)))
		case num == fieldLevels && typ == protowire.BytesType:
			start := len(values)
			// A level's values may come packed, in several chunks, or one
			// varint at a time: all of them end up as one packed list.
			if err := eachField(v, func(num protowire.Number, typ protowire.Type, v []byte, varint uint64) error {
				switch {
				case num == fieldLevelValues && typ == protowire.BytesType:
					values = append(values, v...)
				case num == fieldLevelValues && typ == protowire.VarintType:
					values = protowire.AppendVarint(values, varint)
				}
				return nil
			}); err != nil {
				return err
			}
			fg.Levels = append(fg.Levels, values[start:len(values):len(values)])
		case num == fieldTotal && typ == protowire.VarintType:
			fg.Total = int64(varint)
		case num == fieldMaxSelf && typ == protowire.VarintType:
			fg.MaxSelf = int64(varint)
		}
		return nil
	})
	// The block is valid and every name starts a rune, so every name is a
	// whole run of valid runes: one check instead of one per name.
	if err == nil && !utf8.Valid(names) {
		return errNotUTF8
	}
	fg.Names = frames.NameTableOf(names, ends)
	return err
}

// measureFlameGraph is eachField's walk over a FlameGraph, counting the
// names and levels and their bytes, in one loop: a million names would
// otherwise be a million calls of a closure.
func measureFlameGraph(data []byte) (nameCount, nameBytes, levelCount, levelBytes int, err error) {
	for len(data) > 0 {
		num, typ, n := consumeTag(data)
		if n < 0 {
			return 0, 0, 0, 0, errBadWire
		}
		data = data[n:]
		if typ != protowire.BytesType {
			if n = protowire.ConsumeFieldValue(num, typ, data); n < 0 {
				return 0, 0, 0, 0, errBadWire
			}
			data = data[n:]
			continue
		}
		v, m := consumeBytes(data)
		if m < 0 {
			return 0, 0, 0, 0, errBadWire
		}
		switch num {
		case fieldNames:
			nameCount++
			nameBytes += len(v)
		case fieldLevels:
			levelCount++
			levelBytes += len(v) // at least the values' own bytes
		}
		data = data[m:]
	}
	return nameCount, nameBytes, levelCount, levelBytes, nil
}

// eachField calls fn with every field of a message: the bytes of a
// length-delimited field, or the value of a varint one.
func eachField(data []byte, fn func(num protowire.Number, typ protowire.Type, v []byte, varint uint64) error) error {
	for len(data) > 0 {
		num, typ, n := consumeTag(data)
		if n < 0 {
			return errBadWire
		}
		data = data[n:]
		var err error
		switch typ {
		case protowire.BytesType:
			v, m := consumeBytes(data)
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

// consumeTag and consumeBytes read a one-byte tag or length in line, the
// case of nearly every name and level, and leave the rest to protowire,
// whose functions are too large to inline (two calls per name otherwise).
func consumeTag(b []byte) (protowire.Number, protowire.Type, int) {
	if t := b[0]; t < 0x80 && t>>3 != 0 { // field number 0 is invalid: protowire says so
		return protowire.Number(t >> 3), protowire.Type(t & 7), 1
	}
	return protowire.ConsumeTag(b)
}

func consumeBytes(b []byte) ([]byte, int) {
	if len(b) > 0 && b[0] < 0x80 && int(b[0]) < len(b) {
		n := int(b[0]) + 1
		return b[1:n:n], n
	}
	return protowire.ConsumeBytes(b)
}
