package forms

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"strconv"
)

// OAuth2PasswordRequestForm is the form of OAuth2's password grant (RFC 6749
// §4.3.2), as [Password] reads it from an application/x-www-form-urlencoded
// or multipart/form-data body. Username and Password are never empty in a
// resolved form; GrantType is "password" or empty (not sent), ClientID and
// ClientSecret are empty when not sent, and Scopes is the scope field split
// on whitespace, never nil.
//
// Its JSON is FastAPI's for the same object: the keys grant_type, username,
// password, scopes, client_id and client_secret, with null for an empty
// GrantType, ClientID or ClientSecret and a list (possibly []) for scopes.
// The struct tags describe that JSON to package openapi. JSON does not
// redact, since FastAPI's examples return the form; String,
// GoString and LogValue print the password and client secret as REDACTED.
//
// FastAPI: `fastapi.security.OAuth2PasswordRequestForm`.
type OAuth2PasswordRequestForm struct {
	GrantType    string   `json:"grant_type" nullable:"true"`
	Username     string   `json:"username"`
	Password     string   `json:"password"`
	Scopes       []string `json:"scopes"`
	ClientID     string   `json:"client_id" nullable:"true"`
	ClientSecret string   `json:"client_secret" nullable:"true"`
}

// OAuth2PasswordRequestFormStrict is [OAuth2PasswordRequestForm] as
// [PasswordStrict] resolves it: GrantType is always "password", because the
// client had to send it. It converts to and from OAuth2PasswordRequestForm
// with a plain conversion, and encodes, prints and logs the same way.
//
// FastAPI: `fastapi.security.OAuth2PasswordRequestFormStrict`.
type OAuth2PasswordRequestFormStrict OAuth2PasswordRequestForm

// formJSON is the wire shape of both forms.
type formJSON struct {
	GrantType    *string  `json:"grant_type"`
	Username     string   `json:"username"`
	Password     string   `json:"password"`
	Scopes       []string `json:"scopes"`
	ClientID     *string  `json:"client_id"`
	ClientSecret *string  `json:"client_secret"`
}

func orNull(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func orEmpty(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// MarshalJSON encodes f as FastAPI does: null for an empty GrantType,
// ClientID or ClientSecret, and [] for no scopes.
func (f OAuth2PasswordRequestForm) MarshalJSON() ([]byte, error) {
	scopes := f.Scopes
	if scopes == nil {
		scopes = []string{}
	}
	return json.Marshal(formJSON{
		GrantType: orNull(f.GrantType), Username: f.Username, Password: f.Password,
		Scopes: scopes, ClientID: orNull(f.ClientID), ClientSecret: orNull(f.ClientSecret),
	})
}

// UnmarshalJSON decodes what MarshalJSON encodes; null becomes "".
func (f *OAuth2PasswordRequestForm) UnmarshalJSON(b []byte) error {
	var w formJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*f = OAuth2PasswordRequestForm{
		GrantType: orEmpty(w.GrantType), Username: w.Username, Password: w.Password,
		Scopes: w.Scopes, ClientID: orEmpty(w.ClientID), ClientSecret: orEmpty(w.ClientSecret),
	}
	return nil
}

// String prints f like %v would, with Password as REDACTED and a sent
// ClientSecret as REDACTED.
func (f OAuth2PasswordRequestForm) String() string {
	return fmt.Sprintf("{GrantType:%s Username:%s Password:REDACTED Scopes:%v ClientID:%s ClientSecret:%s}",
		f.GrantType, f.Username, f.Scopes, f.ClientID, redact(f.ClientSecret))
}

// GoString is String for %#v, which would otherwise print the secrets.
func (f OAuth2PasswordRequestForm) GoString() string { return f.goString("OAuth2PasswordRequestForm") }

func (f OAuth2PasswordRequestForm) goString(name string) string {
	return fmt.Sprintf("forms.%s{GrantType:%s, Username:%s, Password:\"REDACTED\", Scopes:%#v, ClientID:%s, ClientSecret:%s}",
		name, strconv.Quote(f.GrantType), strconv.Quote(f.Username), f.Scopes, strconv.Quote(f.ClientID), strconv.Quote(redact(f.ClientSecret)))
}

// LogValue implements [slog.LogValuer]: a group of the fields under their
// form names, with password=REDACTED and client_secret=REDACTED when sent.
func (f OAuth2PasswordRequestForm) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("grant_type", f.GrantType),
		slog.String("username", f.Username),
		slog.String("password", "REDACTED"),
		slog.Any("scopes", f.Scopes),
		slog.String("client_id", f.ClientID),
		slog.String("client_secret", redact(f.ClientSecret)),
	)
}

// redact hides a secret but keeps "not sent" visible.
func redact(secret string) string {
	if secret == "" {
		return ""
	}
	return "REDACTED"
}

// MarshalJSON encodes f as [OAuth2PasswordRequestForm.MarshalJSON] does.
func (f OAuth2PasswordRequestFormStrict) MarshalJSON() ([]byte, error) {
	return OAuth2PasswordRequestForm(f).MarshalJSON()
}

// UnmarshalJSON decodes as [OAuth2PasswordRequestForm.UnmarshalJSON] does.
func (f *OAuth2PasswordRequestFormStrict) UnmarshalJSON(b []byte) error {
	return (*OAuth2PasswordRequestForm)(f).UnmarshalJSON(b)
}

// String prints f as [OAuth2PasswordRequestForm.String] does.
func (f OAuth2PasswordRequestFormStrict) String() string {
	return OAuth2PasswordRequestForm(f).String()
}

// GoString is String for %#v, which would otherwise print the secrets.
func (f OAuth2PasswordRequestFormStrict) GoString() string {
	return OAuth2PasswordRequestForm(f).goString("OAuth2PasswordRequestFormStrict")
}

// LogValue implements [slog.LogValuer] as [OAuth2PasswordRequestForm.LogValue] does.
func (f OAuth2PasswordRequestFormStrict) LogValue() slog.Value {
	return OAuth2PasswordRequestForm(f).LogValue()
}

var (
	_ json.Marshaler = OAuth2PasswordRequestForm{}
	_ slog.LogValuer = OAuth2PasswordRequestForm{}
	_ fmt.Stringer   = OAuth2PasswordRequestFormStrict{}
	_ slog.LogValuer = OAuth2PasswordRequestFormStrict{}
)
