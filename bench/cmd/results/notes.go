package main

// notes explain each kind of miss: where the cost is and what would remove
// it. The profiles printed under the misses are the evidence for the run at
// hand; these notes were written from the same profiles, of the library
// after the core/adapter refactor (typed routes return every error to
// Echo's HTTPErrorHandler; no per-request pooling; one form parser,
// internal/httpx), and name the functions to look for in them.
// "Experiment" figures come from the library patched in a scratch copy,
// never in the tree; allocation counts are exact, times on this machine
// are not.
var notes = map[string]string{
	"success": "**Why (success path).** The scheme itself still costs nothing (security/alloc_test.go). What a typed " +
		"route pays per request now, by the profiles: `typed.newRequest` allocates the request state (no pool any " +
		"more); `typed.writeJSON` encodes with `json.Marshal` (the pooled encoder is gone) and sets Content-Type " +
		"with `Header().Set`, which allocates the value slice (`net/textproto.MIMEHeader.Set`) where a shared " +
		"slice did not; and on Echo v4 `echov4.handoff` (typed/echov4/errors.go) allocates on every request, " +
		"errors or not: `var sm statusMarshaler` escapes through `errors.As(err, &sm)` and is declared before the " +
		"`err == nil` test. Experiments: a type switch in handoff (nil, `*typed.HTTPError`, " +
		"`*typed.RequestValidationError`, then errors.As) saves that allocation (at 887fe1e, 7 interleaved " +
		"rounds: APIKeyHeader/OK fastecho/raw about 1.3 → 0.8, Bearer/OK 1.8 → 1.5; indicative on this loaded " +
		"machine); a shared Content-Type slice saves one more on either Echo (at 16d0ba2). On Echo v5 raw5 is the hardest reference: v5's " +
		"`c.JSON` does not parse the query for `?pretty` as v4's does (2 allocations, not 3), so typed's fixed " +
		"costs (request state, deferred panic recovery, `Resolve`'s override lookup, the allocations above) " +
		"weigh more against it.",
	"success-allocs": "**Allocations (success path).** Echo v4: the request state " +
		"(`typed.newRequest`), the answer boxed into `any` (`typed.newHandler`'s closure), the encoded bytes " +
		"(`encoding/json.Marshal`), the Content-Type value (`MIMEHeader.Set`) and handoff's escaping variable; " +
		"Basic adds the decoded credentials (`security.(*HTTPBasic).Resolve`). Echo v5: the same but handoff's. " +
		"Before the refactor: 1, the answer boxed (Basic 2).",
	"401": "**Why (401).** By design since the refactor, a typed 401 is returned to Echo's HTTPErrorHandler, as raw's " +
		"and Echo's middleware's are in these benchmarks, so the target is ≤ 1.1 of raw. A prepared 401 written " +
		"directly would cost about 0.15 of raw (Floor/401/direct, 0 allocations), but through Echo's default error " +
		"handler even a prepared body costs about what raw's 401 does (Floor/401/errorhandler, about 0.8–1.0 of raw), " +
		"so the margin is small. What fastecho pays above raw, whose 401 allocates 4 times " +
		"(the header values, Echo's query parse for `?pretty`), by the profile: `typed.(*HTTPError).MarshalJSON` encodes `{\"detail\": …}` per request " +
		"with `json.Marshal` of a struct holding `any` (2 allocations), and encoding/json then validates and " +
		"compacts whatever a MarshalJSON returns (`encoding/json.appendCompact`) — together about a third of the " +
		"CPU, where raw's `c.JSON` encodes its `*detail` once; `echov4.handoff`: `errors.As` with an interface " +
		"target (`internal/reflectlite.implements`, about a tenth of the CPU), its escaping variable and the " +
		"`*echo.HTTPError` (2 allocations); `(*HTTPError).setHeaders` copying the challenge's values (1); the " +
		"request state (1); and, since 917fba8, `typed.(*errorSet).add` (typed/accumulate.go), which gathers " +
		"validation errors: its `var ve *RequestValidationError` escapes through `errors.As`, one allocation " +
		"and a reflective walk for every error, a 401 included (a type assertion first would avoid both). " +
		"Experiments at 887fe1e (7 interleaved rounds, indicative): type assertions before `errors.As` in " +
		"`errorSet.add` and `handoff` take APIKeyHeader/Missing from 9 to 7 allocations and fastecho/raw from " +
		"about 3.1 to 1.9 (Bearer/Missing 3.2 → 2.3); handing Echo v4 the body as a plain value besides " +
		"(`Message: struct{Detail any}` for an `HTTPError` without Body, the typed error staying in " +
		"`Internal`), which `c.JSON` encodes directly as it does raw's, without MarshalJSON and the compaction: " +
		"6 allocations and about 1.2–1.7. A string fast path in MarshalJSON (`{\"detail\":` + " +
		"`typed.appendString`) saves one allocation on either Echo (at 16d0ba2). On " +
		"Echo v5, raw5 also answers through a MarshalJSON (v5's default handler encodes a custom body no other " +
		"way), so the two are closer. A 401 after the scopes chain also pays the chain (see the chain).",
	"form": "**Why (password form).** `forms.Password` now reads its fields with `typed.Form`, i.e. " +
		"`httpx.Form` (internal/httpx/form.go), which builds a `map[string][]string`, copying every key and value " +
		"(`Unescape(string(body[…]))`) and allocating each value's slice: 12 allocations for the benchmark's 5 " +
		"fields, where the form parser of package forms before the refactor allocated once. `typed.readBody` " +
		"(typed/body.go) sizes a `bytes.Buffer` from Content-Length, then `bytes.Buffer.ReadFrom` insists on " +
		"`bytes.MinRead` (512) free bytes, so a small body is copied into new buffers (`bytes.growSlice`, 3), " +
		"besides `io.LimitReader`'s allocation (experiment: `io.ReadFull` into a slice of Content-Length + 1 bytes " +
		"saves 2). The 422 goes through Echo's error handler: `appendValidationErrors` builds the body, then " +
		"encoding/json validates and compacts it again inside `c.JSON` (`encoding/json.appendCompact`), so the " +
		"one-pass encoder no longer saves anything against raw's `c.JSON`. The ≤ 0.6 target was met before the " +
		"refactor (0.17–0.37).",
	"form-allocs": "**Allocations (password form).** `httpx.Form` 13 (the map, each key, value " +
		"and value slice), the body read 5 (`io.LimitReader`, `bytes.growSlice`), the scope list " +
		"(`forms.splitScope`), the request state, the answer and its encoding, Content-Type, handoff; a 422 adds " +
		"the `RequestValidationError`, its entries and their encoding (`typed.(*ValidationError).appendJSON`, " +
		"`typed.appendString`). Before the refactor: 4 in all (422: 2–5).",
	"chain": "**Why (scopes chain).** The tutorial's chain (two `security.Security` levels, two cached dependencies) " +
		"allocates per request, by the profile: `typed.(*Request).WithScopes` (typed/request.go) builds a new view " +
		"at each level, with the merged list (`typed.mergeScopes`), a sorted copy for the memo key (`slices.Clone`) " +
		"and the joined ScopeStr and key (`strings.Join`); `typed.Resolve` copies an own view (`v := *r; r = &v`, " +
		"escaping: 2); `typed.cached` concatenates its key (`\"\\x00\" + r.scopeKey`, 1); `typed.memo` appends " +
		"its entries to a nil slice (2); then the success path's own (above). Before the refactor the views were " +
		"pooled and the merged lists remembered: 6 allocations, 5 of them the tutorial's own code (token decoding, " +
		"the challenge string, the item list) and the answer boxed for encoding, against about 24 now. The handler-side code is the tutorial's " +
		"(`get_current_user` builds its `WWW-Authenticate` value with `ScopeStr` on every request, where raw uses " +
		"a constant).",
	"echomw": "**Why (against Echo's middleware).** Both sit on the same Echo routing, response writing and, now, " +
		"error handler. Where the middleware's own work is small (KeyAuth, BasicAuth), fastecho's fixed costs " +
		"above (request state, encoding, handoff, the error's re-encoding) are of the same order as the whole " +
		"middleware, so 0.7 of it leaves little room; on a 401 the middleware's body is prepared once.",
	"huma": "**Why (against huma).** huma pays its own binding, validation and error model; its 401 is an error " +
		"value prepared once and written by huma itself, while fastecho's goes through Echo's error handler (see " +
		"the 401 cause); in the form benchmark huma reads the raw body itself (see bench/doc.go), so it does not " +
		"pay a form parser's work, while fastecho parses the form as Starlette does (Latin-1 bytes, %-decoding, " +
		"python-multipart's separators) into a map and splits scopes.",
	"openapi-serve": "**Why (serving /openapi.json).** The bytes are cached and served with prebuilt header slices " +
		"(ETag, Cache-Control, Content-Type) and one `Write`: no allocation beyond Echo's.",
	"openapi-cold": "**Why (first document).** See the profile: the time is swaggest's reflection of each type " +
		"(`openapi.(*schemas).typeSchema`) and the encoding of the document.",
}

// noteOrder is the order of the notes under a miss.
var noteOrder = []string{"success", "success-allocs", "401", "form", "form-allocs", "chain", "echomw", "huma",
	"openapi-serve", "openapi-cold"}
