package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	. "github.com/fastecho/fastecho/internal/exampletest"
	"github.com/golang-jwt/jwt/v5"
)

// TestSecurityF7PublishedKeyAndLifetime is finding F7 of the security
// review: without JWT_SECRET_KEY the example signed with the key FastAPI's
// tutorial prints, so a token forged with it was accepted, even one
// expiring in 100 years. Now the process makes its own random key (and says
// so loudly), refuses the published key, and no token lives longer than
// those /token issues.
func TestSecurityF7PublishedKeyAndLifetime(t *testing.T) {
	if os.Getenv("JWT_EXAMPLE_RUN_MAIN") == "1" { // the child of the last check below
		main()
		return
	}
	var logged bytes.Buffer
	unset := func(string) string { return "" }
	key, err := secretKeyFromEnv(unset, log.New(&logged, "", 0))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(logged.String(), "WARNING: JWT_SECRET_KEY is not set") {
		t.Errorf("no warning about the generated key; logged %q", logged.String())
	}
	if other, _ := secretKeyFromEnv(unset, log.New(io.Discard, "", 0)); len(key) < 32 || bytes.Equal(key, other) {
		t.Errorf("generated keys %x and %x: want 32 random bytes each time", key, other)
	}

	app := newServer(key).app()
	published := []byte(tutorialSecretKey)
	johndoe := func(iat, exp *jwt.NumericDate) jwt.RegisteredClaims {
		return jwt.RegisteredClaims{Subject: "johndoe", IssuedAt: iat, ExpiresAt: exp}
	}
	century := 100 * 365 * 24 * time.Hour
	now := time.Now() // one clock reading for all, so that exp - iat is exact
	at := func(d time.Duration) *jwt.NumericDate { return jwt.NewNumericDate(now.Add(d)) }
	cases := []struct {
		name   string
		key    []byte
		claims jwt.RegisteredClaims
		status int
	}{
		{"published key, 100 years", published, johndoe(nil, at(century)), 401},
		{"published key, 30 minutes", published, johndoe(at(0), at(maxTokenLifetime)), 401},
		{"server key, 100 years", key, johndoe(nil, at(century)), 401},
		{"server key, issued now for 100 years", key, johndoe(at(0), at(century)), 401},
		{"exp a minute beyond the lifetime and the skew", key, johndoe(nil, at(maxTokenLifetime+maxClockSkew+time.Minute)), 401},
		{"iat a minute more than the lifetime before exp", key, johndoe(at(-maxTokenLifetime), at(time.Minute)), 401},
		{"issued tomorrow", key, johndoe(at(24*time.Hour), at(maxTokenLifetime)), 401},
		{"as /token issues it", key, johndoe(at(0), at(maxTokenLifetime)), 200},
		{"from an instance whose clock runs 30 s ahead", key, johndoe(nil, at(maxTokenLifetime+maxClockSkew/2)), 200},
		{"an old one about to expire", key, johndoe(at(-maxTokenLifetime+time.Minute), at(time.Minute)), 200},
	}
	var table []Case
	for _, c := range cases {
		row := Case{Name: c.name, Path: "/users/me/", Header: bearer(sign(t, jwt.SigningMethodHS256, c.key, c.claims)),
			Status: c.status, Challenge: "Bearer", JSON: invalid}
		if c.status == 200 {
			row.Challenge, row.JSON = "", `{"username":"johndoe","email":"johndoe@example.com","full_name":"John Doe","disabled":false}`
		}
		table = append(table, row)
	}
	Run(t, app, table)

	for _, v := range []string{tutorialSecretKey, "too short", strings.Repeat("k", 31)} {
		if got, err := secretKeyFromEnv(func(string) string { return v }, log.New(io.Discard, "", 0)); err == nil {
			t.Errorf("JWT_SECRET_KEY=%q accepted as %q", v, got)
		}
	}
	mine := strings.Repeat("0123456789abcdef", 4)
	if got, err := secretKeyFromEnv(func(string) string { return mine }, nil); err != nil || string(got) != mine {
		t.Errorf("JWT_SECRET_KEY=%q: %q, %v", mine, got, err)
	}

	// The program itself refuses to start with the published key.
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute) // only if main serves after all
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^TestSecurityF7PublishedKeyAndLifetime$", "-addr=127.0.0.1:0")
	cmd.Env = append(os.Environ(), "JWT_EXAMPLE_RUN_MAIN=1", "JWT_SECRET_KEY="+tutorialSecretKey)
	out, err := cmd.CombinedOutput()
	if err == nil || !strings.Contains(string(out), "JWT_SECRET_KEY is the key FastAPI's tutorial publishes") {
		t.Errorf("started with the published key: %v\n%s", err, out)
	}
}

// TestSecurityF8BoundedHashing is finding F8 of the security review: every
// /token attempt, unknown users included, ran an argon2id check (64 MiB,
// about 0.5 s of CPU) with no bound. Now at most maxConcurrentHashes run at
// once and a login beyond them gets 503 with Retry-After at once. The test
// holds the checks in a stand-in hasher, so the bound shows without
// timing: with every slot taken, one more login must be answered while
// none of the held checks has finished, and must not reach the hasher.
func TestSecurityF8BoundedHashing(t *testing.T) {
	s := newServer(testKey)
	entered := make(chan string, 4*maxConcurrentHashes) // a login reached the hasher, with this password
	release := make(chan struct{})                      // closed: the held checks finish
	s.verifyPassword = func(password, hashed string) bool {
		entered <- password
		<-release
		return password == "secret" && hashed == fakeUsersDB["johndoe"].hashedPassword
	}
	srv := httptest.NewServer(s.app())
	defer srv.Close()
	var once sync.Once
	finish := func() { once.Do(func() { close(release) }) }
	defer finish() // before srv.Close, which waits for the held logins

	type answer struct {
		user, detail string
		status       int
		header       http.Header
		err          error
	}
	login := func(user, password string, answers chan<- answer) {
		res, err := http.PostForm(srv.URL+"/token", url.Values{"username": {user}, "password": {password}})
		if err != nil {
			answers <- answer{user: user, err: err}
			return
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		answers <- answer{user, strings.TrimSpace(string(body)), res.StatusCode, res.Header, nil}
	}

	// Fill every slot: the tutorial's user and unknown users alike, who
	// hash the dummy hash.
	held := make(chan answer, maxConcurrentHashes)
	for i := range maxConcurrentHashes {
		user := "johndoe"
		if i%2 == 1 {
			user = fmt.Sprintf("nobody%d", i)
		}
		go login(user, "secret", held)
	}
	for range maxConcurrentHashes {
		<-entered
	}

	// One more, for an unknown user: refused at once, without hashing.
	extra := make(chan answer, 1)
	go login("attacker", "password-guess", extra)
	select {
	case password := <-entered:
		t.Fatalf("login %d reached the hasher (password %q) while %d were hashing: hashing is unbounded",
			maxConcurrentHashes+1, password, maxConcurrentHashes)
	case a := <-extra:
		if a.err != nil {
			t.Fatal(a.err)
		}
		if a.status != http.StatusServiceUnavailable || a.header.Get("Retry-After") != hashRetryAfter ||
			a.header.Get("Content-Type") != "application/json" || a.header.Get("WWW-Authenticate") != "" ||
			!SameJSON([]byte(a.detail), []byte(`{"detail":"Too many login attempts, try again shortly"}`)) {
			t.Errorf("login beyond the bound: %d %v %s, want 503, Retry-After: %s and a FastAPI-shape detail",
				a.status, a.header, a.detail, hashRetryAfter)
		}
	}

	// The held logins finish as usual and give their slots back.
	finish()
	for range maxConcurrentHashes {
		a := <-held
		want := http.StatusUnauthorized
		if a.user == "johndoe" {
			want = http.StatusOK
		}
		if a.err != nil || a.status != want {
			t.Errorf("held login of %s: %d %s %v, want %d", a.user, a.status, a.detail, a.err, want)
		}
	}
	after := make(chan answer, maxConcurrentHashes)
	for range maxConcurrentHashes {
		go login("johndoe", "secret", after)
	}
	for range maxConcurrentHashes {
		if a := <-after; a.err != nil || a.status != http.StatusOK {
			t.Errorf("login after the slots were given back: %d %s %v", a.status, a.detail, a.err)
		}
	}
}
