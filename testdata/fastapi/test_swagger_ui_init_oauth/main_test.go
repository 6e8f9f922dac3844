package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	. "github.com/fastecho/fastecho/internal/exampletest"
)

// initOAuth matches the call and captures its argument.
var initOAuth = regexp.MustCompile(`ui\.initOAuth\((\{.*\})\)`)

func TestSwaggerUI(t *testing.T) {
	srv := httptest.NewServer(newApp())
	defer srv.Close()

	t.Run("test_swagger_ui", func(t *testing.T) {
		res, err := http.Get(srv.URL + "/docs")
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		body := string(b)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("status %d, want 200", res.StatusCode)
		}
		if !strings.Contains(body, "ui.initOAuth") {
			t.Fatalf("no ui.initOAuth in the page:\n%s", body)
		}
		// differs from FastAPI: the literals `"appName": "The Predendapp"`
		// and `"clientId": "the-foo-clients"` are written without the space
		// after ':' here (Go's compact JSON, Python's json.dumps puts one),
		// reported; the same object is passed:
		m := initOAuth.FindStringSubmatch(body)
		if m == nil || !SameJSON([]byte(m[1]), []byte(`{"clientId":"the-foo-clients","appName":"The Predendapp"}`)) {
			t.Errorf("ui.initOAuth is not given {clientId: the-foo-clients, appName: The Predendapp}:\n%s", body)
		}
	})
}

func TestResponse(t *testing.T) {
	Run(t, newApp(), []Case{
		{Name: "test_response", Path: "/items/", Status: 200, JSON: `{"id":"foo"}`},
		NotFound,
	})
}
