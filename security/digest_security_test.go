package security_test

// Regression tests for the Digest findings of the security review (issue
// 12): F6, F9 and F11, each against a real server on loopback.

import (
	"context"
	"fmt"
	"hash"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
)

const incorrectBody = `{"detail":"Incorrect username or password"}`

// wireServer is digestApp on a real listener.
type wireServer struct {
	srv *httptest.Server
}

func newWireServer(t *testing.T, auth typed.Dep[string]) *wireServer {
	t.Helper()
	srv := httptest.NewServer(digestApp(auth))
	t.Cleanup(srv.Close)
	return &wireServer{srv: srv}
}

// wireAnswer is what the server answered.
type wireAnswer struct {
	status     int
	body       string
	challenges []digestChallenge
	header     http.Header
}

// do sends GET /users/me with the Authorization header authz ("" for
// none). It is safe to call outside the test's goroutine.
func (w *wireServer) do(authz string) (wireAnswer, error) {
	req, err := http.NewRequest(http.MethodGet, w.srv.URL+"/users/me", nil)
	if err != nil {
		return wireAnswer{}, err
	}
	if authz != "" {
		req.Header.Set("Authorization", authz)
	}
	res, err := w.srv.Client().Do(req)
	if err != nil {
		return wireAnswer{}, err
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	return wireAnswer{status: res.StatusCode, body: strings.TrimSpace(string(body)), header: res.Header}, err
}

// get is do for the test's goroutine, with the challenges parsed.
func (w *wireServer) get(t *testing.T, authz string) wireAnswer {
	t.Helper()
	a, err := w.do(authz)
	if err != nil {
		t.Fatal(err)
	}
	a.challenges = parseChallenges(t, a.header)
	return a
}

// challenges gets /users/me without credentials and returns the
// challenges of the 401.
func (w *wireServer) challenges(t *testing.T) []digestChallenge {
	t.Helper()
	a := w.get(t, "")
	if a.status != http.StatusUnauthorized || len(a.challenges) == 0 {
		t.Fatalf("no credentials: %d %q", a.status, a.header.Values("WWW-Authenticate"))
	}
	return a.challenges
}

// wantAnswer fails the test unless a is status with body, and a 401 has
// one challenge per algorithm, stale as wanted.
func wantAnswer(t *testing.T, what string, a wireAnswer, status int, body string, nAlgs int, stale bool) {
	t.Helper()
	if a.status != status || a.body != body {
		t.Fatalf("%s: %d %s, want %d %s", what, a.status, a.body, status, body)
	}
	if status != http.StatusUnauthorized {
		return
	}
	if len(a.challenges) != nAlgs {
		t.Fatalf("%s: challenges %q, want %d", what, a.header.Values("WWW-Authenticate"), nAlgs)
	}
	for _, c := range a.challenges {
		if c.stale != stale {
			t.Fatalf("%s: challenge %+v, want stale=%v", what, c, stale)
		}
	}
}

// logRecorder is a slog.Handler that keeps the records it is given.
type logRecorder struct {
	mu      sync.Mutex
	records []slog.Record
}

func (l *logRecorder) Enabled(context.Context, slog.Level) bool { return true }
func (l *logRecorder) WithAttrs([]slog.Attr) slog.Handler       { return l }
func (l *logRecorder) WithGroup(string) slog.Handler            { return l }
func (l *logRecorder) Handle(_ context.Context, r slog.Record) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.records = append(l.records, r.Clone())
	return nil
}

// take returns the records kept so far, as "LEVEL message key=value…",
// and forgets them.
func (l *logRecorder) take() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []string
	for _, r := range l.records {
		s := r.Level.String() + " " + r.Message
		r.Attrs(func(a slog.Attr) bool {
			s += " " + a.Key + "=" + a.Value.String()
			return true
		})
		out = append(out, s)
	}
	l.records = nil
	return out
}

// TestSecurityF6DigestKnownUserWithoutSecret: security review F6. A
// known user whose Lookup returns neither HA1 nor password authenticated
// with the empty password; the example's HA1-per-algorithm lookup did so
// as soon as one more algorithm was offered than stored. It is a 401 for
// the client and an error in the log naming the user and the algorithm.
func TestSecurityF6DigestKnownUserWithoutSecret(t *testing.T) {
	t.Parallel()
	const realm = "r"
	// HA1 per algorithm, as examples/digest stores it: SHA-256 only.
	stored := map[string]map[string]string{
		"stanleyjobson": {security.DigestSHA256: security.DigestHA1(security.DigestSHA256, "stanleyjobson", realm, "swordfish")},
	}
	tests := []struct {
		name   string
		lookup func(ctx context.Context, username, algorithm string) (security.DigestUser[string], bool, error)
		// wantSHA256 is whether the right password over SHA-256 still
		// authenticates.
		wantSHA256 bool
	}{
		{name: "HA1 per algorithm, MD5 offered but not stored", wantSHA256: true,
			lookup: func(_ context.Context, username, algorithm string) (security.DigestUser[string], bool, error) {
				byAlg, ok := stored[username]
				return security.DigestUser[string]{User: username, HA1: byAlg[algorithm]}, ok, nil
			}},
		{name: "neither HA1 nor password",
			lookup: func(_ context.Context, username, _ string) (security.DigestUser[string], bool, error) {
				return security.DigestUser[string]{User: username}, username == "stanleyjobson", nil
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			logs := &logRecorder{}
			auth := &security.DigestAuth[string]{Realm: realm, Lookup: tt.lookup, Logger: slog.New(logs),
				Algorithms: []string{security.DigestSHA256, security.DigestMD5}}
			w := newWireServer(t, auth)
			chs := w.challenges(t)
			md5 := chs[1]
			if md5.Algorithm != security.DigestMD5 {
				t.Fatalf("second challenge %+v, want MD5", md5)
			}

			for _, pass := range []string{"", "swordfish", "anything"} {
				cl := &digestClient{user: "stanleyjobson", pass: pass}
				a := w.get(t, cl.authorization(t, md5, "GET", "/users/me"))
				wantAnswer(t, fmt.Sprintf("MD5, password %q", pass), a, http.StatusUnauthorized, incorrectBody, 2, false)
				logged := logs.take()
				if len(logged) != 1 || !strings.HasPrefix(logged[0], "ERROR ") ||
					!strings.Contains(logged[0], "username=stanleyjobson") || !strings.Contains(logged[0], "algorithm=MD5") {
					t.Fatalf("MD5, password %q: logged %q, want one error naming username=stanleyjobson and algorithm=MD5", pass, logged)
				}
			}

			// An unknown user is not an error of the server's: nothing logged.
			a := w.get(t, (&digestClient{user: "nobody", pass: ""}).authorization(t, md5, "GET", "/users/me"))
			wantAnswer(t, "unknown user", a, http.StatusUnauthorized, incorrectBody, 2, false)
			if logged := logs.take(); len(logged) != 0 {
				t.Errorf("unknown user: logged %q", logged)
			}

			// The stored algorithm is untouched.
			cl := &digestClient{user: "stanleyjobson", pass: "swordfish"}
			a = w.get(t, cl.authorization(t, chs[0], "GET", "/users/me"))
			if tt.wantSHA256 {
				wantAnswer(t, "SHA-256, right password", a, http.StatusOK, `{"username":"stanleyjobson"}`, 2, false)
			} else {
				wantAnswer(t, "SHA-256, no secret", a, http.StatusUnauthorized, incorrectBody, 2, false)
			}
		})
	}
}

// TestSecurityF9DigestReplayAcrossExpirySweep: security review F9. The
// sweep of expired nonces forgot their used counts without marking the
// nonces spent, so a captured request replayed just as its nonce expired
// was accepted a second time. A nonce count is never accepted twice on an
// instance, whatever the order in which requests read the clock.
func TestSecurityF9DigestReplayAcrossExpirySweep(t *testing.T) {
	t.Parallel()
	const ttl = time.Minute
	tests := []struct {
		name string
		// whenReplay replays captured at 1ns before its nonce expires,
		// having another client use fresh (an unexpired nonce, nc=1) at
		// its expiry, which sweeps the captured nonce; it returns both
		// answers.
		whenReplay func(t *testing.T, w *wireServer, clk *testClock, onLookup *atomic.Pointer[func()], captured, fresh string) (replay, other wireAnswer)
	}{
		{name: "replay reads the clock, then the sweep runs during its Lookup",
			whenReplay: func(t *testing.T, w *wireServer, clk *testClock, onLookup *atomic.Pointer[func()], captured, fresh string) (replay, other wireAnswer) {
				clk.Add(-time.Nanosecond)
				type result struct {
					a   wireAnswer
					err error
				}
				done := make(chan result, 1)
				hook := func() {
					clk.Add(time.Nanosecond)
					a, err := w.do(fresh)
					done <- result{a, err}
				}
				onLookup.Store(&hook)
				replay = w.get(t, captured)
				var r result
				select {
				case r = <-done:
				default:
					t.Fatal("the other request did not run during the replay's Lookup")
				}
				if r.err != nil {
					t.Fatal(r.err)
				}
				r.a.challenges = parseChallenges(t, r.a.header)
				return replay, r.a
			}},
		{name: "the sweep runs, then the clock steps back",
			whenReplay: func(t *testing.T, w *wireServer, clk *testClock, _ *atomic.Pointer[func()], captured, fresh string) (replay, other wireAnswer) {
				other = w.get(t, fresh)
				clk.Add(-time.Nanosecond)
				return w.get(t, captured), other
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			clk := newTestClock()
			var onLookup atomic.Pointer[func()]
			auth := &security.DigestAuth[string]{Realm: "r", Now: clk.Now, NonceTTL: ttl,
				Lookup: func(ctx context.Context, username, algorithm string) (security.DigestUser[string], bool, error) {
					if f := onLookup.Swap(nil); f != nil {
						(*f)()
					}
					return lookupPasswords(ctx, username, algorithm)
				}}
			w := newWireServer(t, auth)
			victim := &digestClient{user: "stanleyjobson", pass: "swordfish"}
			other := &digestClient{user: "jöhn", pass: "pässword", cnonce: "other"}
			ok := func(user string) string { return `{"username":"` + user + `"}` }

			// The victim's request, captured by the attacker.
			chN := w.challenges(t)[0]
			captured := victim.authorizationNC(t, chN, "GET", "/users/me", 1)
			wantAnswer(t, "captured request", w.get(t, captured), http.StatusOK, ok("stanleyjobson"), 1, false)
			wantAnswer(t, "replay while the nonce is young", w.get(t, captured), http.StatusUnauthorized, incorrectBody, 1, false)

			clk.Add(ttl / 2)
			chM := w.challenges(t)[0]
			clk.Add(ttl / 2) // the captured nonce expires now
			replay, fresh := tt.whenReplay(t, w, clk, &onLookup, captured, other.authorizationNC(t, chM, "GET", "/users/me", 1))
			wantAnswer(t, "other client at the expiry", fresh, http.StatusOK, ok("jöhn"), 1, false)
			if replay.status == http.StatusOK {
				t.Fatalf("replay at the expiry sweep: accepted a second time: %d %s", replay.status, replay.body)
			}
			wantAnswer(t, "replay at the expiry sweep", replay, http.StatusUnauthorized, notAuthenticatedBody, 1, true)

			// The victim's client retries with the new nonce, as stale=true asks.
			retry := victim.authorizationNC(t, replay.challenges[0], "GET", "/users/me", 1)
			wantAnswer(t, "retry with the new nonce", w.get(t, retry), http.StatusOK, ok("stanleyjobson"), 1, false)
			wantAnswer(t, "replay of the retry", w.get(t, retry), http.StatusUnauthorized, incorrectBody, 1, false)
		})
	}
}

// hashTrace records the hashing of one request: each hash made, and each
// digest computed with it, by type and size.
type hashTrace struct {
	mu     sync.Mutex
	events []string
}

func (tr *hashTrace) add(e string) {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	tr.events = append(tr.events, e)
}

// take returns the events so far and forgets them.
func (tr *hashTrace) take() []string {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	out := tr.events
	tr.events = nil
	return out
}

// countingHash is a hash.Hash that records each Sum in its trace.
type countingHash struct {
	hash.Hash
	trace *hashTrace
	kind  string
}

func (h countingHash) Sum(b []byte) []byte {
	h.trace.add("sum " + h.kind)
	return h.Hash.Sum(b)
}

// TestSecurityF11DigestSameHashingForEveryUser: security review F11. With
// HA1 lookups, an unknown user cost one hash more than a wrong password,
// which told them apart by timing. Every path, right or wrong password,
// unknown user, known user without a secret, must make the same hashes
// and compute the same number of digests of the same kind, whether
// Lookup returns passwords or HA1 values.
func TestSecurityF11DigestSameHashingForEveryUser(t *testing.T) {
	t.Parallel()
	const realm = "r"
	for _, alg := range []string{security.DigestSHA256, security.DigestMD5Sess, security.DigestSHA512_256} {
		for _, store := range []string{"HA1", "password"} {
			t.Run(alg+"/"+store, func(t *testing.T) {
				t.Parallel()
				auth := &security.DigestAuth[string]{Realm: realm, Algorithms: []string{alg},
					Logger: slog.New(slog.DiscardHandler),
					Lookup: func(_ context.Context, username, algorithm string) (security.DigestUser[string], bool, error) {
						if username == "nosecret" {
							return security.DigestUser[string]{User: username}, true, nil
						}
						p, ok := digestUsers[username]
						u := security.DigestUser[string]{User: username, Password: p}
						if ok && store == "HA1" {
							u.HA1, u.Password = security.DigestHA1(algorithm, username, realm, p), ""
						}
						return u, ok, nil
					}}
				trace := &hashTrace{}
				security.SetDigestHashHook(auth, func(h hash.Hash) hash.Hash {
					kind := fmt.Sprintf("%T/%d", h, h.Size())
					trace.add("new " + kind)
					return countingHash{Hash: h, trace: trace, kind: kind}
				})
				w := newWireServer(t, auth)
				ch := w.challenges(t)[0]
				trace.take()

				paths := []struct {
					name       string
					user, pass string
					wantStatus int
				}{
					{"right password", "stanleyjobson", "swordfish", http.StatusOK},
					{"wrong password", "stanleyjobson", "swordfis", http.StatusUnauthorized},
					{"unknown user", "johndoe", "swordfish", http.StatusUnauthorized},
					{"known user without a secret", "nosecret", "", http.StatusUnauthorized},
				}
				var want []string
				for i, p := range paths {
					a := w.get(t, (&digestClient{user: p.user, pass: p.pass}).authorization(t, ch, "GET", "/users/me"))
					if a.status != p.wantStatus {
						t.Fatalf("%s: %d %s, want %d", p.name, a.status, a.body, p.wantStatus)
					}
					got := trace.take()
					if i == 0 {
						want = got
						if n := len(got); n < 3 {
							t.Fatalf("%s: hashing %q: the hook saw too little", p.name, got)
						}
						continue
					}
					if !slices.Equal(got, want) {
						t.Errorf("%s: hashing %q, want the same as %s: %q", p.name, got, paths[0].name, want)
					}
				}
			})
		}
	}
}
