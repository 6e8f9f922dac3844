package main

import (
	"context"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/hex"
	"hash"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/fastecho/fastecho/examples/internal/slashtest"
	. "github.com/fastecho/fastecho/internal/exampletest"
)

var challengeRE = regexp.MustCompile(`^Digest realm="fastecho", qop="auth", algorithm=(SHA-256|MD5), nonce="([A-Za-z0-9_-]{48})", opaque="([A-Za-z0-9_-]{22})"$`)

// get sends GET /users/me with authorization ("" for none).
func get(t *testing.T, base, authorization string) (*http.Response, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, base+"/users/me", nil)
	if authorization != "" {
		req.Header.Set("Authorization", authorization)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	return res, strings.TrimSpace(string(body))
}

// answer computes the SHA-256 Authorization header of RFC 7616 §3.4.
func answer(nonce, opaque, user, password string) string {
	h := func(s string) string { sum := sha256.Sum256([]byte(s)); return hex.EncodeToString(sum[:]) }
	resp := h(h(user+":fastecho:"+password) + ":" + nonce + ":00000001:c0ffee:auth:" + h("GET:/users/me"))
	return `Digest username="` + user + `", realm="fastecho", uri="/users/me", algorithm=SHA-256, nonce="` + nonce +
		`", nc=00000001, cnonce="c0ffee", qop=auth, response="` + resp + `", opaque="` + opaque + `"`
}

func TestUsersMe(t *testing.T) {
	srv := httptest.NewServer(newApp([]byte("test key, sixteen bytes or more")))
	defer srv.Close()

	res, body := get(t, srv.URL, "")
	chs := res.Header.Values("WWW-Authenticate")
	if res.StatusCode != 401 || body != `{"detail":"Not authenticated"}` || len(chs) != 2 {
		t.Fatalf("no credentials: %d %s %q", res.StatusCode, body, chs)
	}
	m := challengeRE.FindStringSubmatch(chs[0])
	if m == nil || m[1] != "SHA-256" || !strings.Contains(chs[1], "algorithm=MD5") {
		t.Fatalf("challenges %q: want SHA-256 then MD5", chs)
	}
	nonce, opaque := m[2], m[3]

	tests := []struct {
		name       string
		user, pass string
		wantStatus int
		wantBody   string
	}{
		{name: "right password", user: "stanleyjobson", pass: "swordfish", wantStatus: 200, wantBody: `{"username":"stanleyjobson"}`},
		{name: "replayed", user: "stanleyjobson", pass: "swordfish", wantStatus: 401, wantBody: `{"detail":"Incorrect username or password"}`},
		{name: "wrong password", user: "stanleyjobson", pass: "swordfis", wantStatus: 401, wantBody: `{"detail":"Incorrect username or password"}`},
		{name: "unknown user", user: "johndoe", pass: "swordfish", wantStatus: 401, wantBody: `{"detail":"Incorrect username or password"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, body := get(t, srv.URL, answer(nonce, opaque, tt.user, tt.pass))
			if res.StatusCode != tt.wantStatus || !SameJSON([]byte(body), []byte(tt.wantBody)) {
				t.Errorf("got %d %s, want %d %s", res.StatusCode, body, tt.wantStatus, tt.wantBody)
			}
			if chs := res.Header.Values("WWW-Authenticate"); tt.wantStatus == 401 && len(chs) != 2 {
				t.Errorf("challenges %q", chs)
			}
		})
	}

	// Another instance with the same key accepts this one's nonces.
	other := httptest.NewServer(newApp([]byte("test key, sixteen bytes or more")))
	defer other.Close()
	res, _ = get(t, srv.URL, "")
	m = challengeRE.FindStringSubmatch(res.Header.Values("WWW-Authenticate")[0])
	if res, body := get(t, other.URL, answer(m[2], m[3], "stanleyjobson", "swordfish")); res.StatusCode != 200 {
		t.Errorf("other instance: %d %s", res.StatusCode, body)
	}
}

// TestCurl runs curl --digest against the example.
func TestCurl(t *testing.T) {
	if _, err := exec.LookPath("curl"); err != nil {
		t.Skip("curl is not installed (not on PATH): skipping the curl --digest test; install curl to run it")
	}
	srv := httptest.NewServer(newApp(nil))
	defer srv.Close()
	for _, tt := range []struct{ userpass, want string }{
		{"stanleyjobson:swordfish", `{"username":"stanleyjobson"} 200`},
		{"stanleyjobson:wrong", `{"detail":"Incorrect username or password"} 401`},
	} {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		out, err := exec.CommandContext(ctx, "curl", "-sS", "--digest", "-u", tt.userpass, "-w", `\n%{http_code}`, srv.URL+"/users/me").CombinedOutput()
		cancel()
		if got := strings.Join(strings.Fields(string(out)), " "); err != nil || got != tt.want {
			t.Errorf("curl -u %s: %q %v, want %q", tt.userpass, out, err, tt.want)
		}
	}
}

// Echo's own 404, in FastAPI's shape.
func TestUnknownPath(t *testing.T) {
	Run(t, newApp(nil), []Case{NotFound})
}

func TestOpenAPI(t *testing.T) {
	doc := Golden(t, newApp(nil))
	Expect(t, doc, `{"HTTPDigest":{"type":"http","scheme":"digest"}}`, "components", "securitySchemes")
	Expect(t, doc, `[{"HTTPDigest":[]}]`, "paths", "/users/me", "get", "security")
}

// logRecorder is a slog.Handler that keeps the records' text.
type logRecorder struct {
	mu    sync.Mutex
	lines []string
}

func (l *logRecorder) Enabled(context.Context, slog.Level) bool { return true }
func (l *logRecorder) WithAttrs([]slog.Attr) slog.Handler       { return l }
func (l *logRecorder) WithGroup(string) slog.Handler            { return l }
func (l *logRecorder) Handle(_ context.Context, r slog.Record) error {
	s := r.Level.String() + " " + r.Message
	r.Attrs(func(a slog.Attr) bool { s += " " + a.Key + "=" + a.Value.String(); return true })
	l.mu.Lock()
	defer l.mu.Unlock()
	l.lines = append(l.lines, s)
	return nil
}

func (l *logRecorder) take() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := l.lines
	l.lines = nil
	return out
}

// answerWith computes the Authorization header of RFC 7616 §3.4 for a
// challenge of algorithm alg.
func answerWith(alg func() hash.Hash, algName, nonce, opaque, user, password string) string {
	h := func(s string) string { x := alg(); x.Write([]byte(s)); return hex.EncodeToString(x.Sum(nil)) }
	resp := h(h(user+":fastecho:"+password) + ":" + nonce + ":00000001:c0ffee:auth:" + h("GET:/users/me"))
	return `Digest username="` + user + `", realm="fastecho", uri="/users/me", algorithm=` + algName + `, nonce="` + nonce +
		`", nc=00000001, cnonce="c0ffee", qop=auth, response="` + resp + `", opaque="` + opaque + `"`
}

// TestSecurityF6OfferedAlgorithmNotStored: security review F6. The
// example's HA1-per-algorithm lookup answered an algorithm offered but not
// stored with an empty HA1, and DigestAuth then accepted the empty
// password. Now the client gets a 401 and the log an error naming the user
// and the algorithm; the stored algorithms still work.
func TestSecurityF6OfferedAlgorithmNotStored(t *testing.T) {
	logs := &logRecorder{}
	// SHA-512-256 offered first, after the password was set for
	// algorithms (SHA-256 and MD5) only.
	srv := httptest.NewServer(build(users, nil, append([]string{"SHA-512-256"}, algorithms...), slog.New(logs)))
	defer srv.Close()
	res, _ := get(t, srv.URL, "")
	chs := res.Header.Values("WWW-Authenticate")
	re := regexp.MustCompile(`algorithm=([A-Z0-9-]+), nonce="([^"]+)", opaque="([^"]+)"`)
	if len(chs) != 3 || !strings.Contains(chs[0], "algorithm=SHA-512-256") {
		t.Fatalf("challenges %q: want SHA-512-256, SHA-256, MD5", chs)
	}
	m := re.FindStringSubmatch(chs[0])
	for _, pass := range []string{"", "swordfish"} {
		res, body := get(t, srv.URL, answerWith(sha512.New512_256, "SHA-512-256", m[2], m[3], "stanleyjobson", pass))
		if res.StatusCode != 401 || body != `{"detail":"Incorrect username or password"}` || len(res.Header.Values("WWW-Authenticate")) != 3 {
			t.Errorf("SHA-512-256, password %q: %d %s %q; want 401 with three challenges", pass, res.StatusCode, body, res.Header.Values("WWW-Authenticate"))
		}
		logged := logs.take()
		if len(logged) != 1 || !strings.HasPrefix(logged[0], "ERROR ") ||
			!strings.Contains(logged[0], "username=stanleyjobson") || !strings.Contains(logged[0], "algorithm=SHA-512-256") {
			t.Errorf("SHA-512-256, password %q: logged %q; want one error naming the user and the algorithm", pass, logged)
		}
	}
	// SHA-256, stored, still authenticates.
	m = re.FindStringSubmatch(chs[1])
	if res, body := get(t, srv.URL, answer(m[2], m[3], "stanleyjobson", "swordfish")); res.StatusCode != 200 {
		t.Errorf("SHA-256: %d %s", res.StatusCode, body)
	}
	if logged := logs.take(); len(logged) != 0 {
		t.Errorf("SHA-256: logged %q", logged)
	}
}

// TestRedirectSlashes: the example redirects as FastAPI does (see
// package slashtest).
func TestRedirectSlashes(t *testing.T) {
	slashtest.Run(t, newApp(nil), []slashtest.Case{
		{Name: "slash removed", Path: "/users/me/", To: "/users/me"},
	})
}
