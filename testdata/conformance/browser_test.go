package conformance_test

import (
	"context"
	"flag"
	"net"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

var update = flag.Bool("update", false, "write the screenshot of /docs to ../docs.png (testdata/docs.png of the repository)")

const chromiumPath = "/usr/bin/chromium"

// browser starts a headless Chromium with a fresh profile, or skips the
// test when Debian's chromium is not installed. The test has 90 seconds.
func browser(t *testing.T) context.Context {
	t.Helper()
	return browserWithin(t, 90*time.Second)
}

// chromium returns the path of the browser, or skips the test when there
// is none.
func chromium(t *testing.T) string {
	t.Helper()
	path := chromiumPath
	if p := os.Getenv("CHROMIUM"); p != "" {
		path = p
	}
	if _, err := exec.LookPath(path); err != nil {
		missingTool(t, "no browser at %s (apt-get install chromium, or set CHROMIUM): %v", path, err)
	}
	return path
}

// browserWithin is browser for a test that has d. The browser resolves
// docsHost to 127.0.0.1, and other names as usual.
func browserWithin(t *testing.T, d time.Duration) context.Context {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium(t)),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("host-resolver-rules", "MAP "+docsHost+" 127.0.0.1"),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 1000),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, d)
	t.Cleanup(func() { cancelTimeout(); cancelCtx(); cancelAlloc() })
	return ctx
}

// serve runs app on 127.0.0.1 only.
func serve(t *testing.T, app *passwordApp) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewUnstartedServer(app.e)
	srv.Listener.Close()
	srv.Listener = l
	srv.Start()
	t.Cleanup(srv.Close)
	return srv.URL
}

// Swagger UI's Authorize button logs in with the password flow, with no
// configuration, and "Try it out" on a protected route then answers 200.
func TestBrowserSwaggerUIPasswordFlow(t *testing.T) {
	app, err := newPasswordApp()
	if err != nil {
		t.Fatal(err)
	}
	url := serve(t, app)
	ctx := browser(t)
	log := recordRequests(t, ctx)

	const op = `#operations-default-read_users_me_users_me_get`
	css := func(sel string) chromedp.CSS { return chromedp.CSS(sel) }
	err = chromedp.Do(ctx,
		chromedp.Navigate(url+"/docs"),
		chromedp.WaitVisible(css(`.btn.authorize`)),
	)
	if err != nil {
		t.Fatalf("open /docs: %v", err)
	}
	shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	err = chromedp.Do(ctx,
		chromedp.Click(css(`.btn.authorize`)),
		chromedp.WaitVisible(css(`#oauth_username`)),
		chromedp.SendKeys(css(`#oauth_username`), "johndoe"),
		chromedp.SendKeys(css(`#oauth_password`), "secret"),
		chromedp.Click(css(`.auth-btn-wrapper .btn.modal-btn.auth.authorize`)),
		chromedp.WaitVisible(css(logoutButton)),
		chromedp.Click(css(`.btn-done`)),
		chromedp.Click(css(op+` .opblock-summary`)),
		chromedp.WaitVisible(css(op+` .try-out__btn`)),
		chromedp.Click(css(op+` .try-out__btn`)),
		chromedp.WaitVisible(css(op+` .execute`)),
		chromedp.Click(css(op+` .execute`)),
		chromedp.WaitVisible(css(op+` .live-responses-table tr.response .response-col_status`)),
	)
	if err != nil {
		t.Fatalf("log in and try it out: %v", err)
	}
	status, err := chromedp.Run(ctx, chromedp.Text(css(op+` .live-responses-table tr.response .response-col_status`)))
	if err != nil {
		t.Fatal(err)
	}
	body, err := chromedp.Run(ctx, chromedp.Text(css(op+` .live-responses-table tr.response .response-col_description`)))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(strings.TrimSpace(status), "200") {
		t.Errorf("Try it out: status %q, want 200; body %s", status, body)
	}
	if !strings.Contains(body, `"username": "johndoe"`) {
		t.Errorf("Try it out: body %s", body)
	}
	for _, u := range log.outside(url) {
		t.Errorf("/docs fetched %s", u)
	}
	app.mu.Lock()
	sent := append([]string(nil), app.tokenAuth...)
	app.mu.Unlock()
	if len(sent) != 1 || sent[0] != "Basic Og==" {
		t.Errorf("token route got Authorization %q, want one login with Swagger UI's %q", sent, "Basic Og==")
	}
	if *update {
		if err := os.WriteFile("../docs.png", shot, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// ReDoc renders every operation, and fetches nothing from outside: no
// Redocly logo from its CDN.
func TestBrowserRedocRenders(t *testing.T) {
	app, err := newPasswordApp()
	if err != nil {
		t.Fatal(err)
	}
	url := serve(t, app)
	ctx := browser(t)
	log := recordRequests(t, ctx)
	err = chromedp.Do(ctx,
		chromedp.Navigate(url+"/redoc"),
		chromedp.WaitVisible(chromedp.CSS(`.api-content`)),
	)
	if err != nil {
		t.Fatalf("browser: %v", err)
	}
	log.settle(ctx, 10*time.Second)
	for _, u := range log.outside(url) {
		t.Errorf("/redoc fetched %s", u)
	}
	logo, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('img[alt="redocly logo"]').length`))
	if err != nil {
		t.Fatal(err)
	}
	if logo != 0 {
		t.Errorf("/redoc shows %d Redocly logos, want the broken one dropped", logo)
	}
	text, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`body`)))
	if err != nil {
		t.Fatalf("browser: %v", err)
	}
	for _, want := range []string{"Simple OAuth2", "Login", "Read Users Me", "Read Own Items", "OAuth2PasswordBearer"} {
		if !strings.Contains(text, want) {
			t.Errorf("/redoc does not show %q", want)
		}
	}
}
