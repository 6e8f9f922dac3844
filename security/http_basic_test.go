package security_test

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/fastecho/fastecho/security"
)

func b64(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }

func TestHTTPBasic(t *testing.T) {
	t.Parallel()
	checkRows(t, &security.HTTPBasic{}, "Basic", []row{
		{name: "missing"},
		{name: "empty header", whenHeader: auth("")},
		{name: "present", whenHeader: auth("Basic dXNlcjpwYXNz"), want: `{"username":"user","password":"pass"}`},
		{name: "scheme case", whenHeader: auth("bAsIc dXNlcjpwYXNz"), want: `{"username":"user","password":"pass"}`},
		{name: "other scheme", whenHeader: auth("Bearer dXNlcjpwYXNz")},
		{name: "scheme only", whenHeader: auth("Basic"), wantMalformed: true},
		{name: "extra spaces", whenHeader: auth("Basic    dXNlcjpwYXNz   "), want: `{"username":"user","password":"pass"}`},
		{name: "tab instead of space", whenHeader: auth("Basic\tdXNlcjpwYXNz")},
		{name: "space then tab", whenHeader: auth("Basic \tdXNlcjpwYXNz"), want: `{"username":"user","password":"pass"}`},
		{name: "first of duplicates", whenHeader: [][2]string{{"Authorization", "Basic " + b64("a:b")}, {"Authorization", "Basic " + b64("c:d")}}, want: `{"username":"a","password":"b"}`},
		{name: "bad base64", whenHeader: auth("Basic !!!!"), wantMalformed: true},
		{name: "one stray character", whenHeader: auth("Basic dXNlcjpwYXNzA"), wantMalformed: true},
		{name: "lenient: inner spaces", whenHeader: auth("Basic dXNl cjpw YXNz"), want: `{"username":"user","password":"pass"}`},
		{name: "lenient: trailing junk", whenHeader: auth("Basic dXNlcjpwYXNz!"), want: `{"username":"user","password":"pass"}`},
		{name: "lenient: extra padding", whenHeader: auth("Basic " + b64("ab:c") + "=="), want: `{"username":"ab","password":"c"}`},
		{name: "padding required", whenHeader: auth("Basic " + strings.TrimRight(b64("ab:cd"), "=")), wantMalformed: true},
		{name: "standard alphabet", whenHeader: auth("Basic " + b64("a:~~~")), want: `{"username":"a","password":"~~~"}`},
		{name: "url-safe alphabet rejected", whenHeader: auth("Basic " + base64.URLEncoding.EncodeToString([]byte("a:~~~"))), wantMalformed: true},
		{name: "non-ascii decoded", whenHeader: auth("Basic " + b64("us\u00e9r:pass")), wantMalformed: true},
		{name: "non-ascii param", whenHeader: auth("Basic dXNlcjpwYXNz\u00e9"), wantMalformed: true},
		{name: "no colon", whenHeader: auth("Basic " + b64("userpass")), wantMalformed: true},
		{name: "empty decoded", whenHeader: auth("Basic ===="), wantMalformed: true},
		{name: "colon in password", whenHeader: auth("Basic " + b64("user:pa:ss")), want: `{"username":"user","password":"pa:ss"}`},
		{name: "empty username", whenHeader: auth("Basic " + b64(":pass")), want: `{"username":"","password":"pass"}`},
		{name: "empty password", whenHeader: auth("Basic " + b64("user:")), want: `{"username":"user","password":""}`},
		{name: "both empty", whenHeader: auth("Basic " + b64(":")), want: `{"username":"","password":""}`},
		{name: "control characters kept", whenHeader: auth("Basic " + b64("a\tb:c\x01")), want: `{"username":"a\tb","password":"c\u0001"}`},
		{name: "long", whenHeader: auth("Basic " + b64(strings.Repeat("u", 300)+":"+strings.Repeat("p", 300))), want: `{"username":"` + strings.Repeat("u", 300) + `","password":"` + strings.Repeat("p", 300) + `"}`},
	})
}

func TestHTTPBasicRealm(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name          string
		whenBasic     *security.HTTPBasic
		wantChallenge string
	}{
		{name: "none", whenBasic: &security.HTTPBasic{}, wantChallenge: "Basic"},
		{name: "realm", whenBasic: &security.HTTPBasic{Realm: "simple"}, wantChallenge: `Basic realm="simple"`},
		{name: "escaped", whenBasic: &security.HTTPBasic{Realm: `a "b" \c`}, wantChallenge: `Basic realm="a \"b\" \\c"`},
		{name: "charset", whenBasic: &security.HTTPBasic{Charset: "UTF-8"}, wantChallenge: `Basic charset="UTF-8"`},
		{name: "realm and charset", whenBasic: &security.HTTPBasic{Realm: "r", Charset: "UTF-8"}, wantChallenge: `Basic realm="r", charset="UTF-8"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := tt.whenBasic.Challenge(); got != tt.wantChallenge {
				t.Errorf("Challenge() = %q, want %q", got, tt.wantChallenge)
			}
			e, _ := newServer(tt.whenBasic)
			want401(t, serve(e, "/req", nil), notAuthenticatedBody, tt.wantChallenge)
			want401(t, serve(e, "/opt", auth("Basic !")), notAuthenticatedBody, tt.wantChallenge)
		})
	}
}

func TestHTTPBasicCharsetUTF8(t *testing.T) {
	t.Parallel()
	challenge := `Basic realm="r", charset="UTF-8"`
	checkRows(t, &security.HTTPBasic{Realm: "r", Charset: "UTF-8"}, challenge, []row{
		{name: "ascii", whenHeader: auth("Basic dXNlcjpwYXNz"), want: `{"username":"user","password":"pass"}`},
		{name: "utf-8", whenHeader: auth("Basic " + b64("jürgen:pässwörd")), want: `{"username":"jürgen","password":"pässwörd"}`},
		{name: "invalid utf-8", whenHeader: auth("Basic " + b64("j\xfcrgen:x")), wantMalformed: true},
		{name: "missing"},
	})
}

func TestHTTPBasicCharsetPanics(t *testing.T) {
	t.Parallel()
	defer func() {
		if r := recover(); r == nil || !strings.Contains(fmt.Sprint(r), "security: HTTPBasic.Charset") {
			t.Errorf("recover() = %v, want a Charset panic", r)
		}
	}()
	operation(&security.HTTPBasic{Charset: "ISO-8859-1"})
}

func TestHTTPBasicCredentialsRedacted(t *testing.T) {
	t.Parallel()
	c := security.HTTPBasicCredentials{Username: "alice", Password: "hunter2"}
	var log strings.Builder
	slog.New(slog.NewTextHandler(&log, nil)).Info("login", "cred", c)
	jsonText, _ := json.Marshal(c)
	tests := []struct {
		name       string
		whenFormat string
		want       string
	}{
		{name: "%v", whenFormat: fmt.Sprintf("%v", c), want: "{Username:alice Password:REDACTED}"},
		{name: "%+v", whenFormat: fmt.Sprintf("%+v", c), want: "{Username:alice Password:REDACTED}"},
		{name: "%s", whenFormat: fmt.Sprintf("%s", c), want: "{Username:alice Password:REDACTED}"},
		{name: "%#v", whenFormat: fmt.Sprintf("%#v", c), want: `security.HTTPBasicCredentials{Username:"alice", Password:"REDACTED"}`},
		{name: "pointer", whenFormat: fmt.Sprintf("%v", &c), want: "{Username:alice Password:REDACTED}"},
		{name: "nested", whenFormat: fmt.Sprintf("%v", struct{ C security.HTTPBasicCredentials }{c}), want: "{{Username:alice Password:REDACTED}}"},
		{name: "slog", whenFormat: strings.TrimSpace(log.String()[strings.Index(log.String(), "msg="):]), want: "msg=login cred.username=alice cred.password=REDACTED"},
		{name: "json not redacted", whenFormat: string(jsonText), want: `{"username":"alice","password":"hunter2"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.whenFormat != tt.want {
				t.Errorf("got %s, want %s", tt.whenFormat, tt.want)
			}
		})
	}
}

func TestHTTPBasicCredentialsMatches(t *testing.T) {
	t.Parallel()
	c := security.HTTPBasicCredentials{Username: "stanleyjobson", Password: "swordfish"}
	tests := []struct {
		name               string
		whenUser, whenPass string
		want               bool
	}{
		{name: "both", whenUser: "stanleyjobson", whenPass: "swordfish", want: true},
		{name: "wrong user", whenUser: "stanley", whenPass: "swordfish"},
		{name: "wrong password", whenUser: "stanleyjobson", whenPass: "swordfis"},
		{name: "empty", whenUser: "", whenPass: ""},
		{name: "case", whenUser: "StanleyJobson", whenPass: "swordfish"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := c.Matches(tt.whenUser, tt.whenPass); got != tt.want {
				t.Errorf("Matches(%q, %q) = %v, want %v", tt.whenUser, tt.whenPass, got, tt.want)
			}
		})
	}
	if !security.ConstantTimeEqual("", "") || security.ConstantTimeEqual("a", "") || !security.ConstantTimeEqual("ö", "ö") {
		t.Error("ConstantTimeEqual is wrong")
	}
}
