package security

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// namedTarget splits a request target or a Digest uri into the path and
// query it names, without net/url: an origin form "/path?query" as is; an
// absolute form scheme ":" ["//" authority] path ["?" query] ["#"
// fragment] without its scheme, authority and fragment (an empty path
// after an authority is "/"). ok is false for anything else.
func namedTarget(t string) (path, query string, hasQuery, ok bool) {
	if !strings.HasPrefix(t, "/") {
		i := 0
		for i < len(t) && (('a' <= t[i]|0x20 && t[i]|0x20 <= 'z') || (i > 0 && strings.IndexByte("0123456789+-.", t[i]) >= 0)) {
			i++
		}
		if i == 0 || i == len(t) || t[i] != ':' {
			return "", "", false, false
		}
		t = t[i+1:]
		t, _, _ = strings.Cut(t, "#")
		rest, q, hasQ := strings.Cut(t, "?")
		if after, ok := strings.CutPrefix(rest, "//"); ok {
			rest = ""
			if j := strings.IndexByte(after, '/'); j >= 0 {
				rest = after[j:]
			}
			if rest == "" {
				rest = "/"
			}
		}
		return rest, q, hasQ, true
	}
	path, query, hasQuery = strings.Cut(t, "?")
	return path, query, hasQuery, true
}

// FuzzDigestURI holds sameTarget, the check that the uri of Digest
// credentials names the request's target (RFC 7616 §3.4.6), to these
// properties, for any uri and target:
//   - it never panics;
//   - sound: when it accepts a uri other than the target itself, both
//     name the same path, percent-decoded, and the same query, byte for
//     byte (namedTarget, written without net/url, says which): a uri
//     signed for one resource never passes for another;
//   - complete where clients need it: a target always matches itself, and
//     a well-formed origin-form target (as a server reads it from a
//     request line: no '#', net/url gives it back unchanged) matches its
//     absolute form under any scheme and host.
func FuzzDigestURI(f *testing.F) {
	f.Add("/users/me", "/users/me")
	f.Add("http://example.com/users/me?x=1,2", "/users/me?x=1,2")
	f.Fuzz(func(t *testing.T, uri, target string) {
		if target == "" {
			return // no request has an empty target
		}
		req := &http.Request{Method: http.MethodGet, RequestURI: target, URL: &url.URL{Path: "/"}}
		got := sameTarget(uri, req)

		if got && uri != target {
			up, uq, uhq, uok := namedTarget(uri)
			tp, tq, thq, tok := namedTarget(target)
			if !uok || !tok {
				t.Fatalf("uri %q accepted for target %q, but one of them names no path (%v, %v)", uri, target, uok, tok)
			}
			ud, uerr := url.PathUnescape(up)
			td, terr := url.PathUnescape(tp)
			if uerr != nil || terr != nil || ud != td {
				t.Fatalf("uri %q accepted for target %q: paths %q and %q differ decoded (%q, %q; %v, %v)", uri, target, up, tp, ud, td, uerr, terr)
			}
			if uq != tq || uhq != thq {
				t.Fatalf("uri %q accepted for target %q: queries %q (%v) and %q (%v) differ", uri, target, uq, uhq, tq, thq)
			}
		}

		if !sameTarget(target, req) {
			t.Fatalf("target %q does not match itself", target)
		}
		if u, err := url.ParseRequestURI(target); err == nil && strings.HasPrefix(target, "/") &&
			!strings.Contains(target, "#") && u.RequestURI() == target {
			for _, abs := range []string{"http://example.com" + target, "HTTPS://user@[::1]:8443" + target} {
				if !sameTarget(abs, req) {
					t.Fatalf("absolute form %q does not match target %q", abs, target)
				}
			}
		}
	})
}
