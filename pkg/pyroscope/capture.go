package pyroscope

import (
	"bytes"
	"io"
	"mime"
	"net/http"
	"slices"
	"sync"
	"time"

	querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"
	"google.golang.org/protobuf/proto"

	"github.com/embers/embers/pkg/frames"
)

// captureClient reads a flame graph answer's body itself, once the whole
// middleware chain (slot claim included) has run: connect-go reads a body
// into a buffer that doubles as it fills and is never reused past 8 MiB,
// about twice the answer's size allocated per query. Here the body lands in
// a buffer kept between queries (bodies), connect sees an empty one, and
// the call decodes what was captured. Anything unusual (an error status,
// another encoding, an answer over the limit, a failed read) reaches
// connect as it arrived, so its errors stay its own.
type captureClient struct{ hc *http.Client }

func (c captureClient) Do(req *http.Request) (*http.Response, error) {
	res, err := c.hc.Do(req)
	rec, ok := req.Context().Value(recorderKey{}).(*recorder)
	if err != nil || !ok || !rec.capture || !capturable(res) {
		return res, err
	}
	buf := getBody()
	n, readErr := buf.readFrom(res.Body, res.ContentLength, MaxAnswerBytes)
	if readErr != nil || n > MaxAnswerBytes {
		// Replay what was read, then the rest or the error: connect sees
		// the body as it came and reports it as it always does.
		rest := res.Body
		if readErr != nil {
			rest = errBody{readErr, res.Body}
		}
		res.Body = replayBody{io.MultiReader(bytes.NewReader(buf.b), rest), rest}
		return res, nil // buf stays with the replay, never back in the list
	}
	_ = res.Body.Close()
	res.Body = http.NoBody
	rec.body = buf
	return res, nil
}

// capturable is a successful, uncompressed protobuf answer.
func capturable(res *http.Response) bool {
	if res.StatusCode != http.StatusOK {
		return false
	}
	if enc := res.Header.Get("Content-Encoding"); enc != "" && enc != "identity" {
		return false
	}
	mt, _, err := mime.ParseMediaType(res.Header.Get("Content-Type"))
	return err == nil && mt == "application/proto"
}

// decodeCaptured decodes a captured answer and gives its buffer back; the
// decoder copies what it keeps.
func decodeCaptured(buf *bodyBuffer, fg *frames.PackedFlameGraph) error {
	err := decodeMergeResponse(buf.b, fg)
	buf.release()
	return err
}

// decodeCapturedDiff decodes a captured Diff answer with the protobuf
// library, which copies every name and value out of the buffer.
func decodeCapturedDiff(buf *bodyBuffer, msg *querierv1.DiffResponse) error {
	err := proto.Unmarshal(buf.b, msg)
	buf.release()
	return err
}

// bodyBuffer is one captured body; b is the body read.
type bodyBuffer struct{ b []byte }

// Buffers are kept between queries in a short free list rather than a
// sync.Pool: a million-node query allocates enough for a collection or two
// to run before the next one, and a pool empties at the second. The list
// holds at most maxIdleBodies buffers (each as large as the largest answer
// it took, at most MaxAnswerBytes+1) and drops them once no answer came for
// idleBodiesFor, so an idle data source holds no answer's memory.
const (
	maxIdleBodies = 2
	idleBodiesFor = time.Minute
)

var bodies struct {
	mu   sync.Mutex
	free []*bodyBuffer
	drop *time.Timer
}

func getBody() *bodyBuffer {
	bodies.mu.Lock()
	defer bodies.mu.Unlock()
	if n := len(bodies.free); n > 0 {
		b := bodies.free[n-1]
		bodies.free = bodies.free[:n-1]
		return b
	}
	return &bodyBuffer{}
}

func (b *bodyBuffer) release() {
	b.b = b.b[:0]
	bodies.mu.Lock()
	defer bodies.mu.Unlock()
	if len(bodies.free) < maxIdleBodies {
		bodies.free = append(bodies.free, b)
	}
	if bodies.drop == nil {
		bodies.drop = time.AfterFunc(idleBodiesFor, dropIdleBodies)
	} else {
		bodies.drop.Reset(idleBodiesFor)
	}
}

func dropIdleBodies() {
	bodies.mu.Lock()
	defer bodies.mu.Unlock()
	clear(bodies.free)
	bodies.free = bodies.free[:0]
}

// readFrom reads r to its end, or until more than limit bytes arrived. The
// buffer is sized by the announced length when there is one, and grows by
// doubling otherwise (kept between queries, it rarely has to).
func (b *bodyBuffer) readFrom(r io.Reader, announced int64, limit int) (int, error) {
	if announced >= 0 && announced <= int64(limit) && cap(b.b) < int(announced)+1 {
		// One byte more than announced, so the read sees the end without
		// growing.
		b.b = make([]byte, 0, int(announced)+1)
	}
	b.b = b.b[:0]
	for {
		if len(b.b) == cap(b.b) {
			b.b = slices.Grow(b.b, max(len(b.b), 64<<10))
		}
		n, err := r.Read(b.b[len(b.b):cap(b.b)])
		b.b = b.b[:len(b.b)+n]
		if len(b.b) > limit {
			return len(b.b), nil
		}
		if err == io.EOF { // as bytes.Buffer, which connect reads with, tells the end
			return len(b.b), nil
		}
		if err != nil {
			return len(b.b), err
		}
	}
}

// errBody gives err once the replayed bytes are read, and closes the
// original body.
type errBody struct {
	err error
	io.Closer
}

func (e errBody) Read([]byte) (int, error) { return 0, e.err }

type replayBody struct {
	io.Reader
	io.Closer
}
