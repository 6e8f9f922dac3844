package typed

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// HTTPURL is pydantic's HttpUrl: an absolute http or https URL of at most
// 2083 characters, with a host. A body field of this type accepts a JSON
// string, parses it as a WHATWG URL (the URL Standard, which browsers and
// pydantic's Rust url crate follow) and keeps its serialisation: scheme and
// host in lower case, the default port dropped, an empty path as "/",
// characters outside the URL code points percent-encoded, dot segments
// resolved. So "HTTP://Example.COM:80" is "http://example.com/".
//
// A value that is not a string fails with url_type, one that does not
// parse with url_parsing (the url crate's reason in ctx.error, e.g.
// "relative URL without a base", "empty host", "invalid port number"),
// another scheme with url_scheme and a longer one with url_too_long, as
// pydantic reports them. OpenAPI documents it as
// {"type": "string", "format": "uri", "minLength": 1, "maxLength": 2083}.
//
// FastAPI: pydantic.HttpUrl.
type HTTPURL string

// String returns the URL.
func (u HTTPURL) String() string { return string(u) }

// JSONSchema documents HTTPURL as pydantic documents HttpUrl; see
// [JSONSchemer].
func (HTTPURL) JSONSchema(func(any) map[string]any) map[string]any {
	return map[string]any{"type": "string", "format": "uri", "minLength": 1, "maxLength": maxURLLength}
}

// ParseHTTPURL validates s as a body field of type [HTTPURL] is validated
// and returns its serialisation, or an error that says why not in
// pydantic's words.
func ParseHTTPURL(s string) (HTTPURL, error) {
	j := jvalue{kind: jString, s: s}
	u, typ, msg, _ := parseHTTPURL(&j)
	if typ != "" {
		return "", fmt.Errorf("typed: %s (%s)", msg, typ)
	}
	return HTTPURL(u), nil
}

const maxURLLength = 2083

// parseHTTPURL is pydantic-core's url validator with HttpUrl's
// constraints; on failure it returns the error type, message and ctx.
func parseHTTPURL(j *jvalue) (string, string, string, map[string]any) {
	if j.kind != jString {
		return "", "url_type", "URL input should be a string or URL", nil
	}
	s := j.s
	if len(s) > maxURLLength {
		return "", "url_too_long", "URL should have at most 2083 characters", map[string]any{"max_length": maxURLLength}
	}
	if s == "" {
		return "", "url_parsing", "Input should be a valid URL, input is empty", map[string]any{"error": "input is empty"}
	}
	u, err := parseWHATWG(s)
	if err != "" {
		return "", "url_parsing", "Input should be a valid URL, " + err, map[string]any{"error": err}
	}
	if u.scheme != "http" && u.scheme != "https" {
		return "", "url_scheme", "URL scheme should be 'http' or 'https'", map[string]any{"expected_schemes": "'http' or 'https'"}
	}
	if !u.hasHost {
		return "", "url_parsing", "Input should be a valid URL, empty host", map[string]any{"error": "empty host"}
	}
	return u.String(), "", "", nil
}

// wurl is a parsed URL.
type wurl struct {
	scheme, username, password, host, port, path string
	query, fragment                              *string
	hasHost                                      bool
}

func (u *wurl) String() string {
	var b strings.Builder
	b.WriteString(u.scheme)
	b.WriteByte(':')
	if u.hasHost {
		b.WriteString("//")
		if u.username != "" || u.password != "" {
			b.WriteString(u.username)
			if u.password != "" {
				b.WriteByte(':')
				b.WriteString(u.password)
			}
			b.WriteByte('@')
		}
		b.WriteString(u.host)
		if u.port != "" {
			b.WriteByte(':')
			b.WriteString(u.port)
		}
	}
	b.WriteString(u.path)
	if u.query != nil {
		b.WriteByte('?')
		b.WriteString(*u.query)
	}
	if u.fragment != nil {
		b.WriteByte('#')
		b.WriteString(*u.fragment)
	}
	return b.String()
}

var specialPorts = map[string]string{"http": "80", "https": "443", "ws": "80", "wss": "443", "ftp": "21", "file": ""}

// Percent-encode sets of the URL Standard, as the url crate 2.5.4 has them.
const (
	fragmentSet = " \"<>`"
	querySet    = " \"#<>"
	pathSet     = fragmentSet + "#?{}"
	userinfoSet = pathSet + "/:;=@[\\]^|"
)

// encodeSet percent-encodes s: C0 controls, DEL, non-ASCII bytes and the
// characters of set.
func encodeSet(s, set string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c >= 0x7F || strings.IndexByte(set, c) >= 0 {
			fmt.Fprintf(&b, "%%%02X", c)
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// parseWHATWG is the URL Standard's basic URL parser without a base; on
// failure it returns the url crate's message.
func parseWHATWG(input string) (*wurl, string) {
	input = strings.TrimFunc(input, func(r rune) bool { return r <= 0x20 })
	input = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, input)
	if !utf8.ValidString(input) {
		input = strings.ToValidUTF8(input, "\uFFFD")
	}
	const relative = "relative URL without a base"
	colon := strings.IndexByte(input, ':')
	if colon <= 0 || !isAlpha(input[0]) {
		return nil, relative
	}
	for i := 1; i < colon; i++ {
		if c := input[i]; !isAlpha(c) && !('0' <= c && c <= '9') && c != '+' && c != '-' && c != '.' {
			return nil, relative
		}
	}
	u := &wurl{scheme: strings.ToLower(input[:colon])}
	rest := input[colon+1:]
	_, special := specialPorts[u.scheme]
	if special && u.scheme != "file" {
		rest = strings.TrimLeft(rest, "/\\")
		return u, u.authority(rest, true)
	}
	if u.scheme == "file" {
		// file URLs are refused by scheme anyway; only keep what follows.
		u.path = encodeSet(rest, pathSet)
		return u, ""
	}
	if strings.HasPrefix(rest, "//") {
		return u, u.authority(rest[2:], false)
	}
	// An opaque path.
	path, query, fragment := splitRest(rest, false)
	u.path = encodeSet(path, "")
	u.setQueryFragment(query, fragment, false)
	return u, ""
}

func isAlpha(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// splitRest splits what follows the authority into path, query and
// fragment (nil when absent).
func splitRest(s string, special bool) (string, *string, *string) {
	var query, fragment *string
	if i := strings.IndexByte(s, '#'); i >= 0 {
		f := s[i+1:]
		fragment, s = &f, s[:i]
	}
	if i := strings.IndexByte(s, '?'); i >= 0 {
		q := s[i+1:]
		query, s = &q, s[:i]
	}
	return s, query, fragment
}

func (u *wurl) setQueryFragment(query, fragment *string, special bool) {
	if query != nil {
		set := querySet
		if special {
			set += "'"
		}
		q := encodeSet(*query, set)
		u.query = &q
	}
	if fragment != nil {
		f := encodeSet(*fragment, fragmentSet)
		u.fragment = &f
	}
}

// authority parses the authority and everything after it.
func (u *wurl) authority(s string, special bool) string {
	end := strings.IndexAny(s, "/?#")
	if special {
		end = strings.IndexAny(s, "/\\?#")
	}
	if end < 0 {
		end = len(s)
	}
	auth, rest := s[:end], s[end:]
	if at := strings.LastIndexByte(auth, '@'); at >= 0 {
		userinfo := auth[:at]
		auth = auth[at+1:]
		user, pass, _ := strings.Cut(userinfo, ":")
		u.username, u.password = encodeSet(user, userinfoSet), encodeSet(pass, userinfoSet)
		if auth == "" {
			return "empty host"
		}
	}
	host, port := auth, ""
	inBrackets := false
	for i := 0; i < len(auth); i++ {
		switch auth[i] {
		case '[':
			inBrackets = true
		case ']':
			inBrackets = false
		case ':':
			if !inBrackets {
				host, port = auth[:i], auth[i+1:]
				i = len(auth)
			}
		}
	}
	if host == "" {
		if special {
			return "empty host"
		}
		if port != "" || u.username != "" || u.password != "" {
			return "empty host"
		}
	}
	if port != "" {
		for i := 0; i < len(port); i++ {
			if port[i] < '0' || port[i] > '9' {
				return "invalid port number"
			}
		}
		n, err := strconv.ParseUint(port, 10, 64)
		if err != nil || n > 65535 {
			return "invalid port number"
		}
		port = strconv.FormatUint(n, 10)
		if port == specialPorts[u.scheme] {
			port = ""
		}
	}
	var err string
	if special {
		u.host, err = parseHost(host)
	} else if host != "" {
		u.host, err = parseOpaqueHost(host)
	}
	if err != "" {
		return err
	}
	u.hasHost, u.port = true, port
	path, query, fragment := splitRest(rest, special)
	u.path = parsePath(path, special)
	u.setQueryFragment(query, fragment, special)
	return ""
}

// parsePath percent-encodes path segments and resolves "." and "..".
func parsePath(path string, special bool) string {
	if path == "" {
		if special {
			return "/"
		}
		return ""
	}
	sep := func(c byte) bool { return c == '/' || special && c == '\\' }
	var parts []string
	start := 1
	for i := 1; i <= len(path); i++ {
		if i < len(path) && !sep(path[i]) {
			continue
		}
		seg := path[start:i]
		last := i == len(path)
		switch strings.ToLower(seg) {
		case "..", ".%2e", "%2e.", "%2e%2e":
			if len(parts) > 0 {
				parts = parts[:len(parts)-1]
			}
			if last {
				parts = append(parts, "")
			}
		case ".", "%2e":
			if last {
				parts = append(parts, "")
			}
		default:
			parts = append(parts, encodeSet(seg, pathSet))
		}
		start = i + 1
	}
	return "/" + strings.Join(parts, "/")
}

func isHex(c byte) bool { return '0' <= c && c <= '9' || 'a' <= c|0x20 && c|0x20 <= 'f' }
