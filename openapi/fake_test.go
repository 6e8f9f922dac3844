package openapi_test

import (
	"net/http"
	"strings"

	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
)

// fakeScheme is a security scheme with any description, for what package
// security's schemes never describe (no flows, unknown types) and for
// checking each SchemeObject field on its own. It reads a credential from
// the Authorization header (or where its SchemeObject says).
type fakeScheme struct {
	name string
	obj  security.SchemeObject
}

var _ security.Scheme = (*fakeScheme)(nil)
var _ typed.Dep[string] = (*fakeScheme)(nil)

func (f *fakeScheme) SecuritySchemeName() string          { return f.name }
func (f *fakeScheme) SchemeObject() security.SchemeObject { return f.obj }
func (f *fakeScheme) Describe(d *typed.Doc)               { d.AddSecurity(f, d.Scopes()) }

func (f *fakeScheme) Resolve(r *typed.Request) (string, error) {
	req := r.Request()
	var v string
	switch f.obj.In {
	case "query":
		v = req.URL.Query().Get(f.obj.Name)
	case "header":
		v = req.Header.Get(f.obj.Name)
	case "cookie":
		if c, err := req.Cookie(f.obj.Name); err == nil {
			v = c.Value
		}
	default:
		scheme, param, _ := strings.Cut(req.Header.Get("Authorization"), " ")
		if strings.EqualFold(scheme, "bearer") {
			v = param
		}
	}
	if v == "" {
		return "", typed.NewHTTPError(http.StatusUnauthorized, "Not authenticated", "WWW-Authenticate", "Bearer")
	}
	return v, nil
}
