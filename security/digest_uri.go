package security

import (
	"net/http"
	"net/url"
	"strings"
)

// sameTarget reports whether uri, from the credentials, designates the
// request target: equal to it, or the same path and query, each in origin
// form ("/path?query") or in the absolute form of an HTTP URL
// ("http://host/path?query", any host).
func sameTarget(uri string, req *http.Request) bool {
	target := req.RequestURI
	if target == "" && req.URL != nil {
		target = req.URL.RequestURI()
	}
	if uri == target {
		return true
	}
	o := originForm(uri)
	return o != "" && o == originForm(target)
}

// originForm returns an origin-form target as is, the path and query of
// an absolute http or https URL with a host, and "" for anything else (a
// URI of another scheme, or without a host, names no request target:
// FuzzDigestURI found "AAAA:" matching "/").
func originForm(t string) string {
	if strings.HasPrefix(t, "/") {
		return t
	}
	u, err := url.Parse(t)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.Opaque != "" {
		return ""
	}
	return u.RequestURI()
}
