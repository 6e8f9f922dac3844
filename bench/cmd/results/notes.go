package main

// notes explain each kind of miss: where the cost is and what would remove
// it. The profiles printed under the misses are the evidence for the run at
// hand; these notes were written from the same profiles (after the
// core/adapter refactor, where typed routes return every error to Echo's
// HTTPErrorHandler and no longer pool their request state) and name the
// functions to look for in them. "Experiment" figures come from the library
// patched in a scratch copy, never in the tree.
var notes = map[string]string{
	"success": "**Why (success path).** The scheme still costs nothing (security/alloc_test.go), and the answer " +
		"is still written by `typed.writeJSON` with a pooled encoder. What the refactor added is per request: " +
		"`typed.newRequest` now allocates the request state (`requestState`, no pool any more), about a sixth of " +
		"fastecho's CPU in the APIKeyHeader/OK profile; and on Echo v4 `echov4.handoff` (typed/echov4/errors.go) " +
		"allocates on every request, errors or not: `var sm statusMarshaler` escapes through " +
		"`errors.As(err, &sm)` and is declared before the `err == nil` test (experiment: a type switch on nil, " +
		"`*typed.HTTPError` and `*typed.RequestValidationError` before the errors.As fallback takes the v4 success " +
		"path from 3 to 2 allocations). On Echo v5 the comparison is harder: raw5's `c.JSON` is cheaper than " +
		"v4's (it does not parse the query for `?pretty`: 2 allocations, not 3), so typed's fixed costs (the " +
		"request state, the deferred panic recovery, `Resolve`'s override lookup) weigh more against it.",
	"success-allocs": "**Allocations (success path).** Echo v4: 3, where the target allows 2 — the request state " +
		"(`typed.newRequest`), the answer boxed for encoding/json (`typed.newHandler`'s closure) and " +
		"`echov4.handoff`'s escaping variable (see above); Basic adds the decoded credentials string. Echo v5: 2 " +
		"(Basic 3): no handoff.",
	"401": "**Why (401).** By design since the refactor, a typed 401 is returned to Echo's HTTPErrorHandler, as raw's " +
		"and Echo's middleware's are in these benchmarks. The ≤ 0.5 target dates from when typed wrote a prepared " +
		"401 itself (Floor/401/direct, 0 allocations, about 0.15 of raw); through Echo's default error handler " +
		"even a prepared body costs about what raw's 401 does (Floor/401/errorhandler ≈ 0.8–1.0 of raw), so the " +
		"target cannot be met by any implementation of the new design. What fastecho pays above raw (v4 " +
		"APIKeyHeader/Missing: 8 allocations against 4): `typed.(*HTTPError).MarshalJSON` encodes " +
		"`{\"detail\": …}` with json.Marshal of a struct holding `any` on every request (2 allocations), and " +
		"encoding/json then validates and compacts what a MarshalJSON returns (`encoding/json.appendCompact`) — " +
		"together about a third of the CPU, where raw's `c.JSON` encodes its `*detail` once; `echov4.handoff`: " +
		"`errors.As` with an interface target (`internal/reflectlite.implements`, about a tenth of the CPU), its " +
		"escaping variable and the `*echo.HTTPError` (2 allocations); `(*HTTPError).setHeaders` copying the " +
		"challenge's values (1); the request state (1). Experiment: the handoff type switch and a string fast path " +
		"in MarshalJSON (`{\"detail\":` + `appendString`) take v4's 401 from 8 to 6 allocations. On Echo v5 raw5 " +
		"also answers through a MarshalJSON (Echo v5's error handler encodes an error only that way), so the " +
		"ratio there is close to 1. A 401 after the scopes chain also pays the chain (see the chain's cause).",
	"form": "**Why (password form).** Success: `typed.readBody` (typed/body.go) sizes a `bytes.Buffer` from " +
		"Content-Length, then `bytes.Buffer.ReadFrom` insists on `bytes.MinRead` (512) free bytes, so a small body " +
		"is copied into new buffers three times (`bytes.growSlice`), besides `io.LimitReader`'s allocation " +
		"(experiment: `io.ReadFull` into a slice of Content-Length + 1 bytes takes the v4 OK path from 9 to 6 " +
		"allocations together with the handoff fix). 422: the `RequestValidationError` now goes through Echo's " +
		"error handler: `appendValidationErrors` builds the body, then encoding/json validates and compacts it " +
		"again inside `c.JSON` (`encoding/json.appendCompact`); raw's 422 is one `c.JSON` of its own slice, so the " +
		"one-pass encoder no longer saves anything. The ≤ 0.6 target was met before the refactor (0.33–0.37) when " +
		"typed wrote its 422 itself.",
	"form-allocs": "**Allocations (password form).** The body read (`typed.readBody`: `io.LimitReader`, three " +
		"`bytes.growSlice`, see above), the decoded values, the scope list (`forms.splitScope`), the request " +
		"state, the answer, and on v4 handoff's; a 422 adds the `RequestValidationError`, its entries and their " +
		"encoding (`typed.(*ValidationError).appendJSON`, `typed.appendString`).",
	"chain": "**Why (scopes chain).** Per request the tutorial's chain (two `security.Security` levels, two cached " +
		"dependencies) now allocates where it did not: `typed.(*Request).WithScopes` (typed/request.go) builds a " +
		"new view, a merged scope list (`typed.mergeScopes`) and its joined ScopeStr (`strings.Join`) at each " +
		"level — before the refactor the views were pooled and the merged lists remembered (0 allocations); " +
		"`typed.memo` appends its two entries to a nil slice (2 allocations: a small inline array in the request " +
		"state would avoid them); plus the request state and, on v4, handoff. 15 allocations on v4 (6 before), " +
		"of which 6 are the tutorial's own code (token decoding, the challenge string, the item list), as raw's. " +
		"The handler-side code is the tutorial's (`get_current_user` builds its `WWW-Authenticate` value with " +
		"`ScopeStr` on every request, where raw uses a constant).",
	"echomw": "**Why (against Echo's middleware).** Both sit on the same Echo routing, response writing and, now, " +
		"error handler. Where the middleware's own work is small (KeyAuth, BasicAuth), fastecho's fixed costs " +
		"above (the request state, handoff, the error's re-encoding) are of the same order as the whole " +
		"middleware, so half of it is out of reach; on 401s the middleware answers with a body prepared once.",
	"huma": "**Why (against huma).** huma pays its own binding, validation and error model; its 401 is an error " +
		"value prepared once and written by huma itself, while fastecho's goes through Echo's error handler (see " +
		"the 401 cause); in the form benchmark huma reads the raw body itself (see " +
		"bench/doc.go), so it does not pay a form parser's work, while fastecho parses the form as Starlette does " +
		"(Latin-1 bytes, %-decoding, python-multipart's separators) and splits scopes.",
	"openapi-serve": "**Why (serving /openapi.json).** The bytes are cached and served with prebuilt header slices " +
		"(ETag, Cache-Control, Content-Type) and one `Write`: no allocation beyond Echo's.",
	"openapi-cold": "**Why (first document).** See the profile: the time is swaggest's reflection of each type " +
		"(`openapi.(*schemas).typeSchema`) and the encoding of the document.",
}

// noteOrder is the order of the notes under a miss.
var noteOrder = []string{"success", "success-allocs", "401", "form", "form-allocs", "chain", "echomw", "huma",
	"openapi-serve", "openapi-cold"}
