package httpx

import "strings"

// SplitAuthorization splits an Authorization header value as FastAPI's
// get_authorization_scheme_param does: an empty value gives two empty
// strings; otherwise scheme is everything before the first space and param
// is the rest, trimmed like Python's str.strip. Both are still Latin-1.
func SplitAuthorization(v string) (scheme, param string) {
	if v == "" {
		return "", ""
	}
	i := strings.IndexByte(v, ' ')
	if i < 0 {
		return v, ""
	}
	return v[:i], Strip(v[i+1:])
}
