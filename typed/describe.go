package typed

import (
	"reflect"
	"slices"
)

// A Scheme is a security scheme as an operation's documentation refers to
// it. The method is not called SchemeName so that schemes can keep
// FastAPI's SchemeName field.
type Scheme interface {
	// SecuritySchemeName is the scheme's key under components.securitySchemes.
	SecuritySchemeName() string
}

// SchemeScopes is one entry of an OpenAPI Security Requirement Object: a
// scheme and the scopes the operation needs from it (empty for schemes
// without scopes).
type SchemeScopes struct {
	Scheme Scheme
	Scopes []string
	// Optional: the scheme was reached through a dependency that lets a
	// request without its credential through (security.Optional,
	// FastAPI's auto_error=False), so it answers 401 only to a credential
	// that is sent but unusable, if ever. See [Doc.Optional].
	Optional bool
}

// SecurityRequirement is an OpenAPI Security Requirement Object: every
// entry must be satisfied (AND). An operation lists several requirements as
// alternatives (OR).
type SecurityRequirement []SchemeScopes

// Body describes an operation's request body.
type Body struct {
	ContentType string       // e.g. "application/json", "application/x-www-form-urlencoded"
	Type        reflect.Type // the Go struct that holds the body's fields; with no Fields, the type of the whole body (a body:"" field)
	Required    bool         // some field is required
	Fields      []Param      // the properties, In "json" or "form", in field order
}

// Doc collects what a route's dependencies contribute to its operation. A
// Dep's Describe method receives one at registration.
type Doc struct {
	op     *Operation
	host   reflect.Type // the handler's context type; nil outside a handler
	scopes []string
	// optional marks the requirements recorded through this view as
	// Optional (see Doc.Optional).
	optional bool
	reqs     *[]SecurityRequirement
	below    *[]string // scopes declared through WithScopes, when recording (ScopesBelow)
	uses     *bool     // set when the subtree uses scopes, when recording (usesScopes)
}

func newDoc(op *Operation) *Doc {
	return &Doc{op: op, reqs: &op.Security}
}

// view returns a copy of d, which the caller changes.
func (d *Doc) view() *Doc { v := *d; return &v }

// Scopes returns the scopes accumulated above the dependency being
// described, outermost first.
func (d *Doc) Scopes() []string { return d.scopes }

// WithScopes returns a view of d whose Scopes are d's followed by scopes
// (duplicates dropped), as [Request.WithScopes] does at run time.
func (d *Doc) WithScopes(scopes ...string) *Doc {
	if d.below != nil {
		*d.below = append(*d.below, scopes...)
	}
	if len(scopes) > 0 {
		d.UsesScopes()
		d.markChain()
	}
	v := d.view()
	v.scopes = mergeScopes(d.scopes, scopes)
	return v
}

// markChain records that the operation's dependencies memoize their
// results or add scopes, so that its requests carry room for both.
func (d *Doc) markChain() {
	if d.op != nil {
		d.op.chain = true
	}
}

// UsesScopes records that the dependency being described reads the scopes
// accumulated above it (FastAPI's SecurityScopes), so that its result, and
// that of every dependency above it, is memoized per set of scopes, as
// FastAPI caches it. Security schemes record it through AddSecurity.
func (d *Doc) UsesScopes() {
	if d.uses != nil {
		*d.uses = true
	}
}

// usesScopes runs describe on a view of d that records whether the
// subtree uses scopes, and returns it (telling d's own record too).
func (d *Doc) usesScopes(describe func(*Doc)) bool {
	uses := false
	v := d.view()
	v.uses = &uses
	describe(v)
	if uses {
		d.UsesScopes()
	}
	return uses
}

// AddSecurity records that the operation requires s with scopes, as a
// requirement of its own (FastAPI lists each scheme of a chain this way).
// A scheme reached several times is recorded once, with the scopes of
// every time it is reached, in order, as FastAPI merges them.
func (d *Doc) AddSecurity(s Scheme, scopes []string) {
	d.UsesScopes()
	name := s.SecuritySchemeName()
	for i, have := range *d.reqs {
		if len(have) == 1 && have[0].Scheme.SecuritySchemeName() == name {
			for _, scope := range scopes {
				if !slices.Contains(have[0].Scopes, scope) {
					(*d.reqs)[i][0].Scopes = append((*d.reqs)[i][0].Scopes, scope)
				}
			}
			(*d.reqs)[i][0].Optional = have[0].Optional && d.optional
			return
		}
	}
	d.AddRequirement(SecurityRequirement{{Scheme: s, Scopes: append([]string{}, mergeScopes(nil, scopes)...)}})
}

// AddRequirement records req as one alternative security requirement of the
// operation, unless an identical one is already recorded. Through a view
// made by [Doc.Optional], its entries are recorded Optional; a requirement
// recorded both ways is not.
func (d *Doc) AddRequirement(req SecurityRequirement) {
	d.UsesScopes()
	if d.optional {
		req = append(SecurityRequirement(nil), req...)
		for i := range req {
			req[i].Optional = true
		}
	}
	for i, have := range *d.reqs {
		if sameRequirement(have, req) {
			for j := range have {
				(*d.reqs)[i][j].Optional = have[j].Optional && req[j].Optional
			}
			return
		}
	}
	*d.reqs = append(*d.reqs, req)
}

// Optional runs describe on a view of d whose security requirements are
// recorded Optional: the dependency being described lets a request without
// the credential through (security.Optional does so). Package openapi then
// documents no 401 that the route cannot send.
func (d *Doc) Optional(describe func(*Doc)) {
	v := d.view()
	v.optional = true
	describe(v)
}

// Collect runs describe on a view of d that records security requirements
// apart and returns them instead of adding them to the operation; bodies and
// everything else still reach the operation. Combinators such as AnyOf use
// it to regroup their members' requirements.
func (d *Doc) Collect(describe func(*Doc)) []SecurityRequirement {
	var reqs []SecurityRequirement
	v := d.view()
	v.reqs = &reqs
	describe(v)
	return reqs
}

// ScopesBelow runs describe on a view of d that records nothing on the
// operation's security and returns the scopes that describe declares
// below d through [Doc.WithScopes] (the Security wrappers of a chain), in
// order. A dependency that checks the scopes accumulated above it uses it
// to refuse being placed above the scopes it should check.
func (d *Doc) ScopesBelow(describe func(*Doc)) []string {
	var reqs []SecurityRequirement
	below := []string{}
	v := d.view()
	v.reqs, v.below, v.uses = &reqs, &below, nil
	describe(v)
	return below
}

// SetBody records the operation's request body.
func (d *Doc) SetBody(b Body) { d.op.Body = &b }

// Operation returns the operation being described, for dependencies that
// document more than security and bodies (extra responses, say).
func (d *Doc) Operation() *Operation { return d.op }

func sameRequirement(a, b SecurityRequirement) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Scheme.SecuritySchemeName() != b[i].Scheme.SecuritySchemeName() || !slices.Equal(a[i].Scopes, b[i].Scopes) {
			return false
		}
	}
	return true
}
