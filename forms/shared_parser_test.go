package forms_test

import (
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/fastecho/fastecho/forms"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// credentials is a form of two fields, bound by typed (as a route's
// request) and by forms.Bind.
type credentials struct {
	Username string `form:"username"`
	Password string `form:"password"`
}

// quoted answers the two values Go-quoted, so that a raw invalid byte
// (\xf6) and its replacement (\ufffd) stay apart on the wire.
func quoted(username, password string) string {
	return strconv.Quote(username) + " " + strconv.Quote(password)
}

// sharedParserApp reads the same two fields three ways: typed's binding
// of a request struct with form tags (typed.Form), forms.Password and
// forms.Bind.
func sharedParserApp() *echo.Echo {
	e := echo.New()
	api := echov4.New(e)
	api.POST("/typed", typed.Plain(func(_ echo.Context, f credentials) (string, error) {
		return quoted(f.Username, f.Password), nil
	}))
	api.POST("/password", typed.Handle(forms.Password(nil), func(_ echo.Context, _ struct{}, f forms.OAuth2PasswordRequestForm) (string, error) {
		return quoted(f.Username, f.Password), nil
	}))
	api.POST("/bind", typed.Handle(forms.Bind[credentials](nil), func(_ echo.Context, _ struct{}, f credentials) (string, error) {
		return quoted(f.Username, f.Password), nil
	}))
	return e
}

// TestOneFormParser proves that typed.Form, forms.Password and forms.Bind
// share one form parser: the same body gives the same field values through
// each, as Starlette decodes them. Urlencoded bytes are read as Latin-1 and
// %XX escapes as UTF-8 with invalid sequences replaced by U+FFFD, whatever
// the charset parameter; a multipart value is decoded with the charset
// parameter of the request's Content-Type (UTF-8 by default) and read as
// Latin-1 when that fails, escapes left as they are (Starlette's
// MultiPartParser and its _user_safe_decode).
func TestOneFormParser(t *testing.T) {
	t.Parallel()
	mp := func(ct string, username, password string) (string, string) {
		body, mpType := multipartBody(t, [][2]string{{"username", username}, {"password", password}})
		return mpType + ct, string(body)
	}
	type row struct {
		name            string
		whenContentType string
		whenBody        string
		wantUsername    string
		wantPassword    string
	}
	tests := []row{
		{name: "urlencoded utf-8 escapes", whenContentType: urlencoded, whenBody: "username=j%C3%B6hn&password=caf%C3%A9",
			wantUsername: "jöhn", wantPassword: "café"},
		{name: "urlencoded latin-1 bytes", whenContentType: urlencoded, whenBody: "username=j\xf6hn&password=caf\xe9",
			wantUsername: "jöhn", wantPassword: "café"},
		{name: "urlencoded utf-8 bytes read as latin-1", whenContentType: urlencoded, whenBody: "username=j\xc3\xb6hn&password=caf\xc3\xa9",
			wantUsername: "jÃ¶hn", wantPassword: "cafÃ©"},
		{name: "urlencoded invalid utf-8 escapes are U+FFFD", whenContentType: urlencoded, whenBody: "username=a%E2%82b%FFc&password=%ED%A0%80",
			wantUsername: "a\ufffdb\ufffdc", wantPassword: "\ufffd\ufffd\ufffd"},
		{name: "urlencoded latin-1 charset changes nothing", whenContentType: urlencoded + "; charset=iso-8859-1", whenBody: "username=j%F6hn&password=caf\xe9",
			wantUsername: "j\ufffdhn", wantPassword: "café"},
		{name: "urlencoded escaped names, ';' separators", whenContentType: urlencoded, whenBody: "%75sername=j%C3%B6hn;pass%77ord=caf%C3%A9;",
			wantUsername: "jöhn", wantPassword: "café"},
		{name: "urlencoded plus, literal percent, last wins", whenContentType: urlencoded, whenBody: "username=x&password=y&username=a+b%2B&password=%zz%4",
			wantUsername: "a b+", wantPassword: "%zz%4"},
	}
	for _, m := range []struct {
		name               string
		charset            string
		username, password string
		wantU, wantP       string
	}{
		{name: "multipart utf-8", username: "jöhn", password: "café", wantU: "jöhn", wantP: "café"},
		{name: "multipart latin-1 bytes", username: "j\xf6hn", password: "caf\xe9", wantU: "jöhn", wantP: "café"},
		{name: "multipart latin-1 bytes, latin-1 charset", charset: "; charset=iso-8859-1", username: "j\xf6hn", password: "caf\xe9", wantU: "jöhn", wantP: "café"},
		{name: "multipart utf-8 bytes, latin-1 charset", charset: "; charset=iso-8859-1", username: "jöhn", password: "café", wantU: "jÃ¶hn", wantP: "cafÃ©"},
		{name: "multipart invalid utf-8 is latin-1, not U+FFFD", username: "a\xe2\x82b", password: "\xff", wantU: "a\u00e2\u0082b", wantP: "ÿ"},
		{name: "multipart escapes stay", username: "j%C3%B6hn", password: "a+b", wantU: "j%C3%B6hn", wantP: "a+b"},
	} {
		ct, body := mp(m.charset, m.username, m.password)
		tests = append(tests, row{name: m.name, whenContentType: ct, whenBody: body, wantUsername: m.wantU, wantPassword: m.wantP})
	}
	e := sharedParserApp()
	for _, tt := range tests {
		for _, path := range []string{"/typed", "/password", "/bind"} {
			t.Run(tt.name+path, func(t *testing.T) {
				t.Parallel()
				rec := post(e, path, tt.whenContentType, []byte(tt.whenBody))
				want := strconv.Quote(quoted(tt.wantUsername, tt.wantPassword))
				if got := strings.TrimSuffix(rec.Body.String(), "\n"); rec.Code != http.StatusOK || got != want {
					t.Errorf("POST %s: %d %s, want 200 %s", path, rec.Code, got, want)
				}
			})
		}
	}
}
