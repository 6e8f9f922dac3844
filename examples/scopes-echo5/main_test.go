package main

import (
	"testing"

	"github.com/fastecho/fastecho/examples/internal/scopestest"
	"github.com/fastecho/fastecho/examples/internal/slashtest"
	. "github.com/fastecho/fastecho/internal/exampletest"
)

// The scopes example's tables and golden document: on Echo v5 the demo
// answers every request and documents itself exactly as on Echo v4.

func TestToken(t *testing.T) { Run(t, newApp(), scopestest.Token()) }

func TestRoutes(t *testing.T) { Run(t, newApp(), scopestest.Routes()) }

func TestRedirectSlashes(t *testing.T) { slashtest.Run(t, newApp(), scopestest.Redirects()) }

func TestOpenAPI(t *testing.T) {
	scopestest.OpenAPI(t, SameGolden(t, newApp(), "../scopes/testdata/openapi.json"))
}
