package conformance_test

import (
	"bufio"
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// The examples under examples/ are main packages, so the tests here build
// them (go build in the repository's module, which the go command caches)
// and run each program on a free loopback port, as a user runs it.

// docsHost is the name the browser opens the examples at: Chromium maps it
// to 127.0.0.1 (see browserWithin), so that the docs UIs run as on a real
// server.
// Swagger UI skips some features on localhost and 127.0.0.1 (its online
// validator badge, for one), and those must not fetch from outside either.
const docsHost = "fastecho.test"

var built struct {
	once sync.Once
	dir  string
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if built.dir != "" {
		os.RemoveAll(built.dir)
	}
	os.Exit(code)
}

// examples returns the names of the examples, the directories of
// examples/ with a main.go.
func examples(t *testing.T) []string {
	t.Helper()
	mains, err := filepath.Glob("../../examples/*/main.go")
	if err != nil || len(mains) == 0 {
		t.Fatalf("no examples found (%v)", err)
	}
	names := make([]string, len(mains))
	for i, m := range mains {
		names[i] = filepath.Base(filepath.Dir(m))
	}
	return names
}

// exampleBinary returns the path of the example's program, building every
// example once.
func exampleBinary(t *testing.T, name string) string {
	t.Helper()
	built.once.Do(func() {
		built.dir, built.err = os.MkdirTemp("", "fastecho-examples-")
		if built.err != nil {
			return
		}
		cmd := exec.Command("go", "build", "-o", built.dir+string(filepath.Separator), "./examples/...")
		cmd.Dir = "../.."
		if out, err := cmd.CombinedOutput(); err != nil {
			built.err = fmt.Errorf("go build ./examples/...: %v\n%s", err, out)
		}
	})
	if built.err != nil {
		t.Fatal(built.err)
	}
	return filepath.Join(built.dir, name)
}

// runningExample is an example's program, serving on loopback.
type runningExample struct {
	name string
	addr string // host:port it listens on
	// own are the origins of the other servers the program runs and
	// announced before listening (the oidc example's development provider).
	own []string
}

var (
	listeningRE = regexp.MustCompile(`listening on http://(\S+)`)
	originRE    = regexp.MustCompile(`http://(?:127\.0\.0\.1|localhost):\d+`)
)

// startExample runs the example's program on a free loopback port until the
// test ends, then stops it as Ctrl-C does.
func startExample(t *testing.T, name string) *runningExample {
	t.Helper()
	cmd := exec.Command(exampleBinary(t, name), "-addr", "127.0.0.1:0")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	t.Cleanup(func() {
		_ = cmd.Process.Signal(os.Interrupt)
		select {
		case <-done:
		case <-time.After(15 * time.Second):
			_ = cmd.Process.Kill()
			<-done
		}
	})
	ex := &runningExample{name: name}
	ready := make(chan error, 1)
	go func() {
		defer close(done)
		defer cmd.Wait()
		sc := bufio.NewScanner(stderr)
		var banner []string
		for sc.Scan() {
			line := sc.Text()
			if ex.addr != "" {
				continue // keep reading, so that the program never blocks on stderr
			}
			banner = append(banner, line)
			if m := listeningRE.FindStringSubmatch(line); m != nil {
				ex.addr = m[1]
				ready <- nil
				continue
			}
			for _, o := range originRE.FindAllString(line, -1) {
				if !slices.Contains(ex.own, o) {
					ex.own = append(ex.own, o)
				}
			}
		}
		if ex.addr == "" {
			ready <- fmt.Errorf("%s exited before listening:\n%s", name, strings.Join(banner, "\n"))
		}
	}()
	select {
	case err := <-ready:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(30 * time.Second):
		t.Fatalf("%s: not listening after 30s", name)
	}
	return ex
}

// url is the example's URL at path, at host (docsHost or 127.0.0.1).
func (ex *runningExample) url(host, path string) string {
	_, port, _ := strings.Cut(ex.addr, ":")
	return "http://" + host + ":" + port + path
}

// requestLog records the URL of every request a tab sends.
type requestLog struct {
	mu   sync.Mutex
	urls []string
}

// recordRequests starts recording the requests of the tab of ctx, from its
// network events.
func recordRequests(t *testing.T, ctx context.Context) *requestLog {
	t.Helper()
	l := &requestLog{}
	err := chromedp.Listen(ctx, func(ev any) {
		if ev, ok := ev.(*network.EventRequestWillBeSent); ok {
			l.mu.Lock()
			l.urls = append(l.urls, ev.Request.URL)
			l.mu.Unlock()
		}
	})
	if err != nil {
		t.Fatalf("listen: %v", err)
	}
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatalf("Network.enable: %v", err)
	}
	return l
}

func (l *requestLog) all() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(l.urls)
}

// settle waits until the tab has sent no request for a while (late loads,
// such as images that a component adds after it mounts), at most max.
func (l *requestLog) settle(ctx context.Context, max time.Duration) {
	const quiet = 750 * time.Millisecond
	deadline := time.Now().Add(max)
	n, since := len(l.all()), time.Now()
	for time.Now().Before(deadline) && ctx.Err() == nil {
		time.Sleep(50 * time.Millisecond)
		if m := len(l.all()); m != n {
			n, since = m, time.Now()
		} else if time.Since(since) >= quiet {
			return
		}
	}
}

// outside returns the requests to another origin than the allowed ones
// (data:, blob: and about: URLs stay in the browser).
func (l *requestLog) outside(allowed ...string) []string {
	var out []string
	for _, raw := range l.all() {
		u, err := url.Parse(raw)
		if err != nil {
			out = append(out, raw)
			continue
		}
		switch u.Scheme {
		case "data", "blob", "about":
			continue
		}
		if !slices.Contains(allowed, u.Scheme+"://"+u.Host) {
			out = append(out, raw)
		}
	}
	return out
}

// pageText is the text of the page in the tab of ctx, for a failure's
// message.
func pageText(ctx context.Context) string {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	text, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.innerText`))
	if err != nil {
		return fmt.Sprintf("(no page text: %v)", err)
	}
	return text
}

// newTab opens a tab in the browser of ctx, closed when the test ends.
func newTab(t *testing.T, ctx context.Context, opts ...chromedp.ContextOption) context.Context {
	t.Helper()
	tctx, cancel := chromedp.NewContext(ctx, opts...)
	t.Cleanup(cancel)
	return tctx
}

// No example's /docs or /redoc fetches anything from another host: every
// request of the page, of its assets and of what they load goes to the
// example's own server (or to another server of its own, the oidc example's
// development provider), opened at docsHost. /docs is looked at with its
// Authorize dialog open too. The test sees every request the tab sends
// (Network.requestWillBeSent), whether it would succeed or not.
func TestBrowserExamplesFetchNothingFromOutside(t *testing.T) {
	chromium(t)
	names := examples(t)
	exampleBinary(t, names[0]) // build them all before the browser's time starts
	ctx := browserWithin(t, 5*time.Minute)
	if err := chromedp.Do(ctx); err != nil { // start the browser
		t.Fatal(err)
	}
	pages := []struct {
		path, ready string
		authorize   bool
	}{
		{"/docs", `.swagger-ui .info .title`, true},
		{"/redoc", `.api-content`, false},
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			ex := startExample(t, name)
			origin := ex.url(docsHost, "")
			for _, p := range pages {
				tab := newTab(t, ctx)
				log := recordRequests(t, tab)
				err := chromedp.Do(tab,
					chromedp.Navigate(origin+p.path),
					chromedp.WaitVisible(chromedp.CSS(p.ready)),
				)
				if err != nil {
					t.Fatalf("open %s: %v", p.path, err)
				}
				if p.authorize {
					hasAuth, err := chromedp.Run(tab, chromedp.Evaluate[bool](`document.querySelector(".btn.authorize") !== null`))
					if err != nil {
						t.Fatal(err)
					}
					if hasAuth {
						err = chromedp.Do(tab,
							chromedp.Click(chromedp.CSS(`.btn.authorize`)),
							chromedp.WaitVisible(chromedp.CSS(`.modal-ux`)),
						)
						if err != nil {
							t.Fatalf("%s: Authorize dialog: %v", p.path, err)
						}
					}
				}
				log.settle(tab, 10*time.Second)
				if !slices.Contains(log.all(), origin+p.path) {
					t.Fatalf("%s: the page's own request was not recorded: %q", p.path, log.all())
				}
				for _, u := range log.outside(append([]string{origin}, ex.own...)...) {
					t.Errorf("%s fetched %s", p.path, u)
				}
			}
		})
	}
}

// A login that an example's doc comment offers: "log in as johndoe /
// secret", "Authorize as johndoe / secret".
var offeredLoginRE = regexp.MustCompile(`(?i)\b(?:log in|authorize) as (\S+) / (\S+?)[\s.,;)]`)

// docComment is the prose of the example's doc comment (code lines left
// out).
func docComment(t *testing.T, name string) string {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("../../examples", name, "main.go"))
	if err != nil {
		t.Fatal(err)
	}
	head, _, _ := strings.Cut(string(src), "\npackage main")
	var prose []string
	for _, line := range strings.Split(head, "\n") {
		if strings.HasPrefix(line, "//\t") {
			continue
		}
		prose = append(prose, strings.TrimSpace(strings.TrimPrefix(line, "//")))
	}
	return strings.Join(prose, " ") + " "
}

// The examples whose doc comment offers a password login in /docs, and
// what the test tries once logged in: an operation that needs the login,
// and part of the body it answers.
var passwordLogins = map[string]struct {
	allScopes bool // tick every scope in the dialog
	operation string
	wantBody  string
}{
	"simple-oauth2": {false, "read_users_me_users_me_get", `"username": "johndoe"`},
	"jwt":           {false, "read_own_items_users_me_items__get", `"owner": "johndoe"`},
	"scopes":        {true, "read_own_items_users_me_items__get", `"owner": "johndoe"`},
	"scopes-echo5":  {true, "read_own_items_users_me_items__get", `"owner": "johndoe"`},
}
