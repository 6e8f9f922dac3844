package forms_test

import (
	"encoding/json"
	"io"
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
		{"grant_type=client_credentials", "Basic Og=="},                 // ":"
		{"grant_type=client_credentials", "Basic bm9ib2R5Og=="},         // "nobody:"
		{"grant_type=client_credentials&client_id=&client_secret=", ""}, // empty fields
	} {
		f.Add(seed[0], seed[1])
	}
	e := tokenApp()
	readme := readmeTokenApp(true)
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
		// Security review F1: the handler README.md teaches (a secret lookup
		// answering "" for unknown clients) issues a token only to a known
		// client, and a resolved form always has a client id and a secret.
		readmeReq := req.Clone(req.Context())
		readmeReq.Body = io.NopCloser(strings.NewReader(body))
		rr := httptest.NewRecorder()
		readme.ServeHTTP(rr, readmeReq)
		switch {
		case rr.Code == 599:
			t.Fatalf("resolved form without a client id or secret: header %q body %q", auth, body)
		case rr.Code == 200 && !strings.Contains(rr.Body.String(), `"tok-svc"`) && !strings.Contains(rr.Body.String(), `"tok-app"`):
			t.Fatalf("token for an unknown client: %s", rr.Body)
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
