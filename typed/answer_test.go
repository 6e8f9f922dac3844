package typed_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/fastecho/fastecho/typed"
)

// teapotError is an error of the application's own that encodes itself,
// loosely (spaces, HTML characters), as Echo's c.JSON would not write it.
type teapotError struct{}

func (teapotError) Error() string   { return "teapot" }
func (teapotError) StatusCode() int { return http.StatusTeapot }
func (teapotError) MarshalJSON() ([]byte, error) {
	return []byte(` { "detail" : "<short & stout>" } `), nil
}

// brokenError encodes itself as something that is not JSON.
type brokenError struct{}

func (brokenError) Error() string                { return "broken" }
func (brokenError) StatusCode() int              { return http.StatusConflict }
func (brokenError) MarshalJSON() ([]byte, error) { return []byte(`{"detail":`), nil }

// TestErrorResponderWrite checks Write's answers, and that its body is
// byte for byte what encoding/json's Encoder (Echo's c.JSON) writes for
// the body Respond returns.
func TestErrorResponderWrite(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name        string
		opts        *typed.Options
		method      string
		err         error
		hostStatus  int
		wantStatus  int
		wantType    string
		wantBody    string
		wantWWWAuth string
	}{
		{name: "http error with challenge", err: typed.NewHTTPError(401, "Not authenticated", "www-authenticate", "Bearer"),
			wantStatus: 401, wantType: "application/json", wantBody: `{"detail":"Not authenticated"}` + "\n", wantWWWAuth: "Bearer"},
		{name: "validation error", err: &typed.RequestValidationError{Errors: []typed.ValidationError{{Type: "missing", Loc: []any{"query", "q"}, Msg: "Field required"}}},
			wantStatus: 422, wantType: "application/json", wantBody: `{"detail":[{"type":"missing","loc":["query","q"],"msg":"Field required","input":null}]}` + "\n"},
		{name: "own marshaler compacted and escaped", err: teapotError{},
			wantStatus: 418, wantType: "application/json", wantBody: `{"detail":"\u003cshort \u0026 stout\u003e"}` + "\n"},
		{name: "host error", err: errors.New("no route"), hostStatus: 404,
			wantStatus: 404, wantType: "application/json", wantBody: `{"detail":"Not Found"}` + "\n"},
		{name: "unencodable body is a 500", err: brokenError{},
			wantStatus: 500, wantType: "application/json", wantBody: `{"detail":"Internal Server Error"}` + "\n"},
		{name: "head has no body", method: http.MethodHead, err: typed.NewHTTPError(403, "Forbidden"),
			wantStatus: 403, wantType: "application/json"},
		{name: "problem details", opts: &typed.Options{ProblemDetails: true}, err: typed.NewHTTPError(404, "Item not found"),
			wantStatus: 404, wantType: typed.ProblemContentType,
			wantBody: `{"type":"about:blank","title":"Not Found","status":404,"detail":"Item not found"}` + "\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			method := tt.method
			if method == "" {
				method = http.MethodGet
			}
			req := httptest.NewRequest(method, "/x", nil)
			resp := typed.NewErrorResponder(tt.opts)
			rec := httptest.NewRecorder()
			status, err := resp.Write(rec, req, "/x", tt.err, tt.hostStatus, "")
			if err != nil || status != tt.wantStatus || rec.Code != tt.wantStatus {
				t.Fatalf("Write = %d, %v; recorded %d", status, err, rec.Code)
			}
			if got := rec.Header().Get("Content-Type"); got != tt.wantType {
				t.Errorf("Content-Type %q, want %q", got, tt.wantType)
			}
			if got := rec.Header().Get("WWW-Authenticate"); got != tt.wantWWWAuth {
				t.Errorf("WWW-Authenticate %q, want %q", got, tt.wantWWWAuth)
			}
			if got := rec.Body.String(); got != tt.wantBody {
				t.Errorf("body %q, want %q", got, tt.wantBody)
			}
			if method == http.MethodHead || tt.wantStatus == http.StatusInternalServerError {
				return
			}
			_, _, body := resp.Respond(nil, req, "/x", tt.err, tt.hostStatus, "")
			var enc bytes.Buffer
			if err := json.NewEncoder(&enc).Encode(body); err != nil {
				t.Fatal(err)
			}
			if rec.Body.String() != enc.String() {
				t.Errorf("Write's body %q, encoding/json's %q", rec.Body, enc.String())
			}
		})
	}
}
