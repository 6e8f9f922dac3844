package conformance_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
)

// Every password login that an example's doc offers works in the real
// browser, with the credentials the doc gives: Authorize in /docs, then
// "Try it out" on a route that needs the login answers 200. An example
// that offers no login is not in passwordLogins, and one that is offers
// it.
func TestBrowserExamplesPasswordLoginInDocs(t *testing.T) {
	chromium(t)
	names := examples(t)
	for name := range passwordLogins {
		if !slices.Contains(names, name) {
			t.Errorf("passwordLogins names %s, which is not an example", name)
		}
	}
	exampleBinary(t, names[0]) // build them all before the browser's time starts
	ctx := browserWithin(t, 3*time.Minute)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		m := offeredLoginRE.FindStringSubmatch(docComment(t, name))
		login, tested := passwordLogins[name]
		switch {
		case m == nil && !tested:
			continue
		case m == nil:
			t.Errorf("%s: in passwordLogins, but its doc comment offers no login (%s)", name, offeredLoginRE)
			continue
		case !tested:
			t.Errorf("%s: its doc comment offers a login as %s / %s: add it to passwordLogins", name, m[1], m[2])
			continue
		}
		user, password := m[1], m[2]
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			ex := startExample(t, name)
			origin := ex.url(docsHost, "")
			tab := newTab(t, ctx)
			log := recordRequests(t, tab)
			if err := chromedp.Do(tab, chromedp.Navigate(origin+"/docs")); err != nil {
				t.Fatal(err)
			}
			if err := passwordLogin(tab, user, password, login.allScopes); err != nil {
				t.Fatalf("log in as %s / %s: %v", user, password, err)
			}
			status, body, err := tryItOut(tab, login.operation)
			if err != nil {
				t.Fatalf("try %s: %v", login.operation, err)
			}
			if !strings.HasPrefix(status, "200") || !strings.Contains(body, login.wantBody) {
				t.Errorf("Try it out %s: status %q, body %s; want 200 with %s", login.operation, status, body, login.wantBody)
			}
			for _, u := range log.outside(origin) {
				t.Errorf("fetched %s", u)
			}
		})
	}
}

// logoutButton is the Logout button of Swagger UI's Authorize dialog,
// shown once the login succeeded. It has the classes of the Authorize
// button it replaces (the Close button has those but "authorize").
const logoutButton = `.auth-btn-wrapper button.btn.modal-btn.auth[aria-label="Remove authorization"]`

// passwordLogin logs in with the password flow in the Authorize dialog of
// Swagger UI, open in the tab of ctx, and closes the dialog.
func passwordLogin(ctx context.Context, user, password string, allScopes bool) error {
	css := func(sel string) chromedp.CSS { return chromedp.CSS(sel) }
	steps := []chromedp.Action[chromedp.Void]{
		chromedp.WaitVisible(css(`.btn.authorize`)),
		chromedp.Click(css(`.btn.authorize`)),
		chromedp.WaitVisible(css(`#oauth_username`)),
		chromedp.SendKeys(css(`#oauth_username`), user),
		chromedp.SendKeys(css(`#oauth_password`), password),
	}
	if allScopes {
		steps = append(steps, chromedp.Click(css(`.scopes h2 a[data-all]`)))
	}
	steps = append(steps,
		chromedp.Click(css(`.auth-btn-wrapper .btn.modal-btn.auth.authorize`)),
		chromedp.WaitVisible(css(logoutButton)),
		chromedp.Click(css(`.btn-done`)),
	)
	return chromedp.Do(ctx, steps...)
}

// tryItOut runs "Try it out" and Execute on the operation (an untagged
// one, in Swagger UI's "default" section) and returns the status and body
// that Swagger UI shows.
func tryItOut(ctx context.Context, operationID string) (status, body string, err error) {
	op := `#operations-default-` + operationID
	css := func(sel string) chromedp.CSS { return chromedp.CSS(sel) }
	err = chromedp.Do(ctx,
		chromedp.Click(css(op+` .opblock-summary`)),
		chromedp.WaitVisible(css(op+` .try-out__btn`)),
		chromedp.Click(css(op+` .try-out__btn`)),
		chromedp.WaitVisible(css(op+` .execute`)),
		chromedp.Click(css(op+` .execute`)),
		chromedp.WaitVisible(css(op+` .live-responses-table tr.response .response-col_status`)),
	)
	if err != nil {
		return "", "", err
	}
	if status, err = chromedp.Run(ctx, chromedp.Text(css(op+` .live-responses-table tr.response .response-col_status`))); err != nil {
		return "", "", err
	}
	body, err = chromedp.Run(ctx, chromedp.Text(css(op+` .live-responses-table tr.response .response-col_description`)))
	return strings.TrimSpace(status), body, err
}

// The oidc example (beyond FastAPI) logs in from /docs with the
// authorization code flow and PKCE against its development provider: the
// Authorize dialog reads the flow from the provider's discovery document,
// the provider's sign-in page opens in a window, its code comes back through
// Swagger UI's redirect page, Swagger UI trades it (with its code verifier)
// for a token at the provider, and "Try it out" on GET /users/me then
// answers 200 with the token's claims. Nothing is fetched from a host other
// than the example's two servers, in either window.
func TestBrowserOIDCExampleLogsInWithPKCE(t *testing.T) {
	chromium(t)
	ex := startExample(t, "oidc")
	ctx := browserWithin(t, time.Minute)
	if len(ex.own) != 1 {
		t.Fatalf("the oidc example announced the servers %q, want its development provider", ex.own)
	}
	provider := ex.own[0]
	// The provider accepts redirect URIs on loopback hosts only, as a real
	// provider accepts the ones registered: open the docs on 127.0.0.1.
	origin := ex.url("127.0.0.1", "")
	log := recordRequests(t, ctx)
	css := func(sel string) chromedp.CSS { return chromedp.CSS(sel) }
	const dialogAuthorize = `.auth-btn-wrapper .btn.modal-btn.auth.authorize`
	err := chromedp.Do(ctx,
		chromedp.Navigate(origin+"/docs"),
		chromedp.WaitVisible(css(`.btn.authorize`)),
		chromedp.Click(css(`.btn.authorize`)),
		chromedp.WaitVisible(css(dialogAuthorize)),
	)
	if err != nil {
		t.Fatalf("open the Authorize dialog: %v\n%s", err, pageText(ctx))
	}
	dialog, err := chromedp.Run(ctx, chromedp.Text(css(`.modal-ux`)))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"authorization_code", provider + "/authorize", provider + "/token", "openid", "email"} {
		if !strings.Contains(dialog, want) {
			t.Errorf("the Authorize dialog does not show %q:\n%s", want, dialog)
		}
	}
	clientID, err := chromedp.Run(ctx, chromedp.Value(css(`#client_id_authorization_code`)))
	if err != nil || clientID != "fastecho-demo" {
		t.Errorf("client_id %q (%v), want fastecho-demo from initOAuth", clientID, err)
	}

	popup := chromedp.WaitNewTarget(ctx, func(info *target.Info) bool {
		return strings.HasPrefix(info.URL, provider+"/authorize?")
	})
	if err := chromedp.Do(ctx, chromedp.Click(css(dialogAuthorize))); err != nil {
		t.Fatalf("Authorize: %v", err)
	}
	var signIn context.Context
	select {
	case id, ok := <-popup:
		if !ok {
			t.Fatal("no sign-in window")
		}
		signIn = newTab(t, ctx, chromedp.WithTargetID(id))
	case <-time.After(30 * time.Second):
		t.Fatal("no sign-in window opened at the provider's authorization endpoint")
	}
	signInLog := recordRequests(t, signIn)
	err = chromedp.Do(signIn,
		chromedp.WaitVisible(css(`#username`)),
		chromedp.SendKeys(css(`#username`), "alice"),
		chromedp.Click(css(`#sign-in`)),
	)
	if err != nil {
		t.Fatalf("sign in at the provider: %v", err)
	}
	err = chromedp.Do(ctx,
		chromedp.WaitVisible(css(logoutButton)),
		chromedp.Click(css(`.btn-done`)),
	)
	if err != nil {
		t.Fatalf("back from the provider, not logged in: %v\n%s", err, pageText(ctx))
	}
	status, body, err := tryItOut(ctx, "read_current_user_users_me_get")
	if err != nil {
		t.Fatalf("try GET /users/me: %v", err)
	}
	if !strings.HasPrefix(status, "200") || !strings.Contains(body, `"sub": "alice"`) || !strings.Contains(body, `"iss": "`+provider+`"`) {
		t.Errorf("Try it out GET /users/me: status %q, body %s; want 200 with alice's claims", status, body)
	}
	for _, l := range []*requestLog{log, signInLog} {
		for _, u := range l.outside(origin, provider) {
			t.Errorf("fetched %s", u)
		}
	}
	if !slices.ContainsFunc(log.all(), func(u string) bool { return u == provider+"/token" }) {
		t.Errorf("/docs never called the provider's token endpoint: %q", log.all())
	}
}
