package typed

import (
	"fmt"
	"io"
	"net/http"
	"net/textproto"
	"reflect"
	"strconv"
	"strings"
)

// JSONResponse is an answer written as it is, with its own status, body
// and headers: FastAPI's JSONResponse(status_code=…, content=…) returned
// from a path operation. A handler returns it as its result when Resp is
// an interface type, or as its error when Resp is a model, to answer
// with another model than Resp (an additional response, documented with
// [Responses]):
//
//	func readItem(c echo.Context, p ItemPath) (Item, error) {
//		if p.ItemID != "foo" {
//			return Item{}, typed.JSONResponse{Status: http.StatusNotFound, Body: Message{"Item not found"}}
//		}
//		…
//
// Either way it is written by the route, not by the host's error handler,
// and it is no error of the request: cleanups see nil (see [Cleanup]).
// Status 0 means the operation's success status.
type JSONResponse struct {
	Status int
	Body   any
	Header http.Header // set on the response
}

// Error returns "typed: JSONResponse" and the status, for logs: a
// JSONResponse is an error only so that a handler can return it in place
// of its result.
func (j JSONResponse) Error() string { return fmt.Sprintf("typed: JSONResponse %d", j.Status) }

// StatusCode returns j.Status.
func (j JSONResponse) StatusCode() int { return j.Status }

// WriteResponse writes j.Body as JSON with status, after j.Header.
func (j JSONResponse) WriteResponse(w http.ResponseWriter, _ *http.Request, status int) error {
	setHeader(w.Header(), j.Header)
	if noBody(status) {
		w.WriteHeader(status)
		return nil
	}
	return writeJSON(w, status, j.Body)
}

// DescribeResponse documents a JSON body of any shape.
func (JSONResponse) DescribeResponse(r *Response) {
	if r.ContentType == "" {
		r.ContentType = jsonContentType
	}
}

// HTML is an HTML page: a result sent as text/html; charset=utf-8 and
// documented as text/html (FastAPI's HTMLResponse).
type HTML string

// WriteResponse writes h with status.
func (h HTML) WriteResponse(w http.ResponseWriter, _ *http.Request, status int) error {
	return writeText(w, status, "text/html; charset=utf-8", string(h))
}

// DescribeResponse documents text/html.
func (HTML) DescribeResponse(r *Response) { describeMedia(r, "text/html") }

// Text is plain text: a result sent as text/plain; charset=utf-8 and
// documented as text/plain (FastAPI's PlainTextResponse).
type Text string

// WriteResponse writes t with status.
func (t Text) WriteResponse(w http.ResponseWriter, _ *http.Request, status int) error {
	return writeText(w, status, "text/plain; charset=utf-8", string(t))
}

// DescribeResponse documents text/plain.
func (Text) DescribeResponse(r *Response) { describeMedia(r, "text/plain") }

// Bytes is a body of any media type (FastAPI's Response(content=…,
// media_type=…)). ContentType empty means the one the operation documents
// (declare it with Responses[status].ContentType), else
// application/octet-stream, which is documented by default.
type Bytes struct {
	ContentType string
	Body        []byte
}

// WriteResponse writes b.Body with status.
func (b Bytes) WriteResponse(w http.ResponseWriter, _ *http.Request, status int) error {
	return writeBody(w, status, b.ContentType, b.Body)
}

// DescribeResponse documents application/octet-stream unless the
// operation declares another media type.
func (Bytes) DescribeResponse(r *Response) { describeMedia(r, octetStream) }

// Redirect sends the client to URL with an empty body: FastAPI's
// RedirectResponse. Status 0 means the operation's success status, which
// is 307 (Temporary Redirect) unless the route sets another; a status
// that is not a redirection (3xx) is answered 307. Location is URL
// percent-encoded as Starlette encodes it.
type Redirect struct {
	URL    string
	Status int
}

// StatusCode returns r.Status.
func (r Redirect) StatusCode() int { return r.Status }

// WriteResponse sets Location and writes the status, with no body.
func (r Redirect) WriteResponse(w http.ResponseWriter, _ *http.Request, status int) error {
	if status < 300 || status > 399 {
		status = http.StatusTemporaryRedirect
	}
	h := w.Header()
	h.Del("Content-Type")
	h.Set("Location", pyQuote(r.URL, ":/%#?=@[]!$&'()*+,;"))
	h.Set("Content-Length", "0")
	w.WriteHeader(status)
	return nil
}

// DescribeResponse documents the Location header and no body.
func (Redirect) DescribeResponse(r *Response) {
	r.Headers = withHeader(r.Headers, "Location", Header{Description: "The URL to go to", Required: true})
}

func (Redirect) defaultStatus() int { return http.StatusTemporaryRedirect }

// Stream is a body written as it is read from Body, each chunk flushed to
// the client as it comes (FastAPI's StreamingResponse): generated data, a
// proxied download. Body is closed at the end if it is an io.Closer.
// ContentType empty means the one the operation documents, else
// application/octet-stream, which is documented by default.
type Stream struct {
	ContentType string
	Body        io.Reader
}

// WriteResponse copies s.Body to w with status, flushing each chunk.
func (s Stream) WriteResponse(w http.ResponseWriter, r *http.Request, status int) error {
	if c, ok := s.Body.(io.Closer); ok {
		defer c.Close()
	}
	setContentType(w.Header(), s.ContentType)
	w.WriteHeader(status)
	if noBody(status) || s.Body == nil {
		return nil
	}
	rc := http.NewResponseController(w)
	buf := make([]byte, 32<<10)
	for {
		n, err := s.Body.Read(buf)
		if n > 0 {
			if _, werr := w.Write(buf[:n]); werr != nil {
				return werr
			}
			_ = rc.Flush()
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if r.Context().Err() != nil {
			return nil // the client went away
		}
	}
}

// DescribeResponse documents application/octet-stream unless the
// operation declares another media type.
func (Stream) DescribeResponse(r *Response) { describeMedia(r, octetStream) }

// Reply is a result of type T with a status and headers chosen per
// request: an upsert that answers 201 when it creates and 200 when it
// updates, a Location set on a 201. It is documented as T; Status 0
// means the operation's success status. Headers documented with
// [Responses] are set here.
//
//	func upsert(c echo.Context, req PutItem) (typed.Reply[Item], error) {
//		item, created := store.Put(req)
//		if created {
//			return typed.Reply[Item]{Status: http.StatusCreated, Body: item}, nil
//		}
//		return typed.Reply[Item]{Body: item}, nil
//	}
type Reply[T any] struct {
	Status int
	Header http.Header // set on the response
	Body   T
}

// StatusCode returns r.Status.
func (r Reply[T]) StatusCode() int { return r.Status }

// WriteResponse sets r.Header and writes r.Body: as JSON, or by itself if
// it is a [Responder].
func (r Reply[T]) WriteResponse(w http.ResponseWriter, req *http.Request, status int) error {
	setHeader(w.Header(), r.Header)
	if rs, ok := any(r.Body).(Responder); ok && !isNil(rs) {
		return rs.WriteResponse(w, req, status)
	}
	if noBody(status) {
		w.WriteHeader(status)
		return nil
	}
	return writeJSON(w, status, r.Body)
}

// DescribeResponse documents T.
func (Reply[T]) DescribeResponse(d *Response) {
	*d, _ = successOf(reflect.TypeFor[T](), *d)
}

const octetStream = "application/octet-stream"

// describeMedia sets r's media type to mediaType unless one is declared.
func describeMedia(r *Response, mediaType string) {
	if r.ContentType == "" {
		r.ContentType = mediaType
	}
}

// withHeader returns hs with h documented as name, unless it already is.
func withHeader(hs map[string]Header, name string, h Header) map[string]Header {
	if _, ok := hs[name]; ok {
		return hs
	}
	out := make(map[string]Header, len(hs)+1)
	for k, v := range hs {
		out[k] = v
	}
	out[name] = h
	return out
}

// setHeader sets the headers of from on h, replacing their values.
func setHeader(h, from http.Header) {
	for k, vs := range from {
		h[textproto.CanonicalMIMEHeaderKey(k)] = append([]string(nil), vs...)
	}
}

// setContentType sets ct, or keeps the Content-Type already set (the
// operation's documented one), or sets application/octet-stream.
func setContentType(h http.Header, ct string) {
	switch {
	case ct != "":
		h.Set("Content-Type", withCharset(ct))
	case h.Get("Content-Type") == "":
		h.Set("Content-Type", octetStream)
	default:
		h.Set("Content-Type", withCharset(h.Get("Content-Type")))
	}
}

// withCharset adds "; charset=utf-8" to a text/ media type without one,
// as Starlette does.
func withCharset(ct string) string {
	if len(ct) > 5 && ct[:5] == "text/" && !strings.Contains(strings.ToLower(ct), "charset=") {
		return ct + "; charset=utf-8"
	}
	return ct
}

func writeText(w http.ResponseWriter, status int, ct, s string) error {
	w.Header().Set("Content-Type", ct)
	return writeRaw(w, status, []byte(s))
}

func writeBody(w http.ResponseWriter, status int, ct string, b []byte) error {
	setContentType(w.Header(), ct)
	return writeRaw(w, status, b)
}

func writeRaw(w http.ResponseWriter, status int, b []byte) error {
	if noBody(status) {
		w.Header().Del("Content-Type")
		w.WriteHeader(status)
		return nil
	}
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(status)
	_, err := w.Write(b)
	return err
}

// pyQuote percent-encodes s as Python's urllib.parse.quote(s, safe) does:
// every byte of its UTF-8 but letters, digits, "_.-~" and safe.
func pyQuote(s, safe string) string {
	const hex = "0123456789ABCDEF"
	var b []byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
			c == '_' || c == '.' || c == '-' || c == '~' || c < 0x80 && strings.IndexByte(safe, c) >= 0 {
			if b != nil {
				b = append(b, c)
			}
			continue
		}
		if b == nil {
			b = append(make([]byte, 0, len(s)+16), s[:i]...)
		}
		b = append(b, '%', hex[c>>4], hex[c&15])
	}
	if b == nil {
		return s
	}
	return string(b)
}
