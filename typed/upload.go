package typed

import (
	"bytes"
	"errors"
	"io"
	"mime/multipart"
	"net/textproto"
	"os"
	"sync"
)

// UploadFile is a file uploaded in a multipart/form-data body: FastAPI's
// UploadFile. A form field of type UploadFile (or *UploadFile, or a slice
// of either for several files of one name) accepts only a file part, one
// whose Content-Disposition has a filename, even an empty one; see
// [Bind].
//
// Its content is kept in memory up to 1 MiB and in a temporary file
// beyond, as Starlette spools it; the temporary file is removed when the
// request ends, whatever its outcome (see [Cleanup]), so an UploadFile
// must not be used after its handler returns.
type UploadFile struct {
	// Filename is the part's filename parameter, as sent (no directory
	// is stripped but the C:\ path Internet Explorer sends).
	Filename string
	// ContentType is the part's Content-Type header as sent, "" when it
	// has none (FastAPI's content_type, None then): check Header for
	// the difference.
	ContentType string
	// Header holds the part's headers, their values read as Latin-1.
	Header textproto.MIMEHeader
	// Size is the content's length in bytes.
	Size int64

	mem  []byte // the content, when it is kept in memory
	path string // the temporary file that holds it otherwise
}

// Open returns a reader of the file's content, positioned at its start.
// Close it when done; each Open reads independently.
func (f *UploadFile) Open() (multipart.File, error) {
	if f.path == "" {
		return sectionCloser{io.NewSectionReader(bytes.NewReader(f.mem), 0, int64(len(f.mem)))}, nil
	}
	return os.Open(f.path)
}

// Bytes returns the file's content, read whole.
func (f *UploadFile) Bytes() ([]byte, error) {
	if f.path == "" {
		return f.mem, nil
	}
	return os.ReadFile(f.path)
}

type sectionCloser struct{ *io.SectionReader }

func (sectionCloser) Close() error { return nil }

// Starlette's limits (MultiPartParser): files and text fields of one
// body, a text field's size, and the size of a file kept in memory.
const (
	maxFormFiles  = 1000
	maxFormFields = 1000
	maxFieldBytes = 1 << 20
	spoolBytes    = 1 << 20
)

// formItem is one part of a form body: a text field or a file.
type formItem struct {
	text string
	file *UploadFile
}

// formData is a parsed form body: its parts by name, in order.
type formData struct {
	items map[string][]formItem
}

// values returns the text fields, in a new map whose slices share one
// new array.
func (fd *formData) values() map[string][]string {
	n := 0
	for _, items := range fd.items {
		n += len(items)
	}
	all := make([]string, 0, n)
	out := make(map[string][]string, len(fd.items))
	for name, items := range fd.items {
		start := len(all)
		for _, it := range items {
			if it.file == nil {
				all = append(all, it.text)
			}
		}
		if len(all) > start {
			out[name] = all[start:len(all):len(all)] // full: an append copies
		}
	}
	return out
}

// spool holds the temporary files of one request's uploads.
type spool struct {
	mu    sync.Mutex
	paths []string
}

// create returns a new temporary file, recorded for removal.
func (s *spool) create() (*os.File, error) {
	f, err := os.CreateTemp("", "fastecho-upload-*")
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	s.paths = append(s.paths, f.Name())
	s.mu.Unlock()
	return f, nil
}

// remove deletes every recorded file.
func (s *spool) remove() {
	s.mu.Lock()
	paths := s.paths
	s.paths = nil
	s.mu.Unlock()
	for _, p := range paths {
		_ = os.Remove(p)
	}
}

var errSpool = errors.New("typed: cannot store an uploaded file")
