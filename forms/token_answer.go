package forms

import "net/http"

// Token returns resp, a successful token response, after setting
// `Cache-Control: no-store` and `Pragma: no-cache` in h, the response's
// header (c.Response().Header() on either Echo major), as RFC 6749 §5.1
// requires of every response that carries a token. Return it from the
// token endpoint's handler, with [TokenResponse] or the application's own
// type:
//
//	return forms.Token(c.Response().Header(), forms.TokenResponse{AccessToken: tok, TokenType: "Bearer", ExpiresIn: 3600})
func Token[T any](h http.Header, resp T) (T, error) {
	NoStore(h)
	return resp, nil
}
