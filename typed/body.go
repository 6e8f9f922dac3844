package typed

import (
	"errors"
	"io"
	"net/http"
)

// ErrBodyTooLarge is the cause of the 413 answered when a body exceeds the
// API's MaxBodyBytes.
var ErrBodyTooLarge = errors.New("typed: request body too large")

var errTooLarge = (&HTTPError{
	Status: http.StatusRequestEntityTooLarge,
	Detail: "Request body too large",
	Err:    ErrBodyTooLarge,
}).Prepare()

// ReadBody returns the request's body, read once and kept for the rest of
// the request so that several dependencies can parse it. A body over the
// API's limit is a 413 [HTTPError]; a body that cannot be read (the client
// went away, a truncated chunked body) is a 400.
func ReadBody(r *Request) ([]byte, error) {
	s := r.state
	if s.read {
		return s.body, s.bodyErr
	}
	s.read = true
	s.body, s.bodyErr = readBody(r.ctx.Request(), s.cfg.maxBody, &s.limited)
	return s.body, s.bodyErr
}

// readBody reads req's body, at most limit bytes (none when limit <= 0),
// through lr, which the caller provides so that it is not allocated.
func readBody(req *http.Request, limit int64, lr *io.LimitedReader) ([]byte, error) {
	if req.Body == nil || req.Body == http.NoBody {
		return nil, nil
	}
	if limit > 0 && req.ContentLength > limit {
		return nil, errTooLarge
	}
	var rd io.Reader = req.Body
	if limit > 0 {
		*lr = io.LimitedReader{R: req.Body, N: limit + 1}
		rd = lr
	}
	var b []byte
	if req.ContentLength > 0 {
		b = make([]byte, 0, req.ContentLength+1)
	}
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		n, err := rd.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, &HTTPError{Status: http.StatusBadRequest, Detail: "There was an error reading the body", Err: err}
		}
	}
	if limit > 0 && int64(len(b)) > limit {
		return nil, errTooLarge
	}
	return b, nil
}
