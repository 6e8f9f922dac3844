package typed

import (
	"errors"
	"io"
	"net/http"
)

// ErrBodyTooLarge is the cause of the 413 answered when a body exceeds the
// API's MaxBodyBytes.
var ErrBodyTooLarge = errors.New("typed: request body too large")

func errTooLarge() error {
	return &HTTPError{Status: http.StatusRequestEntityTooLarge, Detail: "Request body too large", Err: ErrBodyTooLarge}
}

// ReadBody returns the request's body, read once and kept for the rest of
// the request so that several dependencies can parse it. A body over the
// route's limit (its MaxBodyBytes, else the API's) is a 413 [HTTPError];
// a body that cannot be read (the client went away, a truncated chunked
// body) is a 400.
func ReadBody(r *Request) ([]byte, error) {
	s := r.state
	if s.read {
		return s.body, s.bodyErr
	}
	s.read = true
	s.body, s.bodyErr = readBody(s.req, s.bodyLimit())
	return s.body, s.bodyErr
}

// maxPrealloc bounds the buffer sized from a declared Content-Length: a
// client may declare far more than it sends, so a larger body grows as it
// arrives.
const maxPrealloc = 64 << 10

// readBody reads req's body, at most limit bytes (none when limit <= 0).
func readBody(req *http.Request, limit int64) ([]byte, error) {
	if req.Body == nil || req.Body == http.NoBody {
		return nil, nil
	}
	if limit > 0 && req.ContentLength > limit {
		return nil, errTooLarge()
	}
	// A declared length sizes the buffer (bounded: a client may declare
	// more than it sends); the extra byte tells an overlong body.
	size := 512
	if n := req.ContentLength; n > 0 {
		size = int(min(n, maxPrealloc)) + 1
	}
	b := make([]byte, 0, size)
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		p := b[len(b):cap(b)]
		if left := limit + 1 - int64(len(b)); limit > 0 && int64(len(p)) > left {
			p = p[:left] // at least one byte: len(b) <= limit here
		}
		n, err := req.Body.Read(p)
		b = b[:len(b)+n]
		if limit > 0 && int64(len(b)) > limit {
			return nil, errTooLarge()
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, &HTTPError{Status: http.StatusBadRequest, Detail: "There was an error reading the body", Err: err}
		}
	}
	return b, nil
}

// bodyLimit is the request's body limit: its route's MaxBodyBytes, else
// the API's.
func (s *requestState) bodyLimit() int64 {
	if l, ok := s.params.(interface{ bodyLimit() int64 }); ok {
		if n := l.bodyLimit(); n != 0 {
			return n
		}
	}
	return s.cfg.maxBody
}
