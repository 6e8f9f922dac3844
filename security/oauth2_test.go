package security_test

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
)

func TestOAuth2PasswordBearer(t *testing.T) {
	t.Parallel()
	rows := []row{
		{name: "missing"},
		{name: "empty header", whenHeader: auth("")},
		{name: "present", whenHeader: auth("Bearer tok"), want: `"tok"`},
		{name: "scheme case", whenHeader: auth("bEaReR tok"), want: `"tok"`},
		{name: "scheme only gives empty token", whenHeader: auth("Bearer"), want: `""`},
		{name: "scheme and spaces gives empty token", whenHeader: auth("Bearer   "), want: `""`},
		{name: "other scheme", whenHeader: auth("Basic dXNlcjpwYXNz")},
		{name: "tab instead of space", whenHeader: auth("Bearer\ttok")},
		{name: "space then tab", whenHeader: auth("Bearer \ttok"), want: `"tok"`},
		{name: "extra spaces", whenHeader: auth("Bearer   tok  "), want: `"tok"`},
		{name: "first of duplicates", whenHeader: [][2]string{{"Authorization", "Bearer one"}, {"Authorization", "Bearer two"}}, want: `"one"`},
		{name: "latin-1 bytes", whenHeader: auth("Bearer ö"), want: `"Ã¶"`},
	}
	t.Run("password", func(t *testing.T) {
		t.Parallel()
		checkRows(t, &security.OAuth2PasswordBearer{TokenURL: "token"}, "Bearer", rows)
	})
	t.Run("authorization code", func(t *testing.T) {
		t.Parallel()
		checkRows(t, &security.OAuth2AuthorizationCodeBearer{AuthorizationURL: "authorize", TokenURL: "token"}, "Bearer", rows)
	})
}

func TestOAuth2AndOpenIDConnectReturnRawHeader(t *testing.T) {
	t.Parallel()
	rows := []row{
		{name: "missing"},
		{name: "empty", whenHeader: auth("")},
		{name: "bearer", whenHeader: auth("Bearer tok"), want: `"Bearer tok"`},
		{name: "any scheme", whenHeader: auth("Basic dXNlcjpwYXNz"), want: `"Basic dXNlcjpwYXNz"`},
		{name: "scheme only", whenHeader: auth("Bearer"), want: `"Bearer"`},
		{name: "outer spaces trimmed", whenHeader: auth("  x  y \t"), want: `"x  y"`},
		{name: "first of duplicates", whenHeader: [][2]string{{"Authorization", "one"}, {"Authorization", "two"}}, want: `"one"`},
		{name: "latin-1 bytes", whenHeader: auth("ö"), want: `"Ã¶"`},
	}
	t.Run("oauth2", func(t *testing.T) {
		t.Parallel()
		checkRows(t, &security.OAuth2{}, "Bearer", rows)
	})
	t.Run("openid", func(t *testing.T) {
		t.Parallel()
		checkRows(t, &security.OpenIDConnect{OpenIDConnectURL: "/openid"}, "Bearer", rows)
	})
}

func TestSchemeObjects(t *testing.T) {
	t.Parallel()
	scopes := map[string]string{"me": "Read me."}
	tests := []struct {
		name     string
		when     security.Scheme
		wantName string
		want     security.SchemeObject
	}{
		{name: "APIKeyQuery", when: &security.APIKeyQuery{Name: "api_key"}, wantName: "APIKeyQuery",
			want: security.SchemeObject{Type: "apiKey", In: "query", Name: "api_key"}},
		{name: "APIKeyHeader", when: &security.APIKeyHeader{Name: "x-key", Description: "d"}, wantName: "APIKeyHeader",
			want: security.SchemeObject{Type: "apiKey", In: "header", Name: "x-key", Description: "d"}},
		{name: "APIKeyCookie", when: &security.APIKeyCookie{Name: "session", SchemeName: "Session"}, wantName: "Session",
			want: security.SchemeObject{Type: "apiKey", In: "cookie", Name: "session"}},
		{name: "HTTPBasic", when: &security.HTTPBasic{Realm: "r", Description: "HTTPBasic scheme"}, wantName: "HTTPBasic",
			want: security.SchemeObject{Type: "http", Scheme: "basic", Description: "HTTPBasic scheme"}},
		{name: "HTTPBearer", when: &security.HTTPBearer{BearerFormat: "JWT"}, wantName: "HTTPBearer",
			want: security.SchemeObject{Type: "http", Scheme: "bearer", BearerFormat: "JWT"}},
		{name: "HTTPDigest", when: &security.HTTPDigest{}, wantName: "HTTPDigest",
			want: security.SchemeObject{Type: "http", Scheme: "digest"}},
		{name: "OAuth2", when: &security.OAuth2{Flows: security.OAuthFlows{Password: &security.OAuthFlow{TokenURL: "token"}}}, wantName: "OAuth2",
			want: security.SchemeObject{Type: "oauth2", Flows: &security.OAuthFlows{Password: &security.OAuthFlow{TokenURL: "token", Scopes: map[string]string{}}}}},
		{name: "OAuth2 no flows", when: &security.OAuth2{}, wantName: "OAuth2",
			want: security.SchemeObject{Type: "oauth2", Flows: &security.OAuthFlows{}}},
		{name: "OAuth2PasswordBearer", when: &security.OAuth2PasswordBearer{TokenURL: "token", RefreshURL: "refresh", Scopes: scopes}, wantName: "OAuth2PasswordBearer",
			want: security.SchemeObject{Type: "oauth2", Flows: &security.OAuthFlows{Password: &security.OAuthFlow{TokenURL: "token", RefreshURL: "refresh", Scopes: scopes}}}},
		{name: "OAuth2PasswordBearer no scopes", when: &security.OAuth2PasswordBearer{TokenURL: "token"}, wantName: "OAuth2PasswordBearer",
			want: security.SchemeObject{Type: "oauth2", Flows: &security.OAuthFlows{Password: &security.OAuthFlow{TokenURL: "token", Scopes: map[string]string{}}}}},
		{name: "OAuth2AuthorizationCodeBearer", when: &security.OAuth2AuthorizationCodeBearer{AuthorizationURL: "authorize", TokenURL: "token", Description: "OAuth2 Code Bearer"}, wantName: "OAuth2AuthorizationCodeBearer",
			want: security.SchemeObject{Type: "oauth2", Description: "OAuth2 Code Bearer", Flows: &security.OAuthFlows{AuthorizationCode: &security.OAuthFlow{AuthorizationURL: "authorize", TokenURL: "token", Scopes: map[string]string{}}}}},
		{name: "OpenIDConnect", when: &security.OpenIDConnect{OpenIDConnectURL: "/openid"}, wantName: "OpenIdConnect",
			want: security.SchemeObject{Type: "openIdConnect", OpenIDConnectURL: "/openid"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.when.SecuritySchemeName(); got != tt.wantName {
				t.Errorf("SecuritySchemeName() = %q, want %q", got, tt.wantName)
			}
			if got := tt.when.SchemeObject(); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("SchemeObject() = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestDescribePanicsOnMisconfiguration(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		when      typed.Dep[string]
		wantPanic string
	}{
		{name: "APIKeyQuery", when: &security.APIKeyQuery{}, wantPanic: "security: APIKeyQuery.Name is empty"},
		{name: "APIKeyHeader", when: &security.APIKeyHeader{}, wantPanic: "security: APIKeyHeader.Name is empty"},
		{name: "APIKeyCookie", when: &security.APIKeyCookie{}, wantPanic: "security: APIKeyCookie.Name is empty"},
		{name: "OAuth2PasswordBearer", when: &security.OAuth2PasswordBearer{}, wantPanic: "security: OAuth2PasswordBearer.TokenURL is empty"},
		{name: "OAuth2AuthorizationCodeBearer", when: &security.OAuth2AuthorizationCodeBearer{TokenURL: "t"}, wantPanic: "security: OAuth2AuthorizationCodeBearer.AuthorizationURL is empty"},
		{name: "OAuth2AuthorizationCodeBearer token", when: &security.OAuth2AuthorizationCodeBearer{AuthorizationURL: "a"}, wantPanic: "security: OAuth2AuthorizationCodeBearer.TokenURL is empty"},
		{name: "OpenIDConnect", when: &security.OpenIDConnect{}, wantPanic: "security: OpenIDConnect.OpenIDConnectURL is empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			defer func() {
				if got := fmt.Sprint(recover()); got != tt.wantPanic {
					t.Errorf("panic %q, want %q", got, tt.wantPanic)
				}
			}()
			operation(tt.when)
		})
	}
}

func TestSchemesDocumentScopes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		when typed.Dep[string]
		want []string
	}{
		{name: "OAuth2PasswordBearer", when: security.Security[string](&security.OAuth2PasswordBearer{TokenURL: "t"}, "a", "b"), want: []string{"OAuth2PasswordBearer:a,b"}},
		{name: "OAuth2AuthorizationCodeBearer", when: security.Security[string](&security.OAuth2AuthorizationCodeBearer{AuthorizationURL: "a", TokenURL: "t"}, "x"), want: []string{"OAuth2AuthorizationCodeBearer:x"}},
		{name: "OAuth2", when: security.Security[string](&security.OAuth2{}, "x"), want: []string{"OAuth2:x"}},
		{name: "OpenIDConnect", when: security.Security[string](&security.OpenIDConnect{OpenIDConnectURL: "u"}, "openid"), want: []string{"OpenIdConnect:openid"}},
		{name: "APIKeyHeader ignores scopes", when: security.Security[string](&security.APIKeyHeader{Name: "k"}, "x"), want: []string{"APIKeyHeader:"}},
		{name: "no scopes", when: &security.OAuth2PasswordBearer{TokenURL: "t"}, want: []string{"OAuth2PasswordBearer:"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := requirements(operation(tt.when)); strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("security = %q, want %q", got, tt.want)
			}
		})
	}
}
