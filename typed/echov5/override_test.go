package echov5_test

import (
	"testing"

	"github.com/fastecho/fastecho/internal/hosttest"
	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov5"
	"github.com/labstack/echo/v5"
)

type cred = security.HTTPAuthorizationCredentials

// TestOverrideInsideCombinators: an override of a scheme applies wherever
// the scheme is reached, inside every combinator.
func TestOverrideInsideCombinators(t *testing.T) {
	bearer := &security.HTTPBearer{}
	e := echo.New()
	api := echov5.New(e)
	answer := func(_ *echo.Context, _ struct{}, c cred) (string, error) { return c.Credentials, nil }
	api.GET("/any", typed.Handle(security.AnyOf[cred](bearer), answer))
	api.GET("/all", typed.Handle(security.AllOf[cred](bearer), func(_ *echo.Context, _ struct{}, cs []cred) (string, error) {
		return cs[0].Credentials, nil
	}))
	api.GET("/all2", typed.Handle(security.AllOf2[cred, cred](bearer, bearer), func(_ *echo.Context, _ struct{}, p security.Pair[cred, cred]) (string, error) {
		return p.Second.Credentials, nil
	}))
	api.GET("/optional", typed.Handle(security.Optional[cred](bearer), func(_ *echo.Context, _ struct{}, c *cred) (string, error) {
		if c == nil {
			return "none", nil
		}
		return c.Credentials, nil
	}))
	api.GET("/require", typed.Handle(security.Security(security.RequireScopes[cred](bearer, func(cred) []string { return []string{"read"} }), "read"), answer))
	api.GET("/security", typed.Handle(security.Security[cred](bearer, "read"), answer))
	api.GET("/depends", typed.Handle(typed.Depends(typed.Dep[cred](bearer), func(_ *echo.Context, c cred) (cred, error) { return c, nil }), answer))

	hosttest.Serve(t, e, hosttest.NotOverridden)
	restore := typed.Override(api, typed.Dep[cred](bearer), typed.Value(cred{Scheme: "Bearer", Credentials: "overridden"}))
	hosttest.Serve(t, e, hosttest.Overridden)
	restore()
	hosttest.Serve(t, e, hosttest.NotOverridden)
}
