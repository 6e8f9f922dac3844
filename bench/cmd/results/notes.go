package main

// notes explain each kind of miss: where the cost is and what would remove
// it. The profiles printed under the misses are the evidence for the run at
// hand; these notes were written from the same profiles, of the library
// after issue 16's work (request state sized at registration, JSON through
// per-type plans and a pooled buffer, remembered scope merges, one form
// parser without copies), and name the functions to look for in them.
// Allocation counts are exact; times on this shared machine are not.
var notes = map[string]string{
	"success": "**Why (success path).** A typed route's fixed costs per request, by the profiles: " +
		"`typed.newRequest` (one allocation, the request state, 208 B: holding memo entries inline too made " +
		"the success paths about 20% slower, by the regression guard; a route whose dependencies memoize or " +
		"add scopes gets `typed.newChainRequest`, 448 B with room for two memo entries and two views, " +
		"decided at registration), the result boxed into `any` for `typed.(*route).write` (one allocation " +
		"unless the result is pointer-shaped), `typed.Resolve` (an override lookup and an interface call " +
		"per dependency), two deferred calls (`typed.finish` for cleanups, `recoverPanic`), and the pooled " +
		"JSON writer (`sync.(*Pool).Get`/`Put`). The encoding itself is cheaper than raw's `c.JSON`: a " +
		"result type's plan is made at registration (`typed.(*planner).structPlan`, BenchmarkEncodePlan, " +
		"BenchmarkWriteJSONPlan) and writes into a pooled buffer. On Echo v5 raw5 is the hardest reference: " +
		"v5's `c.JSON` does not parse the query for `?pretty` as v4's does, so the fixed costs above weigh " +
		"more against it. Removing the state allocation would need pooling it, which the core/adapter issue " +
		"ruled out (a dependency may keep its *Request).",
	"success-allocs": "**Allocations (success path).** The request state and the boxed result: 2, against raw's " +
		"3 on v4 (its encoder, Content-Type value, query parse) and 2 on v5. Basic adds the decoded " +
		"credentials (`security.(*HTTPBasic).Resolve`), as raw's decoding does.",
	"401": "**Why (401).** A typed 401 is returned to Echo's HTTPErrorHandler, as raw's and Echo's middleware's are " +
		"in these benchmarks, and that handler is most of the time of both (`echo.(*Echo).DefaultHTTPErrorHandler`: " +
		"`c.JSON`, its `?pretty` query parse on v4, the Content-Type value). What fastecho adds, by the profile: " +
		"the request state (1 allocation), `echov4.handoff`'s `*echo.HTTPError` and the boxed `{detail}` value " +
		"it hands Echo v4 (raw allocates its `*echo.HTTPError` too), `typed.(*HTTPError).setHeaders` (the " +
		"challenge's values shared, not copied; names already canonical skip `CanonicalMIMEHeaderKey`), and the " +
		"dependency's resolution. Since this issue a string-detail HTTPError reaches Echo v4 as a plain value, " +
		"so `encoding/json.appendCompact` no longer re-validates a MarshalJSON output. On Echo v5, raw5 also " +
		"answers through a MarshalJSON (v5's default handler encodes a custom body no other way), so the two " +
		"are within noise. A 401 after the scopes chain also pays the chain's state and scopes copy.",
	"form": "**Why (password form).** `forms.Password` reads the body once (`typed.readBody`: one buffer sized " +
		"from Content-Length, the limit checked without `io.LimitReader`), parses it as Starlette does " +
		"(`typed.parseURLEncoded`: the body converted to a string once, names and values substrings unless " +
		"they need decoding, every name entered once in one map) and reads its six fields with " +
		"`typed.FormValue`, so it builds no second map; the scope list is split (`forms.splitScope`). " +
		"A 422 goes through Echo's error handler: `typed.appendValidationErrors` builds " +
		"the body, then on Echo v4 `encoding/json.appendCompact` validates and compacts it again inside " +
		"`c.JSON` (about a fifth of the CPU of the 422); handing Echo a native value instead would need a " +
		"reflective mirror of pydantic's error shape (types, locations, inputs, ctx), which would be a second " +
		"encoder of the same errors. huma reads the raw body itself (see bench/doc.go), so it pays no form " +
		"parser; the 0.6 target was met before the core/adapter refactor by a second parser that the issue " +
		"removed.",
	"form-allocs": "**Allocations (password form).** 12 on the OK path against raw's 25 (BenchmarkParseForm: " +
		"27 → 10 for the parse and Form's map; forms.Password builds no map since it reads with " +
		"`typed.FormValue`): the body buffer and its string, the parsed form, its map and shared slice array, " +
		"a decoded value, the scope list, the request state and its memo, the answer boxed. A 422 adds the " +
		"RequestValidationError and its entries.",
	"chain": "**Why (scopes chain).** The tutorial's chain (two `security.Security` levels, two memoized " +
		"dependencies) now allocates once for its state (`typed.newChainRequest`: memo entries and views " +
		"inside), its `WithScopes` merges are remembered by the route's scope sets (`typed.(*scopeSet).with`, " +
		"BenchmarkWithScopes: 12 → 2 allocations), and `SecurityScopes` gets its own copy of the scopes " +
		"(`security.(*scopesDep).Resolve`: one allocation, so that a handler may change its list as in " +
		"FastAPI). The rest of the time is the chain's own work: two memo lookups and closures " +
		"(`typed.memo`), four `typed.Resolve` calls through interfaces, the views, then the success path's " +
		"costs; raw does the same checks inline. Of the allocations, 4 are the tutorial's own code in both " +
		"implementations (token decoding, the item list).",
	"echomw": "**Why (against Echo's middleware).** Both sit on the same Echo routing, response writing and error " +
		"handler. Where the middleware's own work is small (KeyAuth, BasicAuth), fastecho's fixed costs " +
		"(request state, dependency resolution, deferred cleanups) are of the same order as the whole " +
		"middleware, so 0.7 of it leaves little room, mostly on the 401s, whose body the middleware prepares once.",
	"huma": "**Why (against huma).** huma pays its own binding, validation and error model; its 401 is an error " +
		"value prepared once and written by huma itself, while fastecho's goes through Echo's error handler (see " +
		"the 401 cause); in the form benchmark huma reads the raw body itself (see bench/doc.go), so it does not " +
		"pay a form parser's work, while fastecho parses the form as Starlette does (Latin-1 bytes, %-decoding, " +
		"python-multipart's separators) into a map and splits scopes.",
	"openapi-serve": "**Why (serving /openapi.json).** The bytes are built once and served with prebuilt header " +
		"slices (ETag, Cache-Control, Content-Type) and one `Write`: no allocation beyond Echo's.",
	"openapi-cold": "**Why (first document).** One `openapi.Build` reflects each Go type and each parameter " +
		"field once (schemas remembered per document) and `JSON` reuses the bytes `Check` encoded " +
		"(BenchmarkBuild200); what remains is swaggest's encoding of the document and its first reflection " +
		"of each type (see the profile).",
}

// noteOrder is the order of the notes under a miss.
var noteOrder = []string{"success", "success-allocs", "401", "form", "form-allocs", "chain", "echomw", "huma",
	"openapi-serve", "openapi-cold"}
