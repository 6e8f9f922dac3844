package security_test

import (
	"encoding/base64"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// resolve resolves dep for a GET carrying authorization and returns the
// value, the error and, for an error, the answer Echo would send.
func resolve[T any](dep typed.Dep[T], authorization string) (T, error, *httptest.ResponseRecorder) {
	e := echo.New()
	req := httptest.NewRequest(http.MethodGet, "/", nil)
	req.Header["Authorization"] = []string{authorization}
	rec := httptest.NewRecorder()
	c := e.NewContext(req, rec)
	v, err := typed.Resolve(echov4.NewRequest(c), dep)
	if err != nil {
		e.HTTPErrorHandler(echov4.Error(c, err), c)
	}
	return v, err, rec
}

// FuzzBasic: no panic; either credentials that come back unchanged from
// a canonical re-encoding, or a 401 with the challenge whose body never
// holds the password.
func FuzzBasic(f *testing.F) {
	for _, s := range []string{
		"", "Basic", "Basic ", "Basic dXNlcjpwYXNz", "basic dXNlcjpwYXNz", "Basic dXNl cjpw YXNz", "Basic dXNlcjpwYXNz!",
		"Basic dXNlcjpwYXNz===", "Basic dXNlcjpwYXN", "Basic YTp-fn4=", "Basic w7Y6w7Y=", "Basic\tdXNlcjpwYXNz",
		"Basic \tdXNlcjpwYXNz", "Bearer x", "Basic Og==", "Basic ====", "Basic =dXNlcjpwYXNz", "Basic \xa0dXNlcjpwYXNz\x85",
	} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, authorization string, utf8Mode bool) {
		basic := &security.HTTPBasic{Realm: "r"}
		if utf8Mode {
			basic.Charset = "UTF-8"
		}
		cred, err, rec := resolve[security.HTTPBasicCredentials](basic, authorization)
		if err != nil {
			if rec.Code != http.StatusUnauthorized || rec.Header().Get("WWW-Authenticate") != basic.Challenge() ||
				strings.TrimSpace(rec.Body.String()) != notAuthenticatedBody {
				t.Fatalf("%q: error answer %d %q %s", authorization, rec.Code, rec.Header().Get("WWW-Authenticate"), rec.Body)
			}
			if errors.Is(err, security.ErrNoCredentials) == errors.Is(err, security.ErrMalformedCredentials) {
				t.Fatalf("%q: error %v is neither or both missing and malformed", authorization, err)
			}
			return
		}
		if got := cred.String(); got != "{Username:"+cred.Username+" Password:REDACTED}" {
			t.Fatalf("%q: String() = %q", authorization, got)
		}
		again, err, _ := resolve[security.HTTPBasicCredentials](basic, "Basic "+base64.StdEncoding.EncodeToString([]byte(cred.Username+":"+cred.Password)))
		if err != nil || again != cred {
			t.Fatalf("%q: %v re-encoded gives %v, %v", authorization, cred, again, err)
		}
	})
}

// FuzzSplitAuthorization: HTTPBearer either refuses as missing, or returns
// a bearer scheme as sent and a non-empty, trimmed token found after the
// first space.
func FuzzSplitAuthorization(f *testing.F) {
	for _, s := range []string{
		"", "Bearer", "Bearer ", "Bearer tok", "bEaReR tok", "Bearer\ttok", "Bearer \ttok", " Bearer tok ", "Bearer a b",
		"Bearer \x0b\x0ctok\x1c\x85\xa0", "Basic x", "Bearer  ö", "Bearer\x00 x",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, authorization string) {
		cred, err, rec := resolve[security.HTTPAuthorizationCredentials](&security.HTTPBearer{}, authorization)
		if err != nil {
			if !errors.Is(err, security.ErrNoCredentials) || rec.Code != http.StatusUnauthorized || rec.Header().Get("WWW-Authenticate") != "Bearer" {
				t.Fatalf("%q: %v answered %d %q", authorization, err, rec.Code, rec.Header().Get("WWW-Authenticate"))
			}
			return
		}
		v := strings.Trim(authorization, " \t")
		if !strings.EqualFold(cred.Scheme, "bearer") || !strings.HasPrefix(v, cred.Scheme+" ") || cred.Credentials == "" {
			t.Fatalf("%q: got %q %q", authorization, cred.Scheme, cred.Credentials)
		}
		first, _ := utf8.DecodeRuneInString(cred.Credentials)
		last, _ := utf8.DecodeLastRuneInString(cred.Credentials)
		if isPySpace(first) || isPySpace(last) {
			t.Fatalf("%q: token %q not trimmed", authorization, cred.Credentials)
		}
		token, _, _ := resolve[string](&security.OAuth2PasswordBearer{TokenURL: "t"}, authorization)
		if token != cred.Credentials {
			t.Fatalf("%q: OAuth2PasswordBearer gives %q, HTTPBearer %q", authorization, token, cred.Credentials)
		}
	})
}

// isPySpace reports whether r, a Latin-1 character, is whitespace for
// Python's str.strip.
func isPySpace(r rune) bool {
	return r >= '\t' && r <= '\r' || r >= 0x1c && r <= ' ' || r == 0x85 || r == 0xa0
}
