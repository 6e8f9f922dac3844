package typed

import (
	"errors"
	"io"
	"mime"
	"net/http"
	"os"
	"path/filepath"
	"time"
)

// File is a file download (FastAPI's FileResponse): the file at Path, or
// Content, served with http.ServeContent, so that Range, If-Modified-Since
// and HEAD requests work and the status is ServeContent's (200, 206, 304,
// 416) whatever the operation's. Name, when not empty, is offered to the
// client for saving, in a Content-Disposition header written as Starlette
// writes it (attachment; filename="report.pdf", or filename*=utf-8”… for
// a name that needs escaping); Inline makes it inline instead of
// attachment. ContentType empty means the type of Name's (else Path's)
// extension, else the operation's documented one. File documents
// application/octet-stream and Content-Disposition unless the operation
// declares otherwise.
type File struct {
	Path        string
	Content     io.ReadSeeker // used when Path is empty; closed if an io.Closer
	ModTime     time.Time     // of Content; a Path's is read from disk
	Name        string
	ContentType string
	Inline      bool
}

// ErrNoFile is the cause of the error a [File] with neither Path nor
// Content answers with (a 500).
var ErrNoFile = errors.New("typed: File has neither Path nor Content")

// WriteResponse serves the file.
func (f File) WriteResponse(w http.ResponseWriter, r *http.Request, _ int) error {
	content, mod := f.Content, f.ModTime
	if c, ok := content.(io.Closer); ok {
		defer c.Close()
	}
	if f.Path != "" {
		fh, err := os.Open(f.Path)
		if err != nil {
			return err
		}
		defer fh.Close()
		st, err := fh.Stat()
		if err != nil {
			return err
		}
		content, mod = fh, st.ModTime()
	}
	if content == nil {
		return ErrNoFile
	}
	name := f.Name
	if name == "" {
		name = filepath.Base(f.Path)
	}
	h := w.Header()
	ct := f.ContentType
	if ct == "" {
		ct = mime.TypeByExtension(filepath.Ext(name))
	}
	if ct != "" {
		h.Set("Content-Type", withCharset(ct))
	}
	if f.Name != "" {
		h.Set("Content-Disposition", contentDisposition(f.Name, f.Inline))
	}
	http.ServeContent(w, r, name, mod, content)
	return nil
}

// DescribeResponse documents application/octet-stream and the
// Content-Disposition header, unless the operation declares otherwise.
func (File) DescribeResponse(r *Response) {
	describeMedia(r, octetStream)
	r.Headers = withHeader(r.Headers, "Content-Disposition", Header{
		Description: `How to save the file: attachment; filename="…"`,
	})
}

// contentDisposition is Starlette's FileResponse header: filename="name"
// when quoting the name changes nothing, else filename*=utf-8”quoted.
func contentDisposition(name string, inline bool) string {
	typ := "attachment"
	if inline {
		typ = "inline"
	}
	if q := pyQuote(name, "/"); q != name {
		return typ + "; filename*=utf-8''" + q
	}
	return typ + `; filename="` + name + `"`
}
