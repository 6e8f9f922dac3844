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
// The same on Echo v5 (echov5_test.go): raw5, fastecho5 (the typed/echov5
// adapter) and echomw5 (Echo v5's KeyAuth and BasicAuth, c.Bind). There is
// no echomw5 where echomw is echo-jwt (its v5 module is not served by the
// module proxy) and no huma5 (huma's humaecho supports Echo v4 only).
//
// Every error answer goes back to Echo's HTTPErrorHandler, as typed routes
// and Echo's own middleware do: the raw and echomw handlers set the
// challenge and return an error (on v4 an *echo.HTTPError whose Message is
// the {"detail": …} value, on v5 an error with StatusCode and MarshalJSON),
// so that every implementation's 401 and 422 pay Echo's error handler.
//
// Benchmarks are named Benchmark<Path>/<Case>/<impl>; each checks, before
// timing, that every implementation, on either Echo, answers the case with
// the same status, WWW-Authenticate and body. The OpenAPI benchmarks build and serve the
// document of 20 and 200 operations. BenchmarkFloor (floor_test.go) times the
// cheapest ways an answer could be written, as references for the ratios.
//
// This is its own module, so that huma, echo-jwt and the other comparison
// dependencies never enter the library's go.mod. `make results` (see the
// Makefile) runs every benchmark in interleaved rounds and writes
// RESULTS.md with cmd/results, beside the Echo v4 ratios of
// RESULTS.before.md (the report before the core/adapter refactor).
// The top-level `make bench-http` (cmd/httpload) measures the scopes demo over real HTTP
// on loopback instead: four server processes under vegeta, in a section of
// RESULTS.md of its own.
package bench
