package typed

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"strings"

	"github.com/fastecho/fastecho/internal/httpx"
)

// formKey is the memo key of a request's parsed form.
var formKey = new(int)

// parseForm returns the request's form body, parsed once per request as
// Starlette parses it: an application/x-www-form-urlencoded body (read
// whole, within the body limit) or a multipart/form-data one (streamed:
// text fields in memory, files in memory up to 1 MiB and in temporary
// files beyond, removed when the request ends). Any other body is a form
// without fields (nil).
func parseForm(r *Request) (*formData, error) {
	return Memo(r, formKey, func() (*formData, error) {
		ct := r.state.req.Header.Get("Content-Type")
		switch httpx.KindOf(ct) {
		case httpx.URLEncoded:
			body, err := ReadBody(r)
			if err != nil {
				return nil, err
			}
			return parseURLEncoded(string(body)), nil
		case httpx.Multipart:
			return parseMultipart(r, ct)
		}
		return nil, nil
	})
}

// parseURLEncoded parses an application/x-www-form-urlencoded body. Names
// and values are substrings of body when there is nothing to decode, and
// the parts of the names seen once share one array.
func parseURLEncoded(body string) *formData {
	fd := &formData{items: map[string][]formItem{}}
	all := make([]formItem, 0, httpx.CountFormFields(body))
	httpx.FormFields(body, func(start, eq, end int) {
		k, v := httpx.FormField(body, start, eq, end)
		if items, ok := fd.items[k]; ok {
			fd.items[k] = append(items, formItem{text: v})
			return
		}
		all = append(all, formItem{text: v})
		fd.items[k] = all[len(all)-1 : len(all) : len(all)] // full: a second part copies
	})
	return fd
}

// Errors of a multipart body, answered 400 as Starlette answers them.
func errMultipart(detail string, cause error) error {
	return &HTTPError{Status: http.StatusBadRequest, Detail: detail, Err: cause}
}

func errParsing(cause error) error {
	return errMultipart("There was an error parsing the body", cause)
}

// overLimit is the error of a body that exceeds its limit while streamed.
type overLimit struct{}

func (overLimit) Error() string { return "typed: request body too large" }

// limitReader reads at most n bytes from r, and fails with overLimit when
// there are more (n < 0: no limit).
type limitReader struct {
	r io.Reader
	n int64
}

func (l *limitReader) Read(p []byte) (int, error) {
	if l.n < 0 {
		return l.r.Read(p)
	}
	if int64(len(p)) > l.n+1 {
		p = p[:l.n+1]
	}
	n, err := l.r.Read(p)
	if int64(n) > l.n {
		return int(l.n), overLimit{}
	}
	l.n -= int64(n)
	return n, err
}

// parseMultipart streams a multipart/form-data body into a formData.
func parseMultipart(r *Request, ct string) (fd *formData, err error) {
	s := r.state
	_, params := parseOptionsHeader(ct)
	boundary, ok := params["boundary"]
	if !ok {
		return nil, errMultipart("Missing boundary in multipart.", nil)
	}
	charset := params["charset"]
	limit := s.bodyLimit()
	var src io.Reader
	switch {
	case s.read:
		if s.bodyErr != nil {
			return nil, s.bodyErr
		}
		src = bytes.NewReader(s.body)
	case s.req.Body == nil || s.req.Body == http.NoBody:
		src = bytes.NewReader(nil)
	default:
		if limit > 0 && s.req.ContentLength > limit {
			return nil, errTooLarge()
		}
		if limit <= 0 {
			limit = -1
		}
		src = &limitReader{r: s.req.Body, n: limit}
		s.read = true // streamed: no one else can read it
	}
	sp := &spool{}
	defer func() {
		if err != nil {
			sp.remove()
		}
	}()
	fd, err = readParts(bufio.NewReaderSize(src, 64<<10), boundary, charset, sp)
	if err != nil {
		var ol overLimit
		if errors.As(err, &ol) {
			return nil, errTooLarge()
		}
		return nil, err
	}
	if len(sp.paths) > 0 {
		Cleanup(r, func(error) { sp.remove() })
	}
	return fd, nil
}

// readParts reads the parts of a multipart body from br.
func readParts(br *bufio.Reader, boundary, charset string, sp *spool) (*formData, error) {
	fd := &formData{items: map[string][]formItem{}}
	if err := checkStart(br, boundary); err != nil {
		return nil, err
	}
	mr := multipart.NewReader(br, boundary)
	files, fields := 0, 0
	for {
		p, err := mr.NextRawPart()
		if err != nil {
			if isTruncated(err) {
				return fd, nil // as python-multipart: the parts read so far
			}
			return nil, errParsing(err)
		}
		_, opts := parseOptionsHeader(p.Header.Get("Content-Disposition"))
		rawName, ok := opts["name"]
		if !ok {
			return nil, errMultipart(`The Content-Disposition header field "name" must be provided.`, nil)
		}
		name := httpx.DecodeCharset([]byte(rawName), charset)
		rawFile, isFile := opts["filename"]
		if !isFile {
			if fields++; fields > maxFormFields {
				return nil, errMultipart(fmt.Sprintf("Too many fields. Maximum number of fields is %d.", maxFormFields), nil)
			}
			b, err := io.ReadAll(io.LimitReader(p, maxFieldBytes+1))
			if err != nil {
				if isTruncated(err) {
					return fd, nil
				}
				return nil, err
			}
			if len(b) > maxFieldBytes {
				return nil, errMultipart(fmt.Sprintf("Part exceeded maximum size of %dKB.", maxFieldBytes/1024), nil)
			}
			fd.items[name] = append(fd.items[name], formItem{text: httpx.DecodeCharset(b, charset)})
			continue
		}
		if files++; files > maxFormFiles {
			return nil, errMultipart(fmt.Sprintf("Too many files. Maximum number of files is %d.", maxFormFiles), nil)
		}
		f := &UploadFile{Filename: httpx.DecodeCharset([]byte(rawFile), charset), Header: latin1Header(p.Header)}
		if v, ok := f.Header["Content-Type"]; ok {
			f.ContentType = v[0]
		}
		if err := spoolPart(f, p, sp); err != nil {
			if isTruncated(err) {
				return fd, nil
			}
			return nil, err
		}
		fd.items[name] = append(fd.items[name], formItem{file: f})
	}
}

// spoolPart reads a file part into f: in memory up to spoolBytes, then
// into a temporary file.
func spoolPart(f *UploadFile, p io.Reader, sp *spool) error {
	buf, err := io.ReadAll(io.LimitReader(p, spoolBytes+1))
	if err != nil {
		return err
	}
	if len(buf) <= spoolBytes {
		f.mem, f.Size = buf, int64(len(buf))
		return nil
	}
	tmp, err := sp.create()
	if err != nil {
		return errors.Join(errSpool, err)
	}
	f.path = tmp.Name()
	n, err := tmp.Write(buf)
	if err == nil {
		var m int64
		m, err = io.Copy(tmp, p)
		n += int(m)
	}
	if cerr := tmp.Close(); err == nil && cerr != nil {
		err = errors.Join(errSpool, cerr)
	}
	f.Size = int64(n)
	return err
}

// isTruncated reports whether err says that the body ended early, which
// python-multipart does not treat as an error.
func isTruncated(err error) bool {
	var ol overLimit
	if errors.As(err, &ol) {
		return false
	}
	return errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF)
}

// checkStart checks the start of a multipart body as python-multipart
// does: after leading CR/LF bytes (which skip to the next '-'), the body
// starts with "--" and the boundary, then CRLF or "-" (an empty message).
// An empty body is an empty form.
func checkStart(br *bufio.Reader, boundary string) error {
	first, err := br.Peek(1)
	if err != nil {
		return nil // no body at all
	}
	if first[0] == '\r' || first[0] == '\n' {
		for {
			c, err := br.ReadByte()
			if err != nil {
				return nil
			}
			if c == '-' {
				_ = br.UnreadByte()
				break
			}
		}
	}
	want := "--" + boundary
	head, _ := br.Peek(len(want) + 1)
	for i := 0; i < len(head) && i < len(want); i++ {
		if head[i] != want[i] {
			return errParsing(fmt.Errorf("multipart: expected boundary character %q, got %q at index %d", want[i], head[i], i))
		}
	}
	if len(head) == len(want)+1 && head[len(want)] != '\r' && head[len(want)] != '-' {
		return errParsing(errors.New("multipart: did not find CR at end of boundary"))
	}
	return nil
}

// latin1Header returns h with its values read as Latin-1.
func latin1Header(h textproto.MIMEHeader) textproto.MIMEHeader {
	out := make(textproto.MIMEHeader, len(h))
	for k, vs := range h {
		l := make([]string, len(vs))
		for i, v := range vs {
			l[i] = httpx.Latin1(v)
		}
		out[k] = l
	}
	return out
}

// parseOptionsHeader is python-multipart's parse_options_header: a
// header's value and its parameters, keys in lower case, quoted values
// unquoted, RFC 2231 keys (with '*') ignored, and Internet Explorer's
// full path of a filename cut to its last element. Values keep their
// bytes.
func parseOptionsHeader(value string) (string, map[string]string) {
	if value == "" {
		return "", nil
	}
	if !strings.Contains(value, ";") {
		return lowerASCII(strings.Trim(value, pyWhitespace)), nil
	}
	segs := parseParam(value)
	opts := make(map[string]string, len(segs)-1)
	for _, seg := range segs[1:] {
		key, val, _ := strings.Cut(seg, "=")
		if strings.Contains(key, "*") {
			continue
		}
		if len(val) >= 2 && val[0] == '"' && val[len(val)-1] == '"' {
			val = strings.ReplaceAll(strings.ReplaceAll(val[1:len(val)-1], `\\`, `\`), `\"`, `"`)
		}
		if key == "filename" && (len(val) >= 3 && val[1:3] == `:\` || strings.HasPrefix(val, `\\`)) {
			val = val[strings.LastIndexByte(val, '\\')+1:]
		}
		opts[key] = val
	}
	return segs[0], opts
}

// parseParam is python-multipart's _parseparam (email.message's): the
// ';'-separated parts of a header, a ';' between double quotes kept.
func parseParam(value string) []string {
	s := ";" + value
	var out []string
	for strings.HasPrefix(s, ";") {
		s = s[1:]
		end := strings.IndexByte(s, ';')
		for end > 0 && (strings.Count(s[:end], `"`)-strings.Count(s[:end], `\"`))%2 != 0 {
			end = find(s, ";", end+1)
		}
		if end < 0 {
			end = len(s)
		}
		f := s[:end]
		if i := strings.IndexByte(f, '='); i >= 0 {
			f = lowerASCII(strings.Trim(f[:i], pyWhitespace)) + "=" + strings.Trim(f[i+1:], pyWhitespace)
		}
		out = append(out, strings.Trim(f, pyWhitespace))
		s = s[end:]
	}
	return out
}

const pyWhitespace = " \t\n\r\x0b\x0c"

// find is Python's s.find(sub, start): -1 when start is past the end.
func find(s, sub string, start int) int {
	if start > len(s) {
		return -1
	}
	if i := strings.Index(s[start:], sub); i >= 0 {
		return start + i
	}
	return -1
}
