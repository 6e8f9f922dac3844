package conformance_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fastecho/fastecho/openapi"
	"github.com/pb33f/libopenapi"
	validator "github.com/pb33f/libopenapi-validator"
	"github.com/swaggest/openapi-go/openapi31"
)

// documents returns every document to check: the golden files of package
// openapi (one per scenario), every example's golden document (each example
// test checks it equals what the example serves) and the password-flow
// app's, as served.
func documents(t *testing.T) map[string][]byte {
	t.Helper()
	docs := map[string][]byte{}
	files, err := filepath.Glob("../../openapi/testdata/*.openapi.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden documents found (%v)", err)
	}
	examples, err := filepath.Glob("../../examples/*/testdata/openapi.json")
	if err != nil || len(examples) == 0 {
		t.Fatalf("no example documents found (%v)", err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		docs[filepath.Base(f)] = b
	}
	for _, f := range examples {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		docs["examples/"+filepath.Base(filepath.Dir(filepath.Dir(f)))] = b
	}
	app, err := newPasswordApp()
	if err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	app.e.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/openapi.json", nil))
	if rec.Code != http.StatusOK {
		t.Fatalf("GET /openapi.json: %d", rec.Code)
	}
	served := rec.Body.Bytes()
	docs["password-app (served)"] = served
	// Keep the served document as a file too, for redocly lint (run.sh).
	var buf bytes.Buffer
	if err := json.Indent(&buf, served, "", "  "); err != nil {
		t.Fatal(err)
	}
	buf.WriteByte('\n')
	const golden = "testdata/password-app.openapi.json"
	if *update {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if want, err := os.ReadFile(golden); err != nil || !bytes.Equal(want, buf.Bytes()) {
		t.Errorf("%s is not the document served (go test -update rewrites it): %v", golden, err)
	}
	return docs
}

// Every document loads with libopenapi and passes libopenapi-validator's
// document validation against the OpenAPI 3.1 schema, and fastecho's own
// Check.
func TestDocumentsValidate(t *testing.T) {
	for name, raw := range documents(t) {
		t.Run(name, func(t *testing.T) {
			doc, err := libopenapi.NewDocument(raw)
			if err != nil {
				t.Fatalf("libopenapi: %v", err)
			}
			if v := doc.GetVersion(); v != "3.1.0" {
				t.Errorf("version %q, want 3.1.0", v)
			}
			if _, err := doc.BuildV3Model(); err != nil {
				t.Errorf("libopenapi model: %v", err)
			}
			v, errs := validator.NewValidator(doc)
			if len(errs) > 0 {
				t.Fatalf("validator: %v", errs)
			}
			if ok, verrs := v.ValidateDocument(); !ok {
				for _, e := range verrs {
					var detail []string
					for _, s := range e.SchemaValidationErrors {
						detail = append(detail, fmt.Sprintf("%s: %s", s.FieldPath, s.Reason))
					}
					t.Errorf("%s: %s %s", e.Message, e.Reason, strings.Join(detail, "; "))
				}
			}
			var spec openapi31.Spec
			if err := json.Unmarshal(raw, &spec); err != nil {
				t.Fatalf("swaggest: %v", err)
			}
			if err := openapi.Check(&spec); err != nil {
				t.Error(err)
			}
		})
	}
}

// The validator does catch what package openapi guards against: a flow
// whose scopes are null, as swaggest writes a nil map.
func TestValidatorCatchesNullScopes(t *testing.T) {
	raw := `{"openapi":"3.1.0","info":{"title":"x","version":"1"},"paths":{},
		"components":{"securitySchemes":{"OAuth2PasswordBearer":{"type":"oauth2","flows":{"password":{"tokenUrl":"token","scopes":null}}}}}}`
	doc, err := libopenapi.NewDocument([]byte(raw))
	if err != nil {
		t.Fatal(err)
	}
	v, errs := validator.NewValidator(doc)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if ok, _ := v.ValidateDocument(); ok {
		t.Error("a document with null scopes passed validation")
	}
}
