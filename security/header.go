package security

import (
	"net/http"
	"strings"

	"github.com/fastecho/fastecho/typed"
)

// Reading credentials from request headers, and writing header values.

// quote returns s as an RFC 9110 §5.6.4 quoted-string: in double quotes,
// with '"' and '\' escaped by a backslash.
func quote(s string) string {
	if !strings.ContainsAny(s, `"\`) {
		return `"` + s + `"`
	}
	var b strings.Builder
	b.Grow(len(s) + 4)
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		if s[i] == '"' || s[i] == '\\' {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	b.WriteByte('"')
	return b.String()
}

// firstHeader returns the first value of h[key] (key in canonical form)
// with the spaces and tabs an HTTP server strips removed, or "".
func firstHeader(h http.Header, key string) string {
	vs := h[key]
	if len(vs) == 0 {
		return ""
	}
	v := vs[0]
	for v != "" && (v[0] == ' ' || v[0] == '\t') {
		v = v[1:]
	}
	for v != "" && (v[len(v)-1] == ' ' || v[len(v)-1] == '\t') {
		v = v[:len(v)-1]
	}
	return v
}

// authorization returns the request's first Authorization header value.
func authorization(r *typed.Request) string {
	return firstHeader(r.Request().Header, "Authorization")
}

// orDefault returns name, or def when name is empty.
func orDefault(name, def string) string {
	if name == "" {
		return def
	}
	return name
}
