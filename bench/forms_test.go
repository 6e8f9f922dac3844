package bench

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/danielgtaylor/huma/v2"
	"github.com/fastecho/fastecho/forms"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/go-playground/validator/v10"
	"github.com/labstack/echo/v4"
)

// The password form paths are POST /token with FastAPI's
// OAuth2PasswordRequestForm (PasswordForm) and OAuth2PasswordRequestFormStrict
// (PasswordFormStrict). Echo has no middleware for them: echomw is Echo's
// own binding, c.Bind into a tagged struct and c.Validate with
// go-playground/validator, its errors turned into FastAPI's 422.

func BenchmarkPasswordForm(b *testing.B)       { passwordFormPath().run(b) }
func BenchmarkPasswordFormStrict(b *testing.B) { passwordFormStrictPath().run(b) }

// loginBody is the answer of /token.
type loginBody struct {
	AccessToken string   `json:"access_token"`
	TokenType   string   `json:"token_type"`
	Scopes      []string `json:"scopes"`
	ClientID    string   `json:"client_id,omitempty"`
}

const (
	loginOK = "grant_type=password&username=johndoe&password=s3cr3t%21&scope=items+me&client_id=app"
	// loginBad has a grant_type that is not "password" and no password.
	loginBad = "grant_type=client_credentials&username=johndoe&scope=items"
	// loginNoGrant lacks the grant_type the strict form requires.
	loginNoGrant = "username=johndoe&password=s3cr3t%21&scope=items+me"
)

// fieldError is one entry of FastAPI's 422 body, written by hand.
type fieldError struct {
	Type  string         `json:"type"`
	Loc   [2]string      `json:"loc"`
	Msg   string         `json:"msg"`
	Input any            `json:"input"`
	Ctx   *patternDetail `json:"ctx,omitempty"`
}

type patternDetail struct {
	Pattern string `json:"pattern"`
}

var grantPattern = &patternDetail{Pattern: "^password$"}

func missingField(name string) fieldError {
	return fieldError{Type: "missing", Loc: [2]string{"body", name}, Msg: "Field required"}
}

func badGrant(value string) fieldError {
	return fieldError{Type: "string_pattern_mismatch", Loc: [2]string{"body", "grant_type"},
		Msg: "String should match pattern '^password$'", Input: value, Ctx: grantPattern}
}

// checkLogin is the check a hand-written handler makes: FastAPI's rules
// for the form's fields, every failure reported.
func checkLogin(strict bool, grant, username, password string) []fieldError {
	var errs []fieldError
	switch {
	case grant == "" && strict:
		errs = append(errs, missingField("grant_type"))
	case grant != "" && grant != "password":
		errs = append(errs, badGrant(grant))
	}
	if username == "" {
		errs = append(errs, missingField("username"))
	}
	if password == "" {
		errs = append(errs, missingField("password"))
	}
	return errs
}

// last is a form field as FastAPI reads it: the last occurrence.
func last(form url.Values, name string) string {
	vs := form[name]
	if len(vs) == 0 {
		return ""
	}
	return vs[len(vs)-1]
}

func rawLogin(strict bool) http.Handler {
	e := newEcho()
	e.POST("/token", func(c echo.Context) error {
		form, err := c.FormParams()
		if err != nil {
			return err
		}
		user := last(form, "username")
		if errs := checkLogin(strict, last(form, "grant_type"), user, last(form, "password")); errs != nil {
			return rawError(http.StatusUnprocessableEntity, errs)
		}
		return c.JSON(http.StatusOK, loginBody{AccessToken: user, TokenType: "bearer",
			Scopes: strings.Fields(last(form, "scope")), ClientID: last(form, "client_id")})
	})
	return e
}

func fastechoLogin(strict bool) http.Handler {
	e := newEcho()
	api := echov4.New(e)
	if strict {
		api.POST("/token", typed.Handle[struct{}, loginBody](forms.PasswordStrict(nil),
			func(_ echo.Context, _ struct{}, f forms.OAuth2PasswordRequestFormStrict) (loginBody, error) {
				return loginBody{AccessToken: f.Username, TokenType: "bearer", Scopes: f.Scopes, ClientID: f.ClientID}, nil
			}))
		return e
	}
	api.POST("/token", typed.Handle[struct{}, loginBody](forms.Password(nil),
		func(_ echo.Context, _ struct{}, f forms.OAuth2PasswordRequestForm) (loginBody, error) {
			return loginBody{AccessToken: f.Username, TokenType: "bearer", Scopes: f.Scopes, ClientID: f.ClientID}, nil
		}))
	return e
}

// echoForm and echoFormStrict are the forms for c.Bind.
type echoForm struct {
	GrantType    string `form:"grant_type" validate:"omitempty,eq=password"`
	Username     string `form:"username" validate:"required"`
	Password     string `form:"password" validate:"required"`
	Scope        string `form:"scope"`
	ClientID     string `form:"client_id"`
	ClientSecret string `form:"client_secret"`
}

type echoFormStrict struct {
	GrantType    string `form:"grant_type" validate:"required,eq=password"`
	Username     string `form:"username" validate:"required"`
	Password     string `form:"password" validate:"required"`
	Scope        string `form:"scope"`
	ClientID     string `form:"client_id"`
	ClientSecret string `form:"client_secret"`
}

// echoValidator is the e.Validator of the echomw forms: one validator
// instance, reporting fields by their form names.
type echoValidator struct{ v *validator.Validate }

func newEchoValidator() *echoValidator {
	v := validator.New(validator.WithRequiredStructEnabled())
	v.RegisterTagNameFunc(func(f reflect.StructField) string { return f.Tag.Get("form") })
	return &echoValidator{v: v}
}

func (ev *echoValidator) Validate(i any) error { return ev.v.Struct(i) }

// fastAPIErrors turns the validator's errors into FastAPI's entries.
func fastAPIErrors(err error) ([]fieldError, bool) {
	var verrs validator.ValidationErrors
	if !errors.As(err, &verrs) {
		return nil, false
	}
	errs := make([]fieldError, 0, len(verrs))
	for _, fe := range verrs {
		if fe.Tag() == "eq" {
			errs = append(errs, badGrant(fe.Value().(string)))
		} else {
			errs = append(errs, missingField(fe.Field()))
		}
	}
	return errs, true
}

func echoBindLogin(strict bool) http.Handler {
	e := newEcho()
	e.Validator = newEchoValidator()
	answer := func(c echo.Context, form any, user, scope, clientID string) error {
		if err := c.Validate(form); err != nil {
			if errs, ok := fastAPIErrors(err); ok {
				return rawError(http.StatusUnprocessableEntity, errs)
			}
			return err
		}
		return c.JSON(http.StatusOK, loginBody{AccessToken: user, TokenType: "bearer",
			Scopes: strings.Fields(scope), ClientID: clientID})
	}
	if strict {
		e.POST("/token", func(c echo.Context) error {
			var f echoFormStrict
			if err := c.Bind(&f); err != nil {
				return err
			}
			return answer(c, &f, f.Username, f.Scope, f.ClientID)
		})
		return e
	}
	e.POST("/token", func(c echo.Context) error {
		var f echoForm
		if err := c.Bind(&f); err != nil {
			return err
		}
		return answer(c, &f, f.Username, f.Scope, f.ClientID)
	})
	return e
}

// humaLoginInput is how huma takes a urlencoded body: as raw bytes, which
// the handler parses (huma binds form fields from multipart bodies only).
type humaLoginInput struct {
	RawBody []byte `contentType:"application/x-www-form-urlencoded"`
}

func humaLogin(strict bool) http.Handler {
	e, api := newHuma()
	huma.Post(api, "/token", func(_ context.Context, in *humaLoginInput) (*humaBody[loginBody], error) {
		form, err := url.ParseQuery(string(in.RawBody))
		if err != nil {
			return nil, huma.Error400BadRequest("bad form")
		}
		user := last(form, "username")
		if errs := checkLogin(strict, last(form, "grant_type"), user, last(form, "password")); errs != nil {
			return nil, &humaError{status: http.StatusUnprocessableEntity, Detail: errs}
		}
		return &humaBody[loginBody]{Body: loginBody{AccessToken: user, TokenType: "bearer",
			Scopes: strings.Fields(last(form, "scope")), ClientID: last(form, "client_id")}}, nil
	})
	return e
}

func loginPath(name string, strict bool, invalid string) *path {
	return &path{
		name: name,
		impls: append([]impl{
			{"raw", rawLogin(strict)},
			{"fastecho", fastechoLogin(strict)},
			{"echomw", echoBindLogin(strict)},
			{"huma", humaLogin(strict)},
		}, login5(strict)...),
		cases: []benchCase{
			{"OK", http.StatusOK, postForm("/token", loginOK)},
			{"Invalid", http.StatusUnprocessableEntity, postForm("/token", invalid)},
		},
	}
}

func passwordFormPath() *path { return loginPath("PasswordForm", false, loginBad) }

func passwordFormStrictPath() *path { return loginPath("PasswordFormStrict", true, loginNoGrant) }
