package security_test

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/fastecho/fastecho/security"
)

func TestHTTPBearer(t *testing.T) {
	t.Parallel()
	checkRows(t, &security.HTTPBearer{}, "Bearer", []row{
		{name: "missing"},
		{name: "empty header", whenHeader: auth("")},
		{name: "present", whenHeader: auth("Bearer tok"), want: `{"scheme":"Bearer","credentials":"tok"}`},
		{name: "scheme as sent", whenHeader: auth("bEaReR tok"), want: `{"scheme":"bEaReR","credentials":"tok"}`},
		{name: "scheme only", whenHeader: auth("Bearer")},
		{name: "scheme and spaces", whenHeader: auth("Bearer    ")},
		{name: "other scheme", whenHeader: auth("Basic dXNlcjpwYXNz")},
		{name: "extra spaces", whenHeader: auth("Bearer    tok   "), want: `{"scheme":"Bearer","credentials":"tok"}`},
		{name: "inner spaces kept", whenHeader: auth("Bearer a  b"), want: `{"scheme":"Bearer","credentials":"a  b"}`},
		{name: "tab instead of space", whenHeader: auth("Bearer\ttok")},
		{name: "space then tab", whenHeader: auth("Bearer \ttok"), want: `{"scheme":"Bearer","credentials":"tok"}`},
		{name: "python whitespace stripped", whenHeader: auth("Bearer \x0b\x0c\x1ctok\x1f\x85\xa0"), want: `{"scheme":"Bearer","credentials":"tok"}`},
		{name: "leading space", whenHeader: auth(" Bearer tok"), want: `{"scheme":"Bearer","credentials":"tok"}`},
		{name: "first of duplicates", whenHeader: [][2]string{{"Authorization", "Bearer one"}, {"Authorization", "Bearer two"}}, want: `{"scheme":"Bearer","credentials":"one"}`},
		{name: "empty first of duplicates", whenHeader: [][2]string{{"Authorization", ""}, {"Authorization", "Bearer two"}}},
		{name: "latin-1 bytes", whenHeader: auth("Bearer ö"), want: `{"scheme":"Bearer","credentials":"Ã¶"}`},
		{name: "prefix of bearer", whenHeader: auth("Bear tok")},
	})
}

func TestHTTPDigest(t *testing.T) {
	t.Parallel()
	params := `username="Mufasa", realm="http-auth@example.org", uri="/dir/index.html"`
	checkRows(t, &security.HTTPDigest{}, "Digest", []row{
		{name: "missing"},
		{name: "present", whenHeader: auth("Digest " + params), want: `{"scheme":"Digest","credentials":` + quoteJSON(params) + `}`},
		{name: "scheme case", whenHeader: auth("digest x"), want: `{"scheme":"digest","credentials":"x"}`},
		{name: "scheme only", whenHeader: auth("Digest")},
		{name: "bearer", whenHeader: auth("Bearer tok")},
		{name: "tab instead of space", whenHeader: auth("Digest\tx")},
	})
}

func quoteJSON(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func TestHTTPAuthorizationCredentialsRedacted(t *testing.T) {
	t.Parallel()
	c := security.HTTPAuthorizationCredentials{Scheme: "Bearer", Credentials: "s3cr3t"}
	var log strings.Builder
	slog.New(slog.NewJSONHandler(&log, nil)).Info("auth", "cred", c)
	jsonText, _ := json.Marshal(c)
	tests := []struct {
		name string
		when string
		want string
	}{
		{name: "%v", when: fmt.Sprintf("%v", c), want: "{Scheme:Bearer Credentials:REDACTED}"},
		{name: "%#v", when: fmt.Sprintf("%#v", c), want: `security.HTTPAuthorizationCredentials{Scheme:"Bearer", Credentials:"REDACTED"}`},
		{name: "slog", when: log.String()[strings.Index(log.String(), `"cred"`):], want: `"cred":{"scheme":"Bearer","credentials":"REDACTED"}}` + "\n"},
		{name: "json not redacted", when: string(jsonText), want: `{"scheme":"Bearer","credentials":"s3cr3t"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.when != tt.want {
				t.Errorf("got %q, want %q", tt.when, tt.want)
			}
		})
	}
}
