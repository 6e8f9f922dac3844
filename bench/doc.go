// Package bench measures fastecho against what an Echo user would otherwise
// write: every extraction path of package security and the OAuth2 password
// forms of package forms, each served by four implementations that give the
// same answer to the same request:
//
//   - raw: the best hand-written Echo handler a competent user would write,
//     answering with c.JSON;
//   - fastecho: a typed route (typed.Handle with a security scheme or a
//     forms dependency);
//   - echomw: Echo's own tools: the KeyAuth and BasicAuth middleware, the
//     echo-jwt middleware (with a ParseTokenFunc), and c.Bind with a
//     validator for forms;
//   - huma: huma v2 on Echo through humaecho.
//
// Benchmarks are named Benchmark<Path>/<Case>/<impl>; each checks, before
// timing, that every implementation answers the case with the same status,
// WWW-Authenticate and body. The OpenAPI benchmarks build and serve the
// document of 20 and 200 operations.
//
// This is its own module, so that huma, echo-jwt and the other comparison
// dependencies never enter the library's go.mod. `make results` (see the
// Makefile) runs every benchmark in interleaved rounds and writes
// RESULTS.md with cmd/results.
package bench
