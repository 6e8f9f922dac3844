package forms_test

import (
	"bytes"
	"net/http"
	"strings"
	"testing"

	"github.com/fastecho/fastecho/typed"
)

const urlencoded = "application/x-www-form-urlencoded"

// Secrets that the rows send; no 422 body may contain them.
const (
	pw     = "s3cr3t-PW"
	secret = "cl1ent-SECRET"
)

// ok is the JSON of a resolved form with username johndoe and password pw,
// with grant_type gt (null when ""), and scopes as a JSON list.
func ok(gt, scopes string) string {
	g := "null"
	if gt != "" {
		g = `"` + gt + `"`
	}
	return `{"grant_type":` + g + `,"username":"johndoe","password":"` + pw + `","scopes":` + scopes + `,"client_id":null,"client_secret":null}`
}

func TestPassword(t *testing.T) {
	t.Parallel()
	mp := func(fields ...[2]string) ([]byte, string) { return multipartBody(t, fields) }
	mpOK, mpOKType := mp([2]string{"grant_type", "password"}, [2]string{"username", "johndoe"}, [2]string{"password", pw}, [2]string{"scope", "a  b\tc"})
	mpDup, mpDupType := mp([2]string{"username", "first"}, [2]string{"password", "x"}, [2]string{"username", "johndoe"}, [2]string{"password", pw})
	mpEmpty, mpEmptyType := mp([2]string{"username", "johndoe"}, [2]string{"password", pw}, [2]string{"username", ""})
	mpUpper, mpUpperType := mp([2]string{"username", "johndoe"}, [2]string{"password", pw})
	mpLatin1, mpLatin1Type := mp([2]string{"username", "j\xf6hndoe"}, [2]string{"password", pw})

	tests := []struct {
		name            string
		whenStrict      bool   // post to PasswordStrict instead of Password
		whenContentType string // "" sends none
		whenBody        string
		whenRawBody     []byte // used instead of whenBody when set
		whenNoBody      bool
		want            string // JSON of the form; "" expects a 422
		wantGolden      string // the 422 body, in testdata/
	}{
		{name: "happy path", whenContentType: urlencoded, whenBody: "grant_type=password&username=johndoe&password=" + pw, want: ok("password", "[]")},
		{name: "grant_type is optional", whenContentType: urlencoded, whenBody: "username=johndoe&password=" + pw, want: ok("", "[]")},
		{name: "multipart", whenContentType: mpOKType, whenRawBody: mpOK, want: ok("password", `["a","b","c"]`)},
		{name: "multipart last wins", whenContentType: mpDupType, whenRawBody: mpDup, want: ok("", "[]")},
		{name: "multipart last empty is missing", whenContentType: mpEmptyType, whenRawBody: mpEmpty, wantGolden: "username-missing.json"},
		{name: "multipart upper case with boundary is no form", whenContentType: "MULTIPART/FORM-DATA; boundary=" + strings.TrimPrefix(mpUpperType, "multipart/form-data; boundary="), whenRawBody: mpUpper, wantGolden: "all-missing.json"},
		{name: "multipart invalid utf-8 is latin-1", whenContentType: mpLatin1Type, whenRawBody: mpLatin1, want: strings.Replace(ok("", "[]"), "johndoe", "jöhndoe", 1)},
		{name: "charset parameter", whenContentType: urlencoded + "; charset=utf-8", whenBody: "username=johndoe&password=" + pw, want: ok("", "[]")},
		{name: "upper case", whenContentType: "APPLICATION/X-WWW-FORM-URLENCODED", whenBody: "username=johndoe&password=" + pw, want: ok("", "[]")},
		{name: "surrounding spaces", whenContentType: " \t" + urlencoded + " ", whenBody: "username=johndoe&password=" + pw, want: ok("", "[]")},
		{name: "upper case with a parameter is no form", whenContentType: "APPLICATION/X-WWW-FORM-URLENCODED; charset=utf-8", whenBody: "username=johndoe&password=" + pw, wantGolden: "all-missing.json"},
		{name: "duplicates: last wins", whenContentType: urlencoded, whenBody: "username=first&password=x&username=johndoe&password=" + pw, want: ok("", "[]")},
		{name: "duplicates: last empty is missing", whenContentType: urlencoded, whenBody: "username=johndoe&password=" + pw + "&username=", wantGolden: "username-missing.json"},
		{name: "empty username", whenContentType: urlencoded, whenBody: "username=&password=" + pw, wantGolden: "username-missing.json"},
		{name: "username without =", whenContentType: urlencoded, whenBody: "username=johndoe&username&password=" + pw, wantGolden: "username-missing.json"},
		{name: "trailing name without = is dropped", whenContentType: urlencoded, whenBody: "password=" + pw + "&username=johndoe&username", want: ok("", "[]")},
		{name: "empty password", whenContentType: urlencoded, whenBody: "username=johndoe&password=", wantGolden: "password-missing.json"},
		{name: "empty grant_type is absent", whenContentType: urlencoded, whenBody: "grant_type=&username=johndoe&password=" + pw, want: ok("", "[]")},
		{name: "strict: empty grant_type is missing", whenStrict: true, whenContentType: urlencoded, whenBody: "grant_type=&username=johndoe&password=" + pw, wantGolden: "strict-grant-type-missing.json"},
		{name: "strict: no grant_type", whenStrict: true, whenContentType: urlencoded, whenBody: "username=johndoe&password=" + pw, wantGolden: "strict-grant-type-missing.json"},
		{name: "strict: happy path", whenStrict: true, whenContentType: urlencoded, whenBody: "grant_type=password&username=johndoe&password=" + pw, want: ok("password", "[]")},
		{name: "PASSWORD grant type", whenContentType: urlencoded, whenBody: "grant_type=PASSWORD&username=johndoe&password=" + pw, wantGolden: "grant-type-pattern.json"},
		{name: "strict: PASSWORD grant type", whenStrict: true, whenContentType: urlencoded, whenBody: "grant_type=PASSWORD&username=johndoe&password=" + pw, wantGolden: "grant-type-pattern.json"},
		{name: "grant type with a trailing newline", whenContentType: urlencoded, whenBody: "grant_type=password%0A&username=johndoe&password=" + pw, wantGolden: "grant-type-newline.json"},
		{name: "every error at once", whenContentType: urlencoded, whenBody: "grant_type=client_credentials&client_secret=" + secret, wantGolden: "all-errors.json"},
		{name: "strict: every error at once", whenStrict: true, whenContentType: urlencoded, whenBody: "client_secret=" + secret + "&scope=x", wantGolden: "strict-all-missing.json"},
		{name: "scope whitespace", whenContentType: urlencoded, whenBody: "username=johndoe&password=" + pw + "&scope=+a%09b%0Ac++d%0D%0Ae%0Bf%0Cg%1Ch%1Fi%C2%A0j%C2%85k%E3%80%80l+",
			want: ok("", `["a","b","c","d","e","f","g","h","i","j","k","l"]`)},
		{name: "scope of spaces", whenContentType: urlencoded, whenBody: "username=johndoe&password=" + pw + "&scope=+++", want: ok("", "[]")},
		{name: "scope with colons", whenContentType: urlencoded, whenBody: "username=johndoe&password=" + pw + "&scope=items:read+me", want: ok("", `["items:read","me"]`)},
		{name: "client_id and client_secret", whenContentType: urlencoded, whenBody: "username=johndoe&password=" + pw + "&client_id=app&client_secret=" + secret,
			want: strings.Replace(ok("", "[]"), `"client_id":null,"client_secret":null`, `"client_id":"app","client_secret":"`+secret+`"`, 1)},
		{name: "JSON body", whenContentType: "application/json", whenBody: `{"username":"johndoe","password":"` + pw + `"}`, wantGolden: "all-missing.json"},
		{name: "strict: JSON body", whenStrict: true, whenContentType: "application/json", whenBody: `{"username":"johndoe","password":"` + pw + `"}`, wantGolden: "strict-all-missing.json"},
		{name: "text/plain", whenContentType: "text/plain", whenBody: "username=johndoe&password=" + pw, wantGolden: "all-missing.json"},
		{name: "no content type", whenBody: "username=johndoe&password=" + pw, wantGolden: "all-missing.json"},
		{name: "no body", whenNoBody: true, wantGolden: "all-missing.json"},
		{name: "empty form", whenContentType: urlencoded, wantGolden: "all-missing.json"},
		{name: "percent-encoding and plus", whenContentType: urlencoded, whenBody: "username=j%C3%B6hn+doe&password=p%40ss%2Bw+rd%25",
			want: `{"grant_type":null,"username":"jöhn doe","password":"p@ss+w rd%","scopes":[],"client_id":null,"client_secret":null}`},
		{name: "encoded names", whenContentType: urlencoded, whenBody: "user%6Eame=johndoe&%70assword=" + pw + "&grant%5ftype=password", want: ok("password", "[]")},
		{name: "plus in a name is a space", whenContentType: urlencoded, whenBody: "username=johndoe&pass+word=" + pw, wantGolden: "password-missing.json"},
		{name: "names are case-sensitive", whenContentType: urlencoded, whenBody: "Username=johndoe&password=" + pw, wantGolden: "username-missing.json"},
		{name: "invalid escapes stay", whenContentType: urlencoded, whenBody: "username=%zz%4%&password=" + pw,
			want: `{"grant_type":null,"username":"%zz%4%","password":"` + pw + `","scopes":[],"client_id":null,"client_secret":null}`},
		{name: "invalid utf-8 escapes", whenContentType: urlencoded, whenBody: "username=a%E2%82b%FFc%ED%A0%80&password=" + pw,
			want: strings.Replace(ok("", "[]"), "johndoe", "a\ufffdb\ufffdc\ufffd\ufffd\ufffd", 1)},
		{name: "raw bytes are latin-1", whenContentType: urlencoded, whenRawBody: []byte("username=j\xc3\xb6hn&password=" + pw),
			want: `{"grant_type":null,"username":"jÃ¶hn","password":"` + pw + `","scopes":[],"client_id":null,"client_secret":null}`},
		{name: "semicolons separate when no & follows", whenContentType: urlencoded, whenBody: "username=johndoe;password=" + pw, want: ok("", "[]")},
		{name: "semicolons before an & do not separate", whenContentType: urlencoded, whenBody: "username=johndoe;password=x&password=" + pw,
			want: strings.Replace(ok("", "[]"), "johndoe", "johndoe;password=x", 1)},
		{name: "semicolons after the last & separate", whenContentType: urlencoded, whenBody: "password=" + pw + "&username=johndoe;x;", want: ok("", "[]")},
		{name: "runs of separators", whenContentType: urlencoded, whenBody: "&&;username=johndoe&;&password=" + pw + "&&", want: ok("", "[]")},
		{name: "equals in a value", whenContentType: urlencoded, whenBody: "username=johndoe&password=a=b",
			want: strings.Replace(ok("", "[]"), pw, "a=b", 1)},
		{name: "other fields ignored", whenContentType: urlencoded, whenBody: "x=1&username=johndoe&y&password=" + pw + "&z=", want: ok("", "[]")},
	}
	e := newServer(nil)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			path := "/login"
			if tt.whenStrict {
				path = "/strict"
			}
			body := tt.whenRawBody
			if body == nil && !tt.whenNoBody {
				body = []byte(tt.whenBody)
			}
			rec := post(e, path, tt.whenContentType, body)
			got := rec.Body.Bytes()
			if tt.want != "" {
				if rec.Code != http.StatusOK || string(bytes.TrimSpace(got)) != tt.want {
					t.Fatalf("got %d %s\nwant 200 %s", rec.Code, got, tt.want)
				}
				return
			}
			if rec.Code != http.StatusUnprocessableEntity {
				t.Fatalf("got %d %s, want 422", rec.Code, got)
			}
			if bytes.Contains(got, []byte(pw)) || bytes.Contains(got, []byte(secret)) {
				t.Errorf("422 body echoes a secret: %s", got)
			}
			golden(t, tt.wantGolden, got)
		})
	}
}

func TestPasswordBodyLimit(t *testing.T) {
	t.Parallel()
	e := newServer(&typed.Options{MaxBodyBytes: 64})
	tests := []struct {
		name            string
		whenContentType string
		whenBody        string
		wantStatus      int
	}{
		{name: "form within the limit", whenContentType: urlencoded, whenBody: "username=johndoe&password=" + pw, wantStatus: http.StatusOK},
		{name: "form over the limit", whenContentType: urlencoded, whenBody: "username=johndoe&password=" + strings.Repeat("x", 64), wantStatus: http.StatusRequestEntityTooLarge},
		{name: "multipart over the limit", whenContentType: "multipart/form-data; boundary=b", whenBody: strings.Repeat("x", 65), wantStatus: http.StatusRequestEntityTooLarge},
		{name: "other bodies are not read", whenContentType: "application/json", whenBody: strings.Repeat("x", 65), wantStatus: http.StatusUnprocessableEntity},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rec := post(e, "/login", tt.whenContentType, []byte(tt.whenBody))
			if rec.Code != tt.wantStatus {
				t.Fatalf("got %d %s, want %d", rec.Code, rec.Body, tt.wantStatus)
			}
			if tt.wantStatus == http.StatusRequestEntityTooLarge {
				if got := strings.TrimSpace(rec.Body.String()); got != `{"detail":"Request body too large"}` {
					t.Errorf("body %s", got)
				}
			}
		})
	}
}

func TestPasswordMalformedMultipart(t *testing.T) {
	t.Parallel()
	rec := post(newServer(nil), "/login", "multipart/form-data; boundary=b", []byte("not multipart"))
	if rec.Code != http.StatusBadRequest {
		t.Fatalf("got %d %s, want 400", rec.Code, rec.Body)
	}
}
