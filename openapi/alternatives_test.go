package openapi_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/fastecho/fastecho/openapi"
	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// TestAlternativesDocumented: security.AnyOf documents its alternatives
// as separate Security Requirement Objects (OpenAPI's OR), AllOf and
// AllOf2 as one object with several keys (AND), nested and with scopes,
// and DigestAuth as FastAPI's {"type":"http","scheme":"digest"}. The
// document passes openapi.Check.
func TestAlternativesDocumented(t *testing.T) {
	t.Parallel()
	cookie := &security.APIKeyCookie{Name: "session"}
	key := &security.APIKeyHeader{Name: "x-key"}
	bearer := &security.HTTPBearer{}
	oauth2 := &security.OAuth2PasswordBearer{TokenURL: "token", Scopes: map[string]string{"read": "Read.", "write": "Write."}}
	basic := &security.HTTPBasic{}
	digest := &security.DigestAuth[string]{Realm: "r",
		Lookup: func(context.Context, string, string) (security.DigestUser[string], bool, error) {
			return security.DigestUser[string]{}, false, nil
		}}
	token := typed.Depends(bearer, func(c echo.Context, b security.HTTPAuthorizationCredentials) (string, error) {
		return b.Credentials, nil
	})
	keyAndCookie := typed.Depends(security.AllOf[string](key, cookie), func(c echo.Context, v []string) (string, error) { return v[0], nil })

	e := echo.New()
	api := echov4.New(e)
	ok := func(c echo.Context, _ struct{}, _ string) (string, error) { return "", nil }
	api.GET("/any", typed.Handle[struct{}, string](security.AnyOf[string](cookie, token), ok))
	api.GET("/all", typed.Handle[struct{}, string](keyAndCookie, ok))
	api.GET("/pair", typed.Handle[struct{}, string](
		typed.Depends(security.AllOf2(key, basic), func(c echo.Context, p security.Pair[string, security.HTTPBasicCredentials]) (string, error) {
			return p.First, nil
		}), ok))
	api.GET("/any-of-all", typed.Handle[struct{}, string](security.AnyOf(keyAndCookie, token), ok))
	api.GET("/scopes", typed.Handle[struct{}, string](security.AnyOf[string](security.Security[string](oauth2, "read"), key), ok))
	api.GET("/all-scopes", typed.Handle[struct{}, []string](
		security.Security(security.AllOf[string](security.Security[string](oauth2, "read"), key), "write"),
		func(c echo.Context, _ struct{}, _ []string) ([]string, error) { return nil, nil }))
	api.GET("/digest-or-bearer", typed.Handle[struct{}, string](security.AnyOf[string](digest, token), ok))
	matched := security.AnyOfMatched[string](digest, token)
	api.GET("/matched", typed.Handle[struct{}, security.Matched[string]](matched,
		func(c echo.Context, _ struct{}, m security.Matched[string]) (security.Matched[string], error) {
			return m, nil
		}))

	spec, err := openapi.Build(api, openapi.Config{Title: "alternatives"})
	if err != nil {
		t.Fatal(err)
	}
	if err := openapi.Check(spec); err != nil {
		t.Errorf("Check: %v", err)
	}
	raw, err := json.Marshal(spec)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Paths map[string]struct {
			Get struct {
				Security json.RawMessage `json:"security"`
			} `json:"get"`
		} `json:"paths"`
		Components struct {
			SecuritySchemes map[string]json.RawMessage `json:"securitySchemes"`
		} `json:"components"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{
		"/any":              `[{"APIKeyCookie":[]},{"HTTPBearer":[]}]`,
		"/all":              `[{"APIKeyHeader":[],"APIKeyCookie":[]}]`,
		"/pair":             `[{"APIKeyHeader":[],"HTTPBasic":[]}]`,
		"/any-of-all":       `[{"APIKeyHeader":[],"APIKeyCookie":[]},{"HTTPBearer":[]}]`,
		"/scopes":           `[{"OAuth2PasswordBearer":["read"]},{"APIKeyHeader":[]}]`,
		"/all-scopes":       `[{"OAuth2PasswordBearer":["write","read"],"APIKeyHeader":[]}]`,
		"/digest-or-bearer": `[{"HTTPDigest":[]},{"HTTPBearer":[]}]`,
		"/matched":          `[{"HTTPDigest":[]},{"HTTPBearer":[]}]`,
	} {
		if got := doc.Paths[path].Get.Security; !altSameJSON(t, got, want) {
			t.Errorf("%s security = %s, want %s", path, got, want)
		}
	}
	if got := doc.Components.SecuritySchemes["HTTPDigest"]; !altSameJSON(t, got, `{"type":"http","scheme":"digest"}`) {
		t.Errorf("HTTPDigest scheme = %s", got)
	}
}

func altSameJSON(t *testing.T, a []byte, b string) bool {
	t.Helper()
	var x, y any
	if err := json.Unmarshal(a, &x); err != nil {
		return false
	}
	if err := json.Unmarshal([]byte(b), &y); err != nil {
		t.Fatal(err)
	}
	xa, _ := json.Marshal(x)
	ya, _ := json.Marshal(y)
	return string(xa) == string(ya)
}
