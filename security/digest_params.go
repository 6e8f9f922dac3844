package security

import (
	"errors"
	"log/slog"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"
)

var _ slog.LogValuer = DigestCredentials{}

// DigestCredentials are the parameters of a Digest Authorization header
// (RFC 7616 §3.4), unquoted. Parameters a client may send but this package
// does not use are left out. String, GoString and LogValue print Response
// as REDACTED (it allows an offline guess of the password).
type DigestCredentials struct {
	Username  string // username, or username* decoded (RFC 8187)
	Realm     string // realm
	Nonce     string // nonce, as the server issued it
	URI       string // uri: the request target the client signed
	Response  string // response: the hex digest proving the password
	Algorithm string // algorithm as sent; "" means MD5 (RFC 7616 §3.4)
	CNonce    string // cnonce, the client's nonce
	Opaque    string // opaque, returned unchanged from the challenge
	QOP       string // qop, "auth" when the client follows a qop challenge
	NC        string // nc, the nonce count: 8 hexadecimal digits
	UserHash  bool   // userhash=true: Username is H(username:realm)
}

// String returns the parameters with Response replaced by REDACTED.
func (c DigestCredentials) String() string {
	return "{Username:" + c.Username + " Realm:" + c.Realm + " Nonce:" + c.Nonce + " URI:" + c.URI +
		" Response:REDACTED Algorithm:" + c.Algorithm + " CNonce:" + c.CNonce + " Opaque:" + c.Opaque +
		" QOP:" + c.QOP + " NC:" + c.NC + " UserHash:" + strconv.FormatBool(c.UserHash) + "}"
}

// GoString is String for %#v, which would otherwise print the response.
func (c DigestCredentials) GoString() string {
	return "security.DigestCredentials{Username:" + strconv.Quote(c.Username) + ", Realm:" + strconv.Quote(c.Realm) +
		", Nonce:" + strconv.Quote(c.Nonce) + ", URI:" + strconv.Quote(c.URI) + `, Response:"REDACTED", Algorithm:` +
		strconv.Quote(c.Algorithm) + ", CNonce:" + strconv.Quote(c.CNonce) + ", Opaque:" + strconv.Quote(c.Opaque) +
		", QOP:" + strconv.Quote(c.QOP) + ", NC:" + strconv.Quote(c.NC) + ", UserHash:" + strconv.FormatBool(c.UserHash) + "}"
}

// LogValue implements [slog.LogValuer]: the username, realm, uri and
// algorithm, and response=REDACTED.
func (c DigestCredentials) LogValue() slog.Value {
	return slog.GroupValue(slog.String("username", c.Username), slog.String("realm", c.Realm),
		slog.String("uri", c.URI), slog.String("algorithm", c.Algorithm), slog.String("response", "REDACTED"))
}

// The parameters ParseDigestCredentials keeps, as bits of a set of those
// already seen.
const (
	dpUsername = 1 << iota
	dpUsernameExt
	dpRealm
	dpNonce
	dpURI
	dpResponse
	dpAlgorithm
	dpCNonce
	dpOpaque
	dpQOP
	dpNC
	dpUserHash
)

// ParseDigestCredentials parses the parameters of a Digest Authorization
// header: what follows "Digest " (the Credentials of [HTTPDigest]'s value
// when the header is ASCII). They are a comma-separated list of
// name=value pairs (RFC 9110 §11.2): names are tokens, compared without
// case; values are tokens or quoted strings, whose backslash escapes are
// removed and which may hold commas; spaces around '=' and ',' and empty
// list elements are allowed. Unknown parameters are ignored. username*
// (RFC 8187, UTF-8 or ISO-8859-1) is decoded into Username.
//
// It fails, with an error wrapping [ErrMalformedCredentials], on anything
// else: a control character, an unterminated quoted string, a missing
// value, a parameter given twice, both username and username*, or a
// userhash other than true or false. It checks syntax only: which
// parameters a response needs is [DigestAuth]'s business.
func ParseDigestCredentials(params string) (DigestCredentials, error) {
	var c DigestCredentials
	var seen int
	err := parseAuthParams(params, func(name, value string) error {
		var bit int
		var dst *string
		switch {
		case strings.EqualFold(name, "username"):
			bit, dst = dpUsername, &c.Username
		case strings.EqualFold(name, "username*"):
			bit = dpUsernameExt
		case strings.EqualFold(name, "realm"):
			bit, dst = dpRealm, &c.Realm
		case strings.EqualFold(name, "nonce"):
			bit, dst = dpNonce, &c.Nonce
		case strings.EqualFold(name, "uri"):
			bit, dst = dpURI, &c.URI
		case strings.EqualFold(name, "response"):
			bit, dst = dpResponse, &c.Response
		case strings.EqualFold(name, "algorithm"):
			bit, dst = dpAlgorithm, &c.Algorithm
		case strings.EqualFold(name, "cnonce"):
			bit, dst = dpCNonce, &c.CNonce
		case strings.EqualFold(name, "opaque"):
			bit, dst = dpOpaque, &c.Opaque
		case strings.EqualFold(name, "qop"):
			bit, dst = dpQOP, &c.QOP
		case strings.EqualFold(name, "nc"):
			bit, dst = dpNC, &c.NC
		case strings.EqualFold(name, "userhash"):
			bit = dpUserHash
		default:
			return nil
		}
		if seen&bit != 0 {
			return errors.New(name + " given twice")
		}
		seen |= bit
		switch bit {
		case dpUsernameExt:
			u, ok := decodeExtValue(value)
			if !ok {
				return errors.New("username* is not an RFC 8187 ext-value")
			}
			c.Username = u
		case dpUserHash:
			switch {
			case strings.EqualFold(value, "true"):
				c.UserHash = true
			case strings.EqualFold(value, "false"):
			default:
				return errors.New("userhash is neither true nor false")
			}
		default:
			*dst = value
		}
		return nil
	})
	if err == nil && seen&dpUsername != 0 && seen&dpUsernameExt != 0 {
		err = errors.New("both username and username*")
	}
	if err != nil {
		return DigestCredentials{}, errors.Join(ErrMalformedCredentials, errors.New("security: Digest parameters: "+err.Error()))
	}
	return c, nil
}

// decodeExtValue decodes an RFC 8187 ext-value, charset'language'value,
// for the charsets UTF-8 and ISO-8859-1, into UTF-8. A value with a
// control character (found by FuzzParseDigestCredentials) is refused.
func decodeExtValue(v string) (string, bool) {
	charset, rest, ok := strings.Cut(v, "'")
	if !ok {
		return "", false
	}
	_, enc, ok := strings.Cut(rest, "'")
	if !ok {
		return "", false
	}
	for i := 0; i < len(enc); i++ {
		// attr-char and pct-encoded only.
		if c := enc[i]; c != '%' && (!isTokenChar(c) || c == '*' || c == '\'' || c == '%') {
			return "", false
		}
	}
	s, err := url.PathUnescape(enc)
	if err != nil {
		return "", false
	}
	// A username is text: control characters, which a quoted-string
	// cannot carry either, are refused here too.
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == 0x7f {
			return "", false
		}
	}
	switch {
	case strings.EqualFold(charset, "UTF-8"):
		if !utf8.ValidString(s) {
			return "", false
		}
		return s, true
	case strings.EqualFold(charset, "ISO-8859-1"):
		b := make([]byte, 0, len(s)+4)
		for i := 0; i < len(s); i++ {
			b = utf8.AppendRune(b, rune(s[i]))
		}
		return string(b), true
	}
	return "", false
}

// parseAuthParams calls fn with the name and the unquoted value of each
// auth-param of s (RFC 9110 §11.2, #auth-param), in order, and stops at the
// first error, its own or fn's.
func parseAuthParams(s string, fn func(name, value string) error) error {
	i := 0
	for {
		// OWS and empty list elements.
		for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == ',') {
			i++
		}
		if i == len(s) {
			return nil
		}
		start := i
		for i < len(s) && isTokenChar(s[i]) {
			i++
		}
		if i == start {
			return errors.New("expected a parameter name at offset " + strconv.Itoa(i))
		}
		name := s[start:i]
		i = skipOWS(s, i)
		if i == len(s) || s[i] != '=' {
			return errors.New(name + " has no value")
		}
		i = skipOWS(s, i+1)
		var value string
		if i < len(s) && s[i] == '"' {
			v, n, err := unquote(s[i:])
			if err != nil {
				return errors.New(name + ": " + err.Error())
			}
			value, i = v, i+n
		} else {
			start = i
			for i < len(s) && isTokenChar(s[i]) {
				i++
			}
			if i == start {
				return errors.New(name + " has no value")
			}
			value = s[start:i]
		}
		i = skipOWS(s, i)
		if i < len(s) && s[i] != ',' {
			return errors.New("expected a comma after " + name)
		}
		if err := fn(name, value); err != nil {
			return err
		}
	}
}

func skipOWS(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}

// unquote reads the quoted-string at the start of s (RFC 9110 §5.6.4) and
// returns its content with escapes removed and the number of bytes read.
func unquote(s string) (string, int, error) {
	escaped := false
	for i := 1; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"':
			if !escaped {
				return s[1:i], i + 1, nil
			}
			return unescape(s[1:i]), i + 1, nil
		case c == '\\':
			if i+1 == len(s) || !isQuotedPairChar(s[i+1]) {
				return "", 0, errors.New("bad escape in a quoted string")
			}
			escaped = true
			i++
		case !isQDText(c):
			return "", 0, errors.New("control character in a quoted string")
		}
	}
	return "", 0, errors.New("unterminated quoted string")
}

// unescape removes the backslashes of the quoted-pairs in s, a checked
// quoted-string content.
func unescape(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// isQDText reports whether c may appear unescaped in a quoted-string:
// HTAB, SP, VCHAR except '"' and '\', and obs-text.
func isQDText(c byte) bool {
	return c == '\t' || c == ' ' || c == 0x21 || (c >= 0x23 && c <= 0x5b) || (c >= 0x5d && c <= 0x7e) || c >= 0x80
}

// isQuotedPairChar reports whether c may follow a backslash in a
// quoted-string: HTAB, SP, VCHAR and obs-text.
func isQuotedPairChar(c byte) bool {
	return c == '\t' || (c >= 0x20 && c != 0x7f)
}

// isTokenChar reports whether c is a tchar of RFC 9110 §5.6.2.
func isTokenChar(c byte) bool {
	switch {
	case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		return true
	}
	return strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0
}
