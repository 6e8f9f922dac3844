package main

// notes explain each kind of miss: where the cost is and what would remove
// it. The profile printed under each miss is the evidence for the run at
// hand; these notes were written from the same profiles and name the
// functions to look for in them.
var notes = map[string]string{
	"success": "**Why (success path).** The scheme costs nothing (security/alloc_test.go holds every scheme to 0 " +
		"allocations, Basic to 1 for the decoded string). typed answers without `c.JSON`: a shared Content-Type " +
		"slice, the response encoded into a pooled buffer (`typed.writeJSON`), one `Write`; the one allocation left " +
		"is `resp` boxed into `any` for encoding/json. What remains above the floor is typed's per-request " +
		"bookkeeping: the pooled request state (`newRequest`/`release`), the deferred panic recovery, and " +
		"`Resolve`'s override check.",
	"success-allocs": "**Allocations (success path).** One: `resp` boxed for encoding/json (Basic: also the decoded " +
		"credentials string).",
	"401": "**Why (401).** The scheme returns an error prepared once; typed writes it directly (header list copied, " +
		"shared Content-Type slice, the pre-encoded body): no allocation, and no Echo error handler " +
		"(`typed.Options.EchoErrors` restores it for apps with a custom handler). A 401 after a dependency chain " +
		"(OAuth2Scopes/Missing) also pays the chain's walk: two `Security` views (`Request.WithScopes`, pooled, with " +
		"merged scope lists and their ScopeStr remembered by `typed.mergedScopes`), two cache lookups and " +
		"`security.Scopes` before the bearer check fails; that walk is what keeps it at about half of raw.",
	"form": "**Why (password form 422).** Missing fields answer a 422 prepared once in package forms; a grant_type " +
		"mismatch echoes the value sent, so its body is encoded per request, in one pass (`typed.appendValidationErrors`, " +
		"byte-identical to encoding/json and fuzzed against it) and written directly.",
	"form-allocs": "**Allocations (password form).** The body read once (1), the decoded values (1), the scope list " +
		"(1) and the answer (1; for a 422 the RequestValidationError and its entries). Pooling the body buffer would " +
		"make `typed.ReadBody`'s bytes valid only during the request, which we do not impose on users.",
	"chain": "**Why (scopes chain).** The tutorial's chain has two `security.Security` levels and two cached " +
		"dependencies; per request it costs two pooled views (`Request.WithScopes`, no allocation: merged scope lists " +
		"are shared and remembered), two cache entries (`typed.cached`) and the closures of `Depends`/`Depends2`. " +
		"The handler-side code is the tutorial's own (`get_current_user` builds its `WWW-Authenticate` value with " +
		"`ScopeStr` on every request, where raw uses a constant). What remains is the price of resolving a " +
		"three-level dependency graph generically rather than inlining it by hand, as raw does.",
	"echomw": "**Why (against Echo's middleware).** Both sit on the same Echo routing and response writing. Where " +
		"the middleware's own work is small (Basic, KeyAuth for Digest's header), fastecho's floor — routing plus " +
		"writing an answer — is already about half of it.",
	"huma": "**Why (against huma).** huma pays its own binding, validation and error model; in the form benchmark " +
		"huma reads the raw body itself (see bench/doc.go), so it does not pay a form parser's work, while fastecho " +
		"parses the form as Starlette does (Latin-1 bytes, %-decoding, python-multipart's separators) and splits " +
		"scopes.",
	"openapi-serve": "**Why (serving /openapi.json).** The bytes are cached and served with prebuilt header slices " +
		"(ETag, Cache-Control, Content-Type) and one `Write`: no allocation beyond Echo's.",
	"openapi-cold": "**Why (first document).** See the profile: the time is swaggest's reflection of each type " +
		"(`openapi.(*schemas).typeSchema`) and the encoding of the document.",
}

// noteOrder is the order of the notes under a miss.
var noteOrder = []string{"success", "success-allocs", "401", "form", "form-allocs", "chain", "echomw", "huma",
	"openapi-serve", "openapi-cold"}
