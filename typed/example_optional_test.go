package typed_test

import (
	"fmt"

	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// keyScheme is a security scheme of one's own: a header key.
type keyScheme struct{}

func (keyScheme) SecuritySchemeName() string { return "Key" }

func (keyScheme) Resolve(r *typed.Request) (string, error) {
	return r.Request().Header.Get("X-Key"), nil
}

func (s keyScheme) Describe(d *typed.Doc) { d.AddSecurity(s, nil) }

// optionalKey lets a request without the key through (a nil key), as
// FastAPI's auto_error=False: its scheme is recorded Optional, and package
// openapi documents no 401 that the route cannot send.
type optionalKey struct{ keyScheme }

func (k optionalKey) Describe(d *typed.Doc) { d.Optional(k.keyScheme.Describe) }

func ExampleDoc_Optional() {
	e := echo.New()
	api := echov4.New(e)
	hello := func(_ echo.Context, _ struct{}, key string) (string, error) { return "hello " + key, nil }
	api.GET("/strict", typed.Handle[struct{}, string](keyScheme{}, hello))
	api.GET("/optional", typed.Handle[struct{}, string](optionalKey{}, hello))
	for _, op := range api.Operations() {
		ss := op.Security[0][0]
		fmt.Println(op.Path, ss.Scheme.SecuritySchemeName(), "optional:", ss.Optional)
	}
	// Output:
	// /strict Key optional: false
	// /optional Key optional: true
}
