package echov5_test

import (
	"testing"

	"github.com/fastecho/fastecho/internal/hosttest"
	"github.com/labstack/echo/v5"
)

// FuzzPathParam: a path parameter is decoded exactly once, whatever the
// segment (security review F3).
func FuzzPathParam(f *testing.F) {
	for _, s := range hosttest.PathSeeds {
		f.Add(s)
	}
	e := echo.New()
	app(e, nil)
	f.Fuzz(func(t *testing.T, seg string) { hosttest.CheckPathParam(t, e, seg) })
}
