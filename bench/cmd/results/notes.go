package main

// notes explain each kind of miss: where the cost is and what would remove
// it. The profile printed under each miss is the evidence for the run at
// hand; these notes were written from the same profiles and name the
// functions to look for in them.
var notes = map[string]string{
	"success": `**Why (success path).** The scheme itself costs nothing (security/alloc_test.go holds every ` +
		`scheme to 0 allocations, Basic to 1). The time and allocations beyond raw are typed's answer: ` +
		"`typed.newHandler` answers with `c.JSON(status, resp)`, and Echo's `c.JSON` parses the query string " +
		"for `?pretty` (`context.QueryParams` → `url.ParseQuery`: a map per request, and for APIKeyQuery the whole " +
		"query parsed a second time, fastecho having read its key with `httpx.LastQuery` without allocating), " +
		"sets Content-Type with `Header.Set` (a `[]string` per request) and encodes through `json.NewEncoder` " +
		"with `resp` boxed into `any`. Raw pays the same three, so fastecho is at best raw plus typed's per-request " +
		"bookkeeping (`newRequest`/`release`, the deferred panic recovery, `Resolve`'s override lookup). " +
		"**Fix, in typed (handler.go):** write the success answer without `c.JSON`: assign a shared, capacity-1 " +
		"`[]string{\"application/json\"}` to `h[\"Content-Type\"]` (no allocation), `WriteHeader(status)`, encode " +
		"`resp` into a pooled buffer and `Write` it once (keep `?pretty` only when `c.Echo().Debug` or the raw query " +
		"contains `pretty`, by falling back to `c.JSON`). That leaves one allocation (`resp` boxed) and drops the " +
		"query parse; the References table (Floor/OK/direct) measures it.",
	"success-allocs": "**Allocations (success path).** See the success-path cause: `url.ParseQuery` (from `c.JSON`), `textproto.MIMEHeader.Set` " +
		"(Content-Type) and the boxing of `resp` are the three; typed's own state is pooled and the scheme allocates " +
		"nothing (Basic: the decoded string, by design).",
	"401": `**Why (401).** The scheme returns an error prepared once (body encoded, Echo answer built), so the ` +
		"request costs no encoding in package security. What costs is the way the answer is written: " +
		"`typed.(*config).fail` → `typed.EchoError`, whose `errors.As(err, &he)` moves `he` to the heap " +
		"(1 allocation and reflection on every error), then Echo's `DefaultHTTPErrorHandler` → `c.JSON(code, " +
		"*HTTPError)`: `QueryParams` (1 allocation), `Header.Set` of Content-Type (1 allocation) and encoding/json's " +
		"`marshalerEncoder`, which calls `MarshalJSON` and then re-validates the pre-encoded body with " +
		"`appendCompact`. In the profiles `DefaultHTTPErrorHandler` is about 60% of the request. Raw's 401 is one " +
		"`Header.Set` and one `c.JSON`, so this path cannot get under raw, let alone half of it, while it goes through " +
		"Echo's error handler. **Fix, in typed (errors.go, problem.go):** (1) in `EchoError` try " +
		"`err.(*HTTPError)` before `errors.As` (no allocation, no reflection, for every prepared error); (2) answer a " +
		"prepared `HTTPError` (its `body` set by `Prepare`) directly: copy its header slices as now, assign a shared " +
		"Content-Type slice, `WriteHeader(status)`, `Write(body)` and return nil — behind an Options switch if custom " +
		"Echo error handlers must keep seeing 401s (STYLE rule 13). The References table measures both ways on the " +
		"same Echo: the prepared 401 written directly costs a fraction of raw's, returned to Echo's error handler " +
		"about as much as raw's.",
	"form": `**Why (password form 422).** A form whose only faults are missing fields now returns a 422 ` +
		"prepared once in package forms (no encoding per request). A grant_type mismatch echoes the value sent, so " +
		"its body is encoded per request, by typed: `HTTPError.MarshalJSON` → `json.Marshal(struct{Detail any})` → " +
		"`ValidationError.MarshalJSON` for each entry → `json.Marshal(plain(e))`; encoding/json compacts the output " +
		"of every nested `MarshalJSON`, and Echo's `c.JSON` compacts the whole body once more (`appendCompact` is about " +
		"a third of the CPU), with reflection over `Loc []any` and `Ctx map[string]any`. **Fix, in typed " +
		"(validation_error.go, errors.go):** encode a `RequestValidationError` body in one pass with an append-based " +
		"encoder (strings quoted with a JSON string quoter, `Loc` elements string/int, `Input` string/nil, anything " +
		"else and `Ctx` through `json.Marshal`), and write it directly as for the 401 above, so that nothing " +
		"re-compacts it.",
	"form-allocs": "**Allocations (password form 422).** See the password-form cause: each nested `json.Marshal` allocates its result, and Echo's " +
		"answer adds `QueryParams` and Content-Type.",
	"chain": `**Why (scopes chain).** The tutorial's chain has two ` + "`security.Security`" + ` levels and two ` +
		"cached dependencies. `security.Scopes` no longer allocates (shared list, remembered `ScopeStr`). What " +
		"remains is typed's: `Request.WithScopes` allocates a new `*Request` and a merged slice at each level " +
		"(`typed.mergeScopes`, 4 allocations per request here), and `typed.cached` joins the scopes into a string " +
		"key for each cached dependency (`strings.Join`, 1 allocation per level with two or more scopes), plus " +
		"`c.JSON`'s answer (see the success note). **Fix, in typed (request.go):** keep the scope views in the pooled " +
		"`requestState` (a small array of `Request` values and one `[]string` buffer reused across requests), and " +
		"key the cache by the view (its index, or the merged slice's identity) instead of a joined string; expose " +
		"the joined scopes of a view (computed once) so that `security.Scopes` and the cache share it.",
	"echomw": "**Why (against Echo's middleware).** The middleware does the same extraction and answers with the same " +
		"`c.JSON`; both sit on the same Echo routing and response writing, which is most of either's cost, so a " +
		"0.5 ratio needs fastecho's answer to be much cheaper than `c.JSON`: the typed changes of the causes above.",
	"huma": "**Why (against huma).** huma pays its own input binding and validation and its error model; fastecho's " +
		"floor is Echo's routing plus `c.JSON` (or Echo's error handler for a 401). Reaching 0.5 needs the typed " +
		"changes of the causes above.",
	"openapi-serve": "**Why (serving /openapi.json).** The bytes are cached; per request `openapi.(*blob).serve` sets " +
		"ETag and Cache-Control with `Header.Set` (a `[]string` each) and `c.Blob` sets Content-Type the same way. " +
		"**Fix, in openapi (mount.go):** keep prebuilt, capacity-1 slices in `blob` (ETag, Cache-Control, " +
		"Content-Type) and assign them to the canonical keys (`h[\"Etag\"]`, …), then `WriteHeader` and `Write`: " +
		"no allocation at all, fewer than the `c.Blob` route it is compared with.",
	"openapi-cold": "**Why (first document).** See the profile: the time is swaggest's reflection of each type " +
		"(`openapi.(*schemas).typeSchema`) and the encoding of the document.",
}

// noteOrder is the order of the notes under a miss.
var noteOrder = []string{"success", "success-allocs", "401", "form", "form-allocs", "chain", "echomw", "huma",
	"openapi-serve", "openapi-cold"}
