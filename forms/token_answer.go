package forms

import "github.com/labstack/echo/v4"

// Token returns resp, a successful token response, after setting
// `Cache-Control: no-store` and `Pragma: no-cache` on c's response, as RFC
// 6749 §5.1 requires of every response that carries a token. Return it
// from the token endpoint's handler, with [TokenResponse] or the
// application's own type:
//
//	return forms.Token(c, forms.TokenResponse{AccessToken: tok, TokenType: "Bearer", ExpiresIn: 3600})
func Token[T any](c echo.Context, resp T) (T, error) {
	NoStore(c)
	return resp, nil
}
