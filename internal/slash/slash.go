// Package slash is the host-independent part of Starlette's
// redirect_slashes, which both Echo adapters use: the path to try and the
// Location to send.
package slash

import (
	"net/http"
	"strings"
)

// Toggled returns path with its trailing slashes removed, or with one
// added, as Starlette's Router tries it; ok is false for "/" (never
// redirected).
func Toggled(path string) (string, bool) {
	if path == "/" || path == "" {
		return "", false
	}
	if strings.HasSuffix(path, "/") {
		return strings.TrimRight(path, "/"), true
	}
	return path + "/", true
}

// Location is the absolute URL Starlette's RedirectResponse sends for req
// redirected to path (decoded): scheme://Host path ?query, quoted as
// Python's quote(url, safe=":/%#?=@[]!$&'()*+,;").
func Location(req *http.Request, path string) string {
	scheme := "http"
	if req.TLS != nil {
		scheme = "https"
	}
	u := scheme + "://" + req.Host + path
	if req.URL.RawQuery != "" {
		u += "?" + req.URL.RawQuery
	}
	return quote(u)
}

// quote is Python's urllib.parse.quote(s, safe=":/%#?=@[]!$&'()*+,;"):
// every byte that is neither a letter, a digit, one of "_.-~" nor safe
// becomes %XX (upper-case hex).
func quote(s string) string {
	const (
		safe   = ":/%#?=@[]!$&'()*+,;_.-~"
		hexUpp = "0123456789ABCDEF"
	)
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte(safe, c) >= 0 {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hexUpp[c>>4])
		b.WriteByte(hexUpp[c&15])
	}
	return b.String()
}

// TrailingParam reports whether path (decoded), routed to the Echo route
// pattern, ends with slashes that the pattern's last parameter took
// ("/users/:name" matching "/users/ann/"), and returns path without them:
// the route Starlette would redirect to. A value with inner slashes
// ("ann/b/") stays unmatched there, and is not redirected.
func TrailingParam(path, pattern string) (string, bool) {
	if !strings.HasSuffix(path, "/") || path == "/" {
		return "", false
	}
	last := pattern[strings.LastIndexByte(pattern, '/')+1:]
	if !strings.HasPrefix(last, ":") {
		return "", false
	}
	trimmed := strings.TrimRight(path, "/")
	value := trimmed[strings.LastIndexByte(trimmed, '/')+1:]
	segs := strings.Count(pattern, "/")
	if strings.Count(trimmed, "/") != segs || value == "" {
		return "", false
	}
	return trimmed, true
}
