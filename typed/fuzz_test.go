package typed_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

type fuzzReq struct {
	N      int      `query:"n"`
	F      *float64 `query:"f"`
	B      bool     `query:"b" default:"false"`
	Tags   []int    `query:"tag"`
	Name   string   `json:"name" validate:"max=8"`
	Secret string   `json:"secret" format:"password" validate:"min=4"`
	Inner  struct {
		Zip string `json:"zip"`
	} `json:"inner"`
}

// FuzzBind sends arbitrary query strings and bodies to a typed route. The
// answer is 200, or a 4xx with a well-formed {"detail": …}; never a 500, and
// the secret field's value never appears in an error body.
func FuzzBind(f *testing.F) {
	f.Add("n=1&f=2.5&b=yes&tag=1&tag=2", `{"name":"a","secret":"abcd","inner":{"zip":"1"}}`, "application/json")
	f.Add("n=x", `{"name":"toolongname","secret":"s3"}`, "application/json")
	f.Add("", `{`, "")
	f.Add("n=%zz&tag=a", `[]`, "text/plain")
	f.Add("n=1", "name=a&secret=zzzz", "application/x-www-form-urlencoded")
	e := echo.New()
	echov4.NewWithOptions(e, &typed.Options{MaxBodyBytes: 4096}).POST("/f", typed.Plain(func(_ echo.Context, r fuzzReq) (fuzzReq, error) { return r, nil }))
	f.Fuzz(func(t *testing.T, query, body, contentType string) {
		req := httptest.NewRequest(http.MethodPost, "/f", strings.NewReader(body))
		req.URL.RawQuery = query
		if contentType != "" {
			req.Header.Set("Content-Type", contentType)
		}
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, req)
		switch {
		case rec.Code == http.StatusOK:
			return
		case rec.Code >= 500 || rec.Code < 400:
			t.Fatalf("status %d for query %q body %q: %s", rec.Code, query, body, rec.Body)
		}
		var out struct {
			Detail json.RawMessage `json:"detail"`
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil || out.Detail == nil {
			t.Fatalf("%d body is not {\"detail\": …}: %s", rec.Code, rec.Body)
		}
		var obj map[string]any
		if json.Unmarshal([]byte(body), &obj) == nil {
			secret, ok := obj["secret"].(string)
			var errs []map[string]any
			_ = json.Unmarshal(out.Detail, &errs)
			for _, ve := range errs {
				switch in := ve["input"].(type) {
				case string:
					if ok && in == secret && !strings.Contains(query, secret) {
						t.Fatalf("secret %q echoed: %s", secret, rec.Body)
					}
				case map[string]any:
					if _, has := in["secret"]; has {
						t.Fatalf("body echoed with its secret: %s", rec.Body)
					}
				}
			}
		}
	})
}
