package security_test

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// quoteParam writes v as a quoted-string, escaping every '"' and '\'.
func digestQuote(v string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(v) + `"`
}

// formatDigest writes c back as Digest parameters, every value quoted.
func formatDigest(c security.DigestCredentials) string {
	var parts []string
	for _, p := range [][2]string{
		{"username", c.Username}, {"realm", c.Realm}, {"nonce", c.Nonce}, {"uri", c.URI}, {"response", c.Response},
		{"algorithm", c.Algorithm}, {"cnonce", c.CNonce}, {"opaque", c.Opaque}, {"qop", c.QOP}, {"nc", c.NC},
	} {
		if p[1] != "" {
			parts = append(parts, p[0]+"="+digestQuote(p[1]))
		}
	}
	if c.UserHash {
		parts = append(parts, "userhash=true")
	}
	return strings.Join(parts, ", ")
}

// FuzzParseDigestCredentials holds the parser to these properties:
//   - it never panics, and every failure wraps ErrMalformedCredentials;
//   - what it accepts, written back with every value quoted, parses to
//     the same credentials (quoting and escapes are undone exactly);
//   - extra spaces, tabs and empty list elements around the list change
//     nothing;
//   - any value quoted by quoteParam, commas and escapes included, comes
//     back unchanged in any parameter, unless it holds a byte a
//     quoted-string cannot (a control other than HTAB, or DEL), which is
//     an error;
//   - a value of token characters may go unquoted.
func FuzzParseDigestCredentials(f *testing.F) {
	for _, s := range []string{
		`username="Mufasa", realm="http-auth@example.org", uri="/dir/index.html", algorithm=SHA-256, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", nc=00000001, cnonce="f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", qop=auth, response="753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"`,
		`username*=UTF-8''J%C3%A4s%C3%B8n%20Doe, userhash=false`, `username="a\"b\\c", uri="/a?b=1,2"`, `,, realm = "r" ,`,
		`username="x`, `username="x\`, `username=`, `=x`, `a=b c=d`, `userhash=maybe`, `username="a", username="b"`,
		`username="a", username*=UTF-8''a`, "realm=\"\x00\"", "realm=\"\xff\"", `foo="bar", nc=00000001`,
	} {
		f.Add(s, "a, b")
	}
	f.Add("", `"quoted", \escaped\`)
	f.Fuzz(func(t *testing.T, params, value string) {
		c, err := security.ParseDigestCredentials(params)
		if err != nil {
			if !errors.Is(err, security.ErrMalformedCredentials) || errors.Is(err, security.ErrNoCredentials) {
				t.Fatalf("%q: error %v does not wrap ErrMalformedCredentials alone", params, err)
			}
		} else {
			again, err := security.ParseDigestCredentials(formatDigest(c))
			if err != nil || again != c {
				t.Fatalf("%q: parsed %#v; written back as %q it parses to %#v, %v", params, c, formatDigest(c), again, err)
			}
			padded, err := security.ParseDigestCredentials(" ,\t, " + params + " , ,")
			if err != nil || padded != c {
				t.Fatalf("%q: padded, parses to %#v, %v; want %#v", params, padded, err, c)
			}
		}

		quotable := true
		for i := 0; i < len(value); i++ {
			if b := value[i]; (b < 0x20 && b != '\t') || b == 0x7f {
				quotable = false
			}
		}
		q := digestQuote(value)
		c, err = security.ParseDigestCredentials("username=" + q + ", uri = " + q + ",realm=" + q + ",nonce=x")
		switch {
		case quotable && err != nil:
			t.Fatalf("quoted %q: %v", value, err)
		case quotable && (c.Username != value || c.URI != value || c.Realm != value || c.Nonce != "x"):
			t.Fatalf("quoted %q: parsed %#v", value, c)
		case !quotable && err == nil:
			t.Fatalf("quoted %q holds a control character but parsed", value)
		}
		token := value != ""
		for i := 0; i < len(value); i++ {
			token = token && strings.IndexByte("!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", value[i]) >= 0
		}
		if c, err := security.ParseDigestCredentials("nc=" + value); token && (err != nil || c.NC != value) {
			t.Fatalf("token %q: %#v, %v", value, c, err)
		}
	})
}

// FuzzDigestAuth: any Authorization header gets a 401 with fresh Digest
// challenges, or a 400 for a uri that is not the target, never a panic or
// a 200 (no input can carry a nonce this server signed), and the body is
// one of three fixed texts: nothing of the input is echoed.
func FuzzDigestAuth(f *testing.F) {
	f.Add(`Digest username="stanleyjobson", realm="r", nonce="GOxUihyOQpHsWNOpdRQkGliYQpmY9yT5yYTkjAnkRhMXscL2", uri="/users/me", response="0123456789abcdef0123456789abcdef", qop=auth, nc=00000001, cnonce="c", opaque="o"`)
	f.Add(`Digest username="a", uri="/other", response="r"`)
	f.Add("Digest ,,,")
	f.Add("digest x")
	f.Add("Basic Zm9vOmJhcg==")
	auth := &security.DigestAuth[string]{Realm: "r", Lookup: lookupPasswords, Algorithms: []string{"SHA-256", "MD5-sess"}}
	e := echo.New()
	f.Fuzz(func(t *testing.T, authorization string) {
		req := httptest.NewRequest(http.MethodGet, "/users/me", nil)
		req.Header["Authorization"] = []string{authorization}
		rec := httptest.NewRecorder()
		c := e.NewContext(req, rec)
		_, err := auth.Resolve(echov4.NewRequest(c))
		if err == nil {
			t.Fatalf("%q authenticated", authorization)
		}
		e.HTTPErrorHandler(echov4.Error(c, err), c)
		chs := rec.Header().Values("WWW-Authenticate")
		switch rec.Code {
		case http.StatusUnauthorized:
			if len(chs) != 2 || !challengeRE.MatchString(chs[0]) || !challengeRE.MatchString(chs[1]) {
				t.Fatalf("%q: challenges %q", authorization, chs)
			}
		case http.StatusBadRequest:
			if len(chs) != 0 {
				t.Fatalf("%q: 400 with challenges %q", authorization, chs)
			}
		default:
			t.Fatalf("%q: status %d", authorization, rec.Code)
		}
		switch body := strings.TrimSpace(rec.Body.String()); body {
		case notAuthenticatedBody, `{"detail":"Incorrect username or password"}`, `{"detail":"Digest uri does not match the request target"}`:
		default:
			t.Fatalf("%q: body %s", authorization, body)
		}
	})
}
