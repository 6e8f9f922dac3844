// Command oidc serves GET /users/me behind verified OpenID Connect: the
// bearer token's signature, issuer, audience and expiry are checked against
// the provider's discovery document and keys (security/oidc, built on
// go-oidc), and the handler receives the token's claims as a Go struct.
// FastAPI's OpenIdConnect only extracts the header; this is beyond it.
//
// By default it starts a tiny development provider on loopback (any user
// name signs in, with no password). Log in from the docs:
//
//	go run ./examples/oidc
//
// open http://127.0.0.1:8000/docs, click Authorize, then Authorize under
// authorization_code (client_id fastecho-demo is filled in), sign in with
// any user name in the window that opens, and try GET /users/me. Swagger
// UI uses the authorization code flow with PKCE (openapi.Config.InitOAuth
// turns PKCE on), reading the flow's URLs from the provider's discovery
// document; the provider lets pages on loopback origins call it (CORS) and
// accepts Swagger UI's redirect page, /docs/oauth2-redirect, on any
// loopback port. Or get a token with curl, as the program's banner says:
//
//	curl -s -d username=alice http://127.0.0.1:<port>/token   # the provider
//	curl -H "Authorization: Bearer <id_token>" http://127.0.0.1:8000/users/me
//
// Name your real provider with -discovery (its
// /.well-known/openid-configuration URL) and -client-id (the audience, and
// the client Swagger UI logs in as). To log in from the docs with it,
// register http://<this server>/docs/oauth2-redirect as a redirect URI of
// that client, a public client with PKCE, and let this server's origin
// call the provider's token endpoint (CORS).
package main

import (
	"flag"
	"fmt"
	"log"
	"os"

	"github.com/fastecho/fastecho/openapi"
	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/security/oidc"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// Claims are the token's claims the application uses.
type Claims struct {
	Subject string `json:"sub"`
	Email   string `json:"email"`
	Name    string `json:"name"`
	Issuer  string `json:"iss"`
}

func readCurrentUser(_ echo.Context, _ struct{}, claims Claims) (Claims, error) {
	return claims, nil
}

// newApp builds the application for the provider at discovery, accepting
// tokens for clientID.
func newApp(discovery, clientID string) *echo.Echo {
	oid := &security.OpenIDConnect{OpenIDConnectURL: discovery}
	verified := &oidc.Verifier[Claims]{Scheme: oid, ClientID: clientID}
	e := echo.New()
	e.HTTPErrorHandler = echov4.ErrorHandler(nil)
	echov4.RedirectSlashes(e) // a trailing slash too many or too few: 307 to the route, as FastAPI
	api := echov4.New(e)
	api.GET("/users/me", typed.Handle(verified, readCurrentUser))
	err := openapi.Mount(api, openapi.Config{
		Title: "oidc",
		// Swagger UI's Authorize: the authorization code flow with PKCE,
		// as clientID, a public client (no secret).
		InitOAuth: map[string]any{
			"clientId":                          clientID,
			"usePkceWithAuthorizationCodeGrant": true,
			"scopes":                            "openid profile email",
		},
	})
	if err != nil {
		panic(err)
	}
	return e
}

func main() {
	discovery := flag.String("discovery", "", "the provider's discovery URL (default: start a development provider on loopback)")
	clientID := flag.String("client-id", "fastecho-demo", "the audience tokens must name, and the client Swagger UI logs in as")
	flag.Parse() // with serve's -addr

	if *discovery == "" {
		p, err := startDevProvider(*clientID)
		if err != nil {
			log.Fatal(err)
		}
		defer p.Close()
		*discovery = p.URL + "/.well-known/openid-configuration"
		fmt.Fprintf(os.Stderr, "development provider at %s: get a token with\n  curl -s -d username=alice %s/token\n", p.URL, p.URL)
	}
	serve(newApp(*discovery, *clientID))
}
