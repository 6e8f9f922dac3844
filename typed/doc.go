// Package typed registers generic, typed handlers on Echo and resolves their
// dependencies — credentials, forms, anything else — before the handler
// runs. It is the dependency machinery of fastecho, as fastapi.dependencies
// is FastAPI's.
//
// # Handlers
//
// [Handle] takes a dependency and a function of the Echo context, the bound
// request and the dependency's value:
//
//	api := typed.New(e) // e is an *echo.Echo or an *echo.Group
//	api.GET("/items", typed.Handle[ItemsQuery, []Item](oauth2, listItems))
//
//	func listItems(c echo.Context, q ItemsQuery, token string) ([]Item, error)
//
// Before listItems runs, the dependency is resolved (a failure, such as a
// missing credential, answers 401 and listItems never runs) and ItemsQuery
// is bound from the path, query, headers, cookies and body and validated
// (see [Bind]; a failure answers 422 in FastAPI's shape). The result is
// sent as JSON with the operation's success status.
//
// # Dependencies
//
// A [Dep] resolves one value per request. [Func], [Depends], [Depends2] and
// [Depends3] build chains of them, as FastAPI's Depends does; a dependency
// reached twice in one request runs once. Package security wraps
// dependencies with scopes (Security), and [Request.Scopes] gives each
// dependency the scopes accumulated above it, as FastAPI's SecurityScopes.
//
// # Errors
//
// A handler or dependency returns an [*HTTPError] (FastAPI's HTTPException)
// to answer with a status, {"detail": …} and headers. Such errors, and 422s,
// are written directly (a prepared error costs no allocation); any other
// error goes to Echo's HTTPErrorHandler. With [Options].EchoErrors every
// error goes there, as an *echo.HTTPError whose Message encodes the body
// and whose Internal is the original error (see [EchoError]).
//
// With [Options].ProblemDetails every such error is answered as RFC 9457
// application/problem+json instead ([Problem]). A panic in a handler or a
// dependency is logged and answered 500 without details; a body over
// [Options].MaxBodyBytes (1 MiB by default) is a 413.
//
// # Tests and WebSockets
//
// [Override] replaces a dependency wherever it is reached, on one API, as
// FastAPI's app.dependency_overrides; restore it when the test ends.
// [Upgrade] guards a route that answers by itself — a WebSocket endpoint —
// with the same dependencies: they resolve before the upgrade, and a
// failure is an ordinary HTTP answer.
//
// # Documentation
//
// Every registration records an [Operation] — method, full path, request and
// response types, parameters, body, security requirements with scopes — and
// package openapi turns [API.Operations] into an OpenAPI document. All
// reflection happens at registration; a request runs a prepared plan.
package typed
