package security_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// Security review F10: RequireScopes placed below the Security that
// declares the scopes would check nothing and let a read-only token
// through; registering it panics, naming the route, and the right
// placement answers 403.
func TestSecurityF10RequireScopesMisplaced(t *testing.T) {
	bearer := &security.HTTPBearer{}
	token := typed.Depends(typed.Dep[security.HTTPAuthorizationCredentials](bearer),
		func(_ echo.Context, c security.HTTPAuthorizationCredentials) (string, error) {
			return c.Credentials, nil
		})
	scopesOf := func(tok string) []string { return strings.Fields(strings.ReplaceAll(tok, ",", " ")) }
	answer := func(_ echo.Context, _ struct{}, tok string) (string, error) { return tok, nil }

	t.Run("misplaced panics at registration", func(t *testing.T) {
		defer func() {
			msg := fmt.Sprint(recover())
			if !strings.Contains(msg, "GET /admin") || !strings.Contains(msg, "admin") {
				t.Errorf("panic %q does not name the route", msg)
			}
		}()
		echov4.New(echo.New()).GET("/admin", typed.Handle(security.RequireScopes(security.Security(token, "admin"), scopesOf), answer))
		t.Error("a misplaced RequireScopes was registered")
	})

	e := echo.New()
	api := echov4.New(e)
	api.GET("/admin", typed.Handle(security.Security(security.RequireScopes(token, scopesOf), "admin"), answer))
	api.GET("/status", typed.Handle(security.RequireScopes(token, scopesOf), answer)) // no scope needed: legit
	for _, tt := range []struct {
		name, target, token string
		wantStatus          int
	}{
		{"read-only token is refused", "/admin", "read", http.StatusForbidden},
		{"admin token passes", "/admin", "read,admin", http.StatusOK},
		{"a route without scopes checks none", "/status", "read", http.StatusOK},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rec := serve(e, tt.target, [][2]string{{"Authorization", "Bearer " + tt.token}})
			if rec.Code != tt.wantStatus {
				t.Errorf("status %d, want %d: %s", rec.Code, tt.wantStatus, rec.Body)
			}
		})
	}
}
