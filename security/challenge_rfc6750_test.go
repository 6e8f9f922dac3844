package security_test

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// TestBearerChallengeQuoting: every attribute is a quoted-string with '"'
// and '\' escaped (RFC 9110 §5.6.4); characters a header cannot carry are
// replaced, and outside the realm, so is non-ASCII text (RFC 6750 §3).
func TestBearerChallengeQuoting(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		when security.BearerChallenge
		want string
	}{
		{name: "quote and backslash in every attribute",
			when: security.BearerChallenge{Realm: `r"\`, ErrorCode: `e"\`, ErrorDescription: `d"\`, ErrorURI: `u"\`, Scope: `s"\`},
			want: `Bearer realm="r\"\\", error="e\"\\", error_description="d\"\\", error_uri="u\"\\", scope="s\"\\"`},
		{name: "commas and equals stay inside the quotes",
			when: security.BearerChallenge{ErrorCode: security.BearerInvalidToken, ErrorDescription: `a, error="forged"`},
			want: `Bearer error="invalid_token", error_description="a, error=\"forged\""`},
		{name: "line breaks cannot split the header",
			when: security.BearerChallenge{ErrorDescription: "expired\r\nSet-Cookie: x=1"},
			want: `Bearer error_description="expired  Set-Cookie: x=1"`},
		{name: "controls and tab",
			when: security.BearerChallenge{Realm: "a\tb\x00c", ErrorDescription: "a\tb\x7fc"},
			want: "Bearer realm=\"a\tb c\", error_description=\"a b c\""},
		{name: "non-ASCII: kept in the realm, '?' elsewhere",
			when: security.BearerChallenge{Realm: "café", ErrorDescription: "jeton expiré", Scope: "lire\xff"},
			want: `Bearer realm="café", error_description="jeton expir?", scope="lire?"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.when.String(); got != tt.want {
				t.Errorf("String() =\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// TestRFC6750OverHTTP runs the RFC 6750 answers through a real server and
// client: a missing token is a bare Bearer 401, a rejected one a 401 with
// error="invalid_token", and a valid token without the scopes accumulated
// down the chain a 403 with error="insufficient_scope" naming them all.
func TestRFC6750OverHTTP(t *testing.T) {
	t.Parallel()
	oauth2 := &security.OAuth2PasswordBearer{TokenURL: "token", Scopes: map[string]string{"items:read": "", "items:write": ""}}
	// Tokens are "user:scope scope"; "expired" is refused.
	valid := typed.Depends(oauth2, func(c echo.Context, tok string) (user, error) {
		if tok == "expired" {
			return user{}, security.InvalidToken(`The access token expired at "12:00"`)
		}
		name, scopes, _ := strings.Cut(tok, ":")
		return user{Name: name, Scopes: strings.Fields(scopes)}, nil
	})
	checked := security.RequireScopes(valid, func(u user) []string { return u.Scopes })
	e := echo.New()
	api := echov4.New(e)
	handler := func(c echo.Context, _ struct{}, u user) (user, error) { return u, nil }
	inner := typed.Depends(security.Security(checked, "items:read"), func(c echo.Context, u user) (user, error) { return u, nil })
	api.GET("/items", typed.Handle[struct{}, user](security.Security(inner, "items:write"), handler))
	srv := httptest.NewServer(e)
	defer srv.Close()

	tests := []struct {
		name          string
		whenToken     string
		wantStatus    int
		wantChallenge string
		wantBody      string
	}{
		{name: "both scopes", whenToken: "bob:items:read items:write", wantStatus: 200, wantBody: `{"name":"bob"}`},
		{name: "one scope", whenToken: "bob:items:read", wantStatus: 403,
			wantChallenge: `Bearer error="insufficient_scope", scope="items:write items:read"`, wantBody: `{"detail":"Not enough permissions"}`},
		{name: "no scopes", whenToken: "bob", wantStatus: 403,
			wantChallenge: `Bearer error="insufficient_scope", scope="items:write items:read"`, wantBody: `{"detail":"Not enough permissions"}`},
		{name: "rejected token", whenToken: "expired", wantStatus: 401,
			wantChallenge: `Bearer error="invalid_token", error_description="The access token expired at \"12:00\""`,
			wantBody:      `{"detail":"Could not validate credentials"}`},
		{name: "no token", wantStatus: 401, wantChallenge: "Bearer", wantBody: notAuthenticatedBody},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, _ := http.NewRequest(http.MethodGet, srv.URL+"/items", nil)
			if tt.whenToken != "" {
				req.Header.Set("Authorization", "Bearer "+tt.whenToken)
			}
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(res.Body)
			res.Body.Close()
			got := res.Header.Values("WWW-Authenticate")
			if res.StatusCode != tt.wantStatus || strings.Join(got, "|") != tt.wantChallenge {
				t.Errorf("got %d %q, want %d %q", res.StatusCode, got, tt.wantStatus, tt.wantChallenge)
			}
			wantJSON(t, string(body), tt.wantBody)
		})
	}
}

// TestInsufficientScopeErrors: the 403 is errors.Is ErrInsufficientScope
// and never ErrNoCredentials, so Optional and AnyOf do not skip it.
func TestInsufficientScopeErrors(t *testing.T) {
	t.Parallel()
	oauth2 := &security.OAuth2PasswordBearer{TokenURL: "token"}
	checked := security.RequireScopes[string](oauth2, strings.Fields)
	e, _ := newServer(security.Security(checked, "admin"))
	rec := serve(e, "/opt", auth("Bearer user"))
	if rec.Code != http.StatusForbidden || rec.Header().Get("WWW-Authenticate") != `Bearer error="insufficient_scope", scope="admin"` {
		t.Errorf("Optional: %d %q, want the 403", rec.Code, rec.Header().Get("WWW-Authenticate"))
	}
	err := security.InsufficientScope("admin")
	if !errors.Is(err, security.ErrInsufficientScope) || errors.Is(err, security.ErrNoCredentials) {
		t.Errorf("InsufficientScope: %v", err)
	}
}
