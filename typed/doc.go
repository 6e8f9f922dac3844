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
// # Constraints
//
// A field's constraints are declared once and both checked and documented
// (package openapi). validate tags run through go-playground/validator;
// their failures are pydantic's errors for the same constraint (gte=0 is
// greater_than_equal with ctx {"ge": 0}, max=50 on a string is
// string_too_long, oneof is enum, alpha is string_pattern_mismatch with
// the documented pattern), in pydantic's order among the rules of one
// value. The schema tags that constrain (minimum, maximum,
// exclusiveMinimum, exclusiveMaximum, multipleOf, minLength, maxLength,
// pattern, minItems, maxItems, uniqueItems, minProperties, maxProperties,
// enum, const) are enforced with pydantic's errors too; pattern has
// pydantic's semantics: it searches (anchor it with ^ and $), $ matches
// only at the very end, \d \w \s are Unicode-aware. A schema tag that
// would document a check nothing makes (minLength on a number, a format
// that only a validate rule checks, a keyword its validate tag sets too)
// panics at registration, naming the validate rule to write. Rules on a
// pointer hold for what it points to: nil (absent, or JSON null) skips
// them, as pydantic skips the constraints of an Optional value that is
// None; "required" still applies. The structs inside a JSON field are
// checked at every depth, their lists' elements included without "dive".
// Defaults are not validated, as in pydantic; a list parameter's default
// is a JSON array (default:"[\"foo\",\"bar\"]").
//
// A parameter tagged hidden:"true" is read and validated but left out of
// the document (FastAPI's include_in_schema=False).
//
// # Responses
//
// The success status is 200 unless the operation says otherwise:
// [Handler.Status] (FastAPI's status_code=…, on the method shortcuts too)
// or [Operation].Status. A result that is a [StatusCoder], such as
// [Reply], picks its status per request. A result that is a [Responder]
// writes itself and documents its media type: [HTML], [Text], [Bytes],
// [File] (a download), [Redirect], [Stream] and [Events] (Server-Sent
// Events, flushed one by one). [JSONResponse], returned in place of the
// error, answers another model with another status, as FastAPI's
// JSONResponse. [Responses] document more responses, with models,
// descriptions and headers: per operation, per handler
// ([Handler.Responses]) and per router ([API.WithResponses]), merged
// status by status as FastAPI merges them.
//
// # Files
//
// A form field of type []byte (FastAPI's bytes) or [UploadFile] (a file
// only), or a slice of either, takes uploaded files from a
// multipart/form-data body, which is streamed: files beyond 1 MiB wait in
// temporary files, removed when the request ends. Files are validated
// with the other fields, documented as binary, and held to the route's
// body limit ([Handler.BodyLimit], [Operation].MaxBodyBytes; 413 beyond).
//
// # Cleanups
//
// A dependency made with [Yield] or [YieldDepends] (FastAPI's dependency
// with yield) returns a cleanup, which runs when the request ends, on
// every outcome, with the request's error: enough to commit or roll back.
// Cleanups run in reverse order of setup; one that panics is logged and
// changes nothing. Any dependency can register one with [Cleanup].
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
