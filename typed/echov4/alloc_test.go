package echov4_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// discard is a reusable ResponseWriter, so that a budget counts the route's
// allocations only.
type discard struct {
	h    http.Header
	code int
}

func (d *discard) Header() http.Header         { return d.h }
func (d *discard) WriteHeader(code int)        { d.code = code }
func (d *discard) Write(p []byte) (int, error) { return len(p), nil }

type allocUser struct{ Name string }

// TestRouteAllocs holds typed routes on Echo v4 to their allocation
// budgets per request, Echo's own included: a success allocates the request
// state and the result boxed for encoding (a pointer result is not boxed:
// the tutorial's two-level Security chain allocates its state and the
// SecurityScopes copy instead); a refusal through ErrorHandler adds the
// *echo.HTTPError and its {detail} value.
func TestRouteAllocs(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("allocation counts differ under the race detector")
	}
	oauth2 := &security.OAuth2PasswordBearer{TokenURL: "token", Scopes: map[string]string{"me": "", "items": ""}}
	users := map[string]*allocUser{"tok": {Name: "johndoe"}}
	current := typed.Depends2(security.Scopes(), oauth2, func(_ echo.Context, _ security.SecurityScopes, tok string) (*allocUser, error) {
		if u := users[tok]; u != nil {
			return u, nil
		}
		return nil, typed.NewHTTPError(http.StatusUnauthorized, "Could not validate credentials")
	})
	active := typed.Depends(security.Security(current, "me"), func(_ echo.Context, u *allocUser) (*allocUser, error) { return u, nil })
	e := echo.New()
	e.HTTPErrorHandler = echov4.ErrorHandler(nil)
	api := echov4.New(e)
	api.GET("/bearer", typed.Handle(&security.HTTPBearer{}, func(_ echo.Context, _ struct{}, c security.HTTPAuthorizationCredentials) (string, error) {
		return c.Credentials, nil
	}))
	api.GET("/chain", typed.Handle(security.Security(active, "items"), func(_ echo.Context, _ struct{}, u *allocUser) (*allocUser, error) {
		return u, nil
	}))
	tests := []struct {
		name   string
		path   string
		auth   string
		status int
		want   float64
	}{
		{"success", "/bearer", "Bearer tok", 200, 2},
		{"chain", "/chain", "Bearer tok", 200, 2},
		{"refused", "/bearer", "", 401, 3},
		{"chain refused", "/chain", "", 401, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest(http.MethodGet, tt.path, nil)
			if tt.auth != "" {
				req.Header.Set("Authorization", tt.auth)
			}
			w := &discard{h: http.Header{}}
			serve := func() {
				clear(w.h)
				e.ServeHTTP(w, req)
			}
			serve()
			if w.code != tt.status {
				t.Fatalf("status %d, want %d", w.code, tt.status)
			}
			got := testing.AllocsPerRun(200, serve)
			t.Logf("%v allocations per request", got)
			if got > tt.want {
				t.Errorf("%v allocations per request, want at most %v", got, tt.want)
			}
		})
	}
}

var raceEnabled bool // set by race_test.go
