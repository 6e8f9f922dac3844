package security_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

func httpBaseApp(s *security.HTTPBase) *echo.Echo {
	e := echo.New()
	api := echov4.New(e)
	api.GET("/users/me", typed.Handle(s, func(_ echo.Context, _ struct{}, c security.HTTPAuthorizationCredentials) (map[string]string, error) {
		return map[string]string{"scheme": c.Scheme, "credentials": c.Credentials}, nil
	}))
	api.GET("/optional", typed.Handle(security.Optional[security.HTTPAuthorizationCredentials](s),
		func(_ echo.Context, _ struct{}, c *security.HTTPAuthorizationCredentials) (string, error) {
			if c == nil {
				return "none", nil
			}
			return c.Credentials, nil
		}))
	return e
}

// TestHTTPBase is FastAPI's tests/test_security_http_base*.py: any scheme
// is taken, a missing one challenges with the scheme's title.
func TestHTTPBase(t *testing.T) {
	tests := []struct {
		name, scheme, auth, target string
		wantStatus                 int
		wantBody, wantChallenge    string
	}{
		{"credentials", "Other", "Other foobar", "/users/me", 200, `{"credentials":"foobar","scheme":"Other"}`, ""},
		{"whitespace stripped", "Other", "Other  foobar ", "/users/me", 200, `{"credentials":"foobar","scheme":"Other"}`, ""},
		{"any scheme is taken", "Other", "Bearer x", "/users/me", 200, `{"credentials":"x","scheme":"Bearer"}`, ""},
		{"no credentials", "Other", "", "/users/me", 401, `{"detail":"Not authenticated"}`, "Other"},
		{"scheme only", "Other", "Other", "/users/me", 401, `{"detail":"Not authenticated"}`, "Other"},
		{"challenge is the title", "my-scheme x", "", "/users/me", 401, `{"detail":"Not authenticated"}`, "My-Scheme X"},
		{"optional, none", "Other", "", "/optional", 200, `"none"`, ""},
		{"optional, some", "Other", "Other foobar", "/optional", 200, `"foobar"`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := httpBaseApp(&security.HTTPBase{Scheme: tt.scheme})
			req := httptest.NewRequest(http.MethodGet, tt.target, nil)
			if tt.auth != "" {
				req.Header.Set("Authorization", tt.auth)
			}
			rec := httptest.NewRecorder()
			e.ServeHTTP(rec, req)
			if rec.Code != tt.wantStatus || strings.TrimSpace(rec.Body.String()) != tt.wantBody ||
				rec.Header().Get("WWW-Authenticate") != tt.wantChallenge {
				t.Errorf("got %d %q %s, want %d %q %s", rec.Code, rec.Header().Get("WWW-Authenticate"), rec.Body,
					tt.wantStatus, tt.wantChallenge, tt.wantBody)
			}
		})
	}
}

// HTTPBase takes the Authorization header of any scheme, as FastAPI's.
func ExampleHTTPBase() {
	e := httpBaseApp(&security.HTTPBase{Scheme: "Other", Description: "Other authentication"})
	for _, auth := range []string{"Other foobar", ""} {
		req := httptest.NewRequest(http.MethodGet, "/users/me", nil)
		if auth != "" {
			req.Header.Set("Authorization", auth)
		}
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, req)
		fmt.Println(rec.Code, rec.Header().Get("WWW-Authenticate"), strings.TrimSpace(rec.Body.String()))
	}
	// Output:
	// 200  {"credentials":"foobar","scheme":"Other"}
	// 401 Other {"detail":"Not authenticated"}
}
