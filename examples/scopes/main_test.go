package main

import (
	"testing"

	"github.com/fastecho/fastecho/examples/internal/scopestest"
	"github.com/fastecho/fastecho/examples/internal/slashtest"
	. "github.com/fastecho/fastecho/internal/exampletest"
)

// The tables are shared with examples/scopes-echo5, which must answer
// alike: see package scopestest.

func TestToken(t *testing.T) { Run(t, newApp(), scopestest.Token()) }

func TestRoutes(t *testing.T) { Run(t, newApp(), scopestest.Routes()) }

func TestRedirectSlashes(t *testing.T) { slashtest.Run(t, newApp(), scopestest.Redirects()) }

func TestOpenAPI(t *testing.T) { scopestest.OpenAPI(t, Golden(t, newApp())) }
