package security_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"

	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

// redactQuery returns uri with the value of the query parameter name
// replaced by REDACTED.
func redactQuery(uri, name string) string {
	u, err := url.ParseRequestURI(uri)
	if err != nil {
		return "REDACTED"
	}
	q := u.Query()
	if q.Has(name) {
		q.Set(name, "REDACTED")
		u.RawQuery = q.Encode()
	}
	return u.String()
}

// An API key sent in the query string reaches Echo's request log with the
// URI: redact it in the logger's LogValuesFunc.
func ExampleAPIKeyQuery_accessLog() {
	e := echo.New()
	e.Use(middleware.RequestLoggerWithConfig(middleware.RequestLoggerConfig{
		LogURI:    true,
		LogStatus: true,
		LogValuesFunc: func(_ echo.Context, v middleware.RequestLoggerValues) error {
			fmt.Println("access log:", v.Status, redactQuery(v.URI, "api_key"))
			return nil
		},
	}))
	key := &security.APIKeyQuery{Name: "api_key"}
	echov4.New(e).GET("/items", typed.Handle(key, func(echo.Context, struct{}, string) (string, error) {
		return "ok", nil
	}))
	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/items?api_key=s3cr3t&page=2", nil))
	// Output:
	// access log: 200 /items?api_key=REDACTED&page=2
}
