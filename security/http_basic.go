package security

import (
	"crypto/sha256"
	"crypto/subtle"
	"log/slog"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/fastecho/fastecho/internal/httpx"
	"github.com/fastecho/fastecho/typed"
)

var (
	_ typed.Dep[HTTPBasicCredentials] = (*HTTPBasic)(nil)
	_ Scheme                          = (*HTTPBasic)(nil)
	_ slog.LogValuer                  = HTTPBasicCredentials{}
)

// HTTPBasic is HTTP Basic authentication (RFC 7617). Resolve reads the
// first Authorization header:
//
//   - none, or a scheme other than "Basic" (any case): a 401 wrapping
//     [ErrNoCredentials], which [Optional] turns into nil;
//   - a parameter that is not standard base64 (decoded leniently, as
//     Python's base64.b64decode does: characters outside the alphabet are
//     skipped, but missing padding and the URL-safe alphabet are errors),
//     not ASCII once decoded, or without ':': a 401 wrapping
//     [ErrMalformedCredentials], even under Optional;
//   - otherwise the username (before the first ':', may be empty) and the
//     password (the rest, may be empty and contain ':').
//
// The 401 carries `WWW-Authenticate: Basic`, or `Basic realm="<Realm>"`
// when Realm is set. The zero value is ready to use; use it by pointer and
// do not change it after first use.
//
// FastAPI: `fastapi.security.HTTPBasic`.
type HTTPBasic struct {
	// Realm is the protection space of RFC 7617 §2, sent in the challenge.
	// A '"' or '\' in it is escaped (FastAPI would send it as is).
	Realm       string
	SchemeName  string // key under components.securitySchemes; "" means "HTTPBasic"
	Description string // the scheme object's description

	// Charset, when "UTF-8", accepts credentials that decode to UTF-8 and
	// advertises it with `charset="UTF-8"` in the challenge (RFC 7617
	// §2.1). Empty keeps FastAPI's rule: decoded bytes must be ASCII.
	// Credentials are not normalized (RFC 7617 asks for NFC); compare
	// normalized values if your users may type them differently. Describe
	// panics on any other value. Beyond FastAPI.
	Charset string

	// NotAuthenticated, if non-nil, is returned instead of the default 401
	// {"detail":"Not authenticated"} with the challenge: set its Status,
	// Detail and Header (keep a WWW-Authenticate on a 401; RFC 9110
	// §15.5.2). A copy of it is answered, with its Err
	// wrapping ErrNoCredentials or ErrMalformedCredentials, so Optional
	// still tells missing from malformed. FastAPI: overriding
	// make_not_authenticated_error.
	NotAuthenticated *typed.HTTPError

	lazy lazy
}

// Resolve returns the credentials, or a 401 wrapping ErrNoCredentials
// (missing) or ErrMalformedCredentials (unreadable).
func (s *HTTPBasic) Resolve(r *typed.Request) (HTTPBasicCredentials, error) {
	v := authorization(r)
	scheme, param := httpx.SplitAuthorization(v)
	if v == "" || !httpx.EqualFoldASCII(scheme, "basic") {
		return HTTPBasicCredentials{}, s.errs().missing
	}
	var buf [128]byte
	dec, err := httpx.DecodeBase64(buf[:0], param)
	if err != nil || !s.validText(dec) {
		return HTTPBasicCredentials{}, s.errs().malformed
	}
	i := indexColon(dec)
	if i < 0 {
		return HTTPBasicCredentials{}, s.errs().malformed
	}
	str := string(dec)
	return HTTPBasicCredentials{Username: str[:i], Password: str[i+1:]}, nil
}

func (s *HTTPBasic) validText(b []byte) bool {
	if s.Charset != "" {
		return utf8.Valid(b)
	}
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func indexColon(b []byte) int {
	for i, c := range b {
		if c == ':' {
			return i
		}
	}
	return -1
}

func (s *HTTPBasic) errs() *prepared {
	if p := s.lazy.get(); p != nil {
		return p
	}
	return s.lazy.set(newPrepared(s.NotAuthenticated, s.Challenge()))
}

// Challenge returns the WWW-Authenticate value of s's 401: "Basic",
// `Basic realm="<Realm>"`, and `charset="UTF-8"` when Charset is set (RFC
// 7617 §2). Use it in your own 401s, e.g. after a failed password check.
func (s *HTTPBasic) Challenge() string {
	var params []string
	if s.Realm != "" {
		params = append(params, "realm="+quote(s.Realm))
	}
	if s.Charset != "" {
		params = append(params, `charset="UTF-8"`)
	}
	if len(params) == 0 {
		return "Basic"
	}
	return "Basic " + strings.Join(params, ", ")
}

// Describe records s as a requirement of the operation, without scopes. It
// panics if Charset is neither "" nor "UTF-8".
func (s *HTTPBasic) Describe(d *typed.Doc) {
	if s.Charset != "" && !strings.EqualFold(s.Charset, "UTF-8") {
		panic("security: HTTPBasic.Charset is " + strconv.Quote(s.Charset) + `, not "" or "UTF-8"`)
	}
	d.AddSecurity(s, nil)
}

// SecuritySchemeName returns SchemeName, or "HTTPBasic".
func (s *HTTPBasic) SecuritySchemeName() string { return orDefault(s.SchemeName, "HTTPBasic") }

// SchemeObject returns {"type":"http","scheme":"basic"}.
func (s *HTTPBasic) SchemeObject() SchemeObject {
	return SchemeObject{Type: "http", Scheme: "basic", Description: s.Description}
}

// HTTPBasicCredentials are the username and password of an HTTP Basic
// Authorization header. String, GoString and LogValue print the password
// as REDACTED; JSON encoding does not redact (FastAPI's examples return
// the credentials).
//
// FastAPI: `fastapi.security.HTTPBasicCredentials`.
type HTTPBasicCredentials struct {
	Username string `json:"username"`
	Password string `json:"password"`
}

// Matches reports whether c carries username and password. It compares
// both, always, in constant time (see [ConstantTimeEqual]), so the answer
// takes as long whichever part is wrong. FastAPI's docs use
// secrets.compare_digest for this.
func (c HTTPBasicCredentials) Matches(username, password string) bool {
	u := ConstantTimeEqual(c.Username, username)
	p := ConstantTimeEqual(c.Password, password)
	return u && p
}

// String returns {Username:<username> Password:REDACTED}.
func (c HTTPBasicCredentials) String() string {
	return "{Username:" + c.Username + " Password:REDACTED}"
}

// GoString is String for %#v, which would otherwise print the password.
func (c HTTPBasicCredentials) GoString() string {
	return "security.HTTPBasicCredentials{Username:" + strconv.Quote(c.Username) + `, Password:"REDACTED"}`
}

// LogValue implements [slog.LogValuer]: a group of username and
// password=REDACTED.
func (c HTTPBasicCredentials) LogValue() slog.Value {
	return slog.GroupValue(slog.String("username", c.Username), slog.String("password", "REDACTED"))
}

// ConstantTimeEqual reports whether a and b are equal without revealing,
// through its running time, where they differ or (beyond SHA-256's 64-byte
// blocks) how long they are: it compares their SHA-256 digests with
// crypto/subtle. Use it to check secrets (passwords, API keys) against
// expected values. FastAPI's docs use secrets.compare_digest.
func ConstantTimeEqual(a, b string) bool {
	ha := sha256.Sum256([]byte(a))
	hb := sha256.Sum256([]byte(b))
	return subtle.ConstantTimeCompare(ha[:], hb[:]) == 1
}
