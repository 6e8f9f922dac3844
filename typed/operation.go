package typed

import (
	"net/http"
	"reflect"
	"regexp"
	"strings"
)

// Operation is the record of one registered route, read by package openapi.
// The first group of fields is what a caller may set in [API.Register]; the
// rest is filled in at registration from the handler and its dependencies.
type Operation struct {
	Method      string   // HTTP method
	Path        string   // Echo path; after registration the full path, group prefix included
	OperationID string   // default: FastAPI's, e.g. "read_items_items__get"
	Summary     string   // default: the handler's name in words, e.g. "Read Items"
	Description string   // CommonMark
	Tags        []string // OpenAPI tags
	Status      int      // success status; 0 means the handler's (see [Handler.Status]), else 200; after registration, the status
	Deprecated  bool
	Hidden      bool // left out of the OpenAPI document (FastAPI's include_in_schema=False); Upgrade routes always are
	// Dependencies run before the handler's own dependency, after the
	// API's guards: FastAPI's path operation dependencies=[…].
	Dependencies []Guard
	// Responses documents more responses (FastAPI's responses={…}), over
	// the API's and the handler's: see [Responses].
	Responses Responses
	// ResponseDescription describes the success response; empty means
	// "Successful Response" (FastAPI's response_description).
	ResponseDescription string
	// MaxBodyBytes limits this route's request body, over
	// [Options].MaxBodyBytes: 0 means the API's limit, negative no limit.
	// A larger body is answered 413.
	MaxBodyBytes int64

	Name     string                // Echo route name
	Request  reflect.Type          // the handler's Req type
	Response reflect.Type          // the handler's Resp type
	Params   []Param               // path, query, header and cookie parameters of Req
	Body     *Body                 // the request body, if Req or a dependency reads one
	Security []SecurityRequirement // alternatives; each lists schemes reached through the chain
	// Success documents the success response (status Status) as the
	// handler's Resp type sends it: JSON of Resp, or the media type of a
	// [ResponseDescriber], completed by Responses[Status].
	Success Response

	chain bool // its dependencies memoize or add scopes: see chainState
}

// Param is a path, query, header or cookie parameter of a request, or a
// field of its body, as [Bind] reads it.
type Param struct {
	In         string            // "path", "query", "header", "cookie", "form" or "json"
	Name       string            // as sent (a header's in canonical form)
	Field      string            // Go field name
	Index      []int             // Go field index, for reflect.Type.FieldByIndex
	Type       reflect.Type      // Go type of the field
	Required   bool              // see Bind for the rule
	Default    string            // the `default` tag
	HasDefault bool              // the field has a `default` tag
	Tag        reflect.StructTag // the field's tags (validate, format, description, …)
	// File: an uploaded file of a multipart form ([UploadFile], or []byte
	// read from a form), or a list of them when Type is a slice of them.
	File bool
}

func (op *Operation) status() int {
	if op.Status == 0 {
		return http.StatusOK
	}
	return op.Status
}

var nonWord = regexp.MustCompile(`\W`)

// defaultOperationID is FastAPI's generate_unique_id: the route name and
// path with non-word characters as '_', then the method in lower case.
func defaultOperationID(name, path, method string) string {
	if name == "" {
		name = "handler"
	}
	id := name + echoPathToOpenAPI(path)
	return nonWord.ReplaceAllString(id, "_") + "_" + strings.ToLower(method)
}

// echoPathToOpenAPI turns Echo's ":id" segments into OpenAPI's "{id}".
func echoPathToOpenAPI(path string) string {
	if !strings.ContainsAny(path, ":*") {
		return path
	}
	segs := strings.Split(path, "/")
	for i, s := range segs {
		switch {
		case strings.HasPrefix(s, ":"):
			segs[i] = "{" + s[1:] + "}"
		case strings.HasSuffix(s, "*"):
			segs[i] = s[:len(s)-1] + "{path}" // Echo's wildcard, the rest of the path
		}
	}
	return strings.Join(segs, "/")
}

// OpenAPIPath returns op.Path in OpenAPI syntax ("/items/{id}").
func (op *Operation) OpenAPIPath() string { return echoPathToOpenAPI(op.Path) }

// snakeCase turns a Go identifier into FastAPI's function-name style:
// "readItems" → "read_items".
func snakeCase(s string) string {
	var b strings.Builder
	for i, r := range s {
		if 'A' <= r && r <= 'Z' {
			if i > 0 && (s[i-1] < 'A' || s[i-1] > 'Z') {
				b.WriteByte('_')
			}
			r += 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// titleWords is FastAPI's default summary: "read_items" → "Read Items".
func titleWords(snake string) string {
	words := strings.Split(snake, "_")
	for i, w := range words {
		if w != "" {
			words[i] = strings.ToUpper(w[:1]) + w[1:]
		}
	}
	return strings.Join(words, " ")
}
