package forms_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/fastecho/fastecho/forms"
)

// FuzzClientCredentials sends arbitrary bodies and Authorization headers to
// a client credentials endpoint: every answer is a token or an RFC 6749
// §5.2 error, never cached, that never echoes the secret, and a client
// authenticated both ways never gets a token.
func FuzzClientCredentials(f *testing.F) {
	for _, seed := range [][2]string{
		{"grant_type=client_credentials&client_id=svc&client_secret=s3cr%3At", ""},
		{"grant_type=client_credentials", basic("svc", "s3cr:t")},
		{"grant_type=client_credentials&client_secret=x", basic("svc", "s3cr:t")},
		{"grant_type=client_credentials&scope=a&scope=b", "Basic !!!"},
		{"grant_type=password", "Bearer x"},
		{"%zz&&=", "Basic " + strings.Repeat("A", 40)},
	} {
		f.Add(seed[0], seed[1])
	}
	e := tokenApp()
	codes := map[string]bool{forms.ErrorInvalidRequest: true, forms.ErrorInvalidClient: true,
		forms.ErrorUnsupportedGrantType: true}
	f.Fuzz(func(t *testing.T, body, auth string) {
		req := httptest.NewRequest(http.MethodPost, "/token", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if auth != "" {
			if strings.ContainsAny(auth, "\r\n\x00") {
				return
			}
			req.Header.Set("Authorization", auth)
		}
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, req)
		if rec.Header().Get("Cache-Control") != "no-store" || rec.Header().Get("Pragma") != "no-cache" {
			t.Fatalf("cacheable answer %d", rec.Code)
		}
		switch rec.Code {
		case 200:
			var tok forms.TokenResponse
			if err := json.Unmarshal(rec.Body.Bytes(), &tok); err != nil || tok.AccessToken == "" {
				t.Fatalf("token %s", rec.Body)
			}
			if (auth != "") != (tok.AccessToken == "tok-"+forms.ClientSecretBasic) {
				t.Fatalf("authentication method: header %q, token %q", auth, tok.AccessToken)
			}
		case 400, 401:
			var eb forms.TokenErrorBody
			if err := json.Unmarshal(rec.Body.Bytes(), &eb); err != nil || !codes[eb.Error] || eb.ErrorDescription == "" {
				t.Fatalf("%d %s", rec.Code, rec.Body)
			}
			if (rec.Code == 401) != (eb.Error == forms.ErrorInvalidClient) ||
				(rec.Code == 401) != (rec.Header().Get("WWW-Authenticate") == "Basic") {
				t.Fatalf("%d %q %s", rec.Code, rec.Header().Get("WWW-Authenticate"), rec.Body)
			}
			if strings.Contains(rec.Body.String(), "s3cr") {
				t.Fatalf("secret echoed: %s", rec.Body)
			}
		case 413:
		default:
			t.Fatalf("status %d %s", rec.Code, rec.Body)
		}
	})
}
