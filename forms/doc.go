// Package forms reads HTML form bodies into typed values: OAuth2's password
// request form, as FastAPI's OAuth2PasswordRequestForm does, and any struct
// with form tags.
//
// # The password form
//
// A token endpoint of OAuth2's password flow (RFC 6749 §4.3) receives the
// user's credentials as a form. [Password] is the dependency that reads
// them. The package knows nothing of the web framework: a route registers
// through a host adapter, here Echo v4's (typed/echov4):
//
//	api := echov4.New(e)
//	api.POST("/token", typed.Handle[struct{}, Token](forms.Password(nil), login))
//
//	func login(c echo.Context, _ struct{}, f forms.OAuth2PasswordRequestForm) (Token, error)
//
// On Echo v5 (typed/echov5) login takes a *echo.Context; nothing else
// changes.
//
// login runs only with a username and a password; otherwise the request is
// answered 422 with FastAPI's body, one entry per failing field:
//
//	{"detail":[{"type":"missing","loc":["body","username"],"msg":"Field required","input":null}]}
//
// [PasswordStrict] also requires grant_type=password, as RFC 6749 does and
// FastAPI's OAuth2PasswordRequestFormStrict. Scopes arrive as one scope
// field, split on whitespace into [OAuth2PasswordRequestForm.Scopes].
//
// # How bodies are read
//
// The password forms read the body exactly as FastAPI on Starlette (with
// python-multipart) does, so that a client sees the same answers:
//   - Content-Type application/x-www-form-urlencoded or multipart/form-data,
//     matched without regard to case when it has no parameters. With
//     parameters (charset=…) python-multipart keeps the case, so
//     "APPLICATION/X-WWW-FORM-URLENCODED; charset=utf-8" is no form there,
//     nor here.
//   - Any other body (JSON, text/plain, none) is a form without fields:
//     every required field is reported missing.
//   - The last occurrence of a field counts, and an empty value counts as
//     missing ("username=" is a missing username; an empty grant_type is
//     no grant_type).
//   - Urlencoded fields are separated by '&', or by ';' where no '&'
//     follows; '+' is a space, %XX escapes are UTF-8 (invalid sequences
//     become U+FFFD) and raw bytes above 0x7F are Latin-1 characters.
//   - Multipart field values are decoded in the charset parameter of the
//     Content-Type (UTF-8 by default), or read as Latin-1 when they are not
//     valid in it.
//   - grant_type must be exactly "password" when sent; scope is split as
//     Python's str.split() splits.
//
// The body is read once per request within the API's limit (a larger one
// is answered 413) and parsed by typed's one form parser, which
// [typed.Form], [typed.FormValue], typed's form binding and [Bind] share,
// so all read the same values from the same body.
//
// # Secrets
//
// [OAuth2PasswordRequestForm] prints and logs (fmt, slog) with the password
// and client secret as REDACTED. Beyond FastAPI, 422 bodies never carry the
// value of a password field: they can only be missing (input null), and
// errors from [Options.Validate] leave their input out.
//
// # Other forms
//
// [Bind] binds a form body into a struct of yours with `form:"name"` tags
// and validates it, as [typed.Bind] does for form fields.
//
// # Token responses
//
// [Token] and [NoStore] take the response's header, an http.Header
// (c.Response().Header() on either Echo major), and set the
// `Cache-Control: no-store` and `Pragma: no-cache` that RFC 6749 requires
// of every response carrying a token.
//
// # OpenAPI
//
// Every dependency here documents a required
// application/x-www-form-urlencoded request body on its operation (see
// [typed.Body]), which package openapi publishes as FastAPI does: for the
// password form the properties grant_type (pattern ^password$), username,
// password, scope (default ""), client_id and client_secret, with username
// and password required, plus grant_type for the strict form. As in
// FastAPI, password and client_secret are marked format: password in the
// permissive form only.
package forms
