// Package typed registers generic, typed handlers and resolves their
// dependencies — credentials, forms, anything else — before the handler
// runs. It is the dependency machinery of fastecho, as fastapi.dependencies
// is FastAPI's. It depends on net/http alone: the host framework is reached
// through an adapter, typed/echov4 for Echo v4 and typed/echov5 for Echo v5.
//
// # Handlers
//
// [Handle] takes a dependency and a function of the host's context, the
// bound request and the dependency's value:
//
//	api := echov4.New(e) // e is an *echo.Echo or an *echo.Group
//	api.GET("/items", typed.Handle[ItemsQuery, []Item](oauth2, listItems))
//
//	func listItems(c echo.Context, q ItemsQuery, token string) ([]Item, error)
//
// On Echo v5 the same declaration takes a *echo.Context and registers on
// echov5.New(e). The context type is a type parameter of [Handler], so a v4
// handler registered on a v5 API does not compile.
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
// reached twice in one request runs once ([Memo]). [Resolve] is the one way
// to resolve a dependency: it applies [Override]. Package security wraps
// dependencies with scopes (Security), and [Request.Scopes] gives each
// dependency the scopes accumulated above it, as FastAPI's SecurityScopes.
//
// # Errors
//
// A handler or dependency returns an [*HTTPError] (FastAPI's HTTPException)
// to answer with a status, {"detail": …} and headers. Every error goes back
// to the host framework, whose error handler answers it, as Echo's own
// middleware does: a typed route first sets the error's headers (a
// WWW-Authenticate challenge) on the response, then returns the error, so
// the application's error handler and middleware see every 401, 422, 413
// and 500, and find the typed error with errors.As. HTTPError and
// [RequestValidationError] encode their own bodies (MarshalJSON), so Echo's
// default error handler writes FastAPI's shapes; the adapters also ship an
// error handler (echov4.ErrorHandler, echov5.ErrorHandler) that answers
// Echo's own 404 and 405 and plain errors in FastAPI's shape too.
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
// reflection happens at registration; a request runs the plan made then.
//
// # Adapters
//
// An adapter implements [Adapter] for its host's context type and [Mux]
// for plain routes, makes its API with [NewAPI], and registers each typed
// route with [NewRoute]. typed/echov4 and typed/echov5 are two short
// examples.
package typed
