package security

import (
	"errors"
	"net/http"
	"slices"

	"github.com/fastecho/fastecho/typed"
)

// AnyOf returns a dependency satisfied by any one of deps: it resolves them
// in order and yields the first credential found. A dependency whose
// credential is missing (its error wraps [ErrNoCredentials]) is skipped;
// any other error, such as a malformed Basic header or a rejected token,
// stops the search and fails the request. When every credential is
// missing, the request fails with the first alternative's status and
// detail and a WWW-Authenticate header listing every alternative's
// challenge (RFC 9110 §11.6.1 allows several), and the error wraps
// ErrNoCredentials, so Optional(AnyOf(…)) is nil.
//
// Each alternative is documented as one security requirement object
// naming every scheme it reaches, and the objects are alternatives
// (OpenAPI's OR): `[{"APIKeyCookie":[]},{"OAuth2PasswordBearer":[]}]`. An
// alternative that documents no scheme adds nothing. Do not nest AnyOf
// inside an alternative: its options would be documented as all required.
//
// To mix credential types, map each to a common type with [typed.Depends].
// [AnyOfMatched] also tells which alternative matched. Beyond FastAPI,
// where optional schemes (auto_error=False) are combined by hand and
// documented as if all were required.
func AnyOf[T any](deps ...typed.Dep[T]) typed.Dep[T] {
	return &anyOf[T]{alts: newAlternatives("AnyOf", deps)}
}

// AnyOfMatched is [AnyOf] whose value also says which alternative matched:
// Index is its position in deps.
func AnyOfMatched[T any](deps ...typed.Dep[T]) typed.Dep[Matched[T]] {
	return &anyOfMatched[T]{alts: newAlternatives("AnyOfMatched", deps)}
}

// Matched is the value of [AnyOfMatched]: the credential and the index of
// the alternative that produced it.
type Matched[T any] struct {
	Index int `json:"index"` // position of the matching dependency in AnyOfMatched's arguments
	Value T   `json:"value"`
}

type anyOf[T any] struct{ alts *alternatives[T] }

func (a *anyOf[T]) Resolve(r *typed.Request) (T, error) {
	_, v, err := a.alts.resolve(r)
	return v, err
}

func (a *anyOf[T]) Describe(d *typed.Doc) { a.alts.describe(d) }

type anyOfMatched[T any] struct{ alts *alternatives[T] }

func (a *anyOfMatched[T]) Resolve(r *typed.Request) (Matched[T], error) {
	i, v, err := a.alts.resolve(r)
	return Matched[T]{Index: i, Value: v}, err
}

func (a *anyOfMatched[T]) Describe(d *typed.Doc) { a.alts.describe(d) }

type alternatives[T any] struct {
	deps []typed.Dep[T]
}

func newAlternatives[T any](name string, deps []typed.Dep[T]) *alternatives[T] {
	if len(deps) == 0 || slices.Contains(deps, nil) {
		panic("security: " + name + " requires non-nil dependencies")
	}
	return &alternatives[T]{deps: slices.Clone(deps)}
}

func (a *alternatives[T]) resolve(r *typed.Request) (int, T, error) {
	var zero T
	var buf [4]error
	missing := buf[:0]
	for i, d := range a.deps {
		v, err := typed.Resolve(r, d)
		if err == nil {
			return i, v, nil
		}
		if !isMissing(err) {
			return -1, zero, err
		}
		missing = append(missing, err)
	}
	return -1, zero, a.combine(missing)
}

// combine returns the error of a request where every alternative is
// missing: errs[0]'s status and detail, and every challenge.
func (a *alternatives[T]) combine(errs []error) error {
	var first *typed.HTTPError
	var challenges []string
	for _, err := range errs {
		var he *typed.HTTPError
		if !errors.As(err, &he) {
			continue
		}
		if first == nil {
			first = he
		}
		for k, vs := range he.Header {
			if http.CanonicalHeaderKey(k) != wwwAuthenticate {
				continue
			}
			for _, v := range vs {
				if !slices.Contains(challenges, v) {
					challenges = append(challenges, v)
				}
			}
		}
	}
	if first == nil {
		return errs[0]
	}
	h := http.Header{}
	for k, vs := range first.Header {
		if k = http.CanonicalHeaderKey(k); k != wwwAuthenticate {
			h[k] = append(h[k], vs...)
		}
	}
	if len(challenges) > 0 {
		h[wwwAuthenticate] = challenges
	}
	return &typed.HTTPError{Status: first.Status, Detail: first.Detail, Header: h, Err: errors.Join(errs...)}
}

func (a *alternatives[T]) describe(d *typed.Doc) {
	for _, dep := range a.deps {
		if req := and(d.Collect(dep.Describe)); len(req) > 0 {
			d.AddRequirement(req)
		}
	}
}

// AllOf returns a dependency that needs every one of deps: it resolves
// them all, in order, and the first error fails the request (so under
// [Optional] it is nil as soon as one credential is missing). The values
// come back in the order of deps. It is documented as one security
// requirement object naming every scheme deps reach (OpenAPI's AND), where
// FastAPI would list each scheme as a requirement of its own. For two
// credentials of different types, use [AllOf2]. Beyond FastAPI.
func AllOf[T any](deps ...typed.Dep[T]) typed.Dep[[]T] {
	if len(deps) == 0 || slices.Contains(deps, nil) {
		panic("security: AllOf requires non-nil dependencies")
	}
	return &allOf[T]{deps: slices.Clone(deps)}
}

type allOf[T any] struct{ deps []typed.Dep[T] }

func (a *allOf[T]) Resolve(r *typed.Request) ([]T, error) {
	out := make([]T, len(a.deps))
	for i, d := range a.deps {
		v, err := typed.Resolve(r, d)
		if err != nil {
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}

func (a *allOf[T]) Describe(d *typed.Doc) {
	var reqs []typed.SecurityRequirement
	for _, dep := range a.deps {
		reqs = append(reqs, d.Collect(dep.Describe)...)
	}
	if req := and(reqs); len(req) > 0 {
		d.AddRequirement(req)
	}
}

// AllOf2 is [AllOf] for two credentials of any types, e.g. an API key and
// HTTP Basic: its value holds both.
func AllOf2[A, B any](a typed.Dep[A], b typed.Dep[B]) typed.Dep[Pair[A, B]] {
	if a == nil || b == nil {
		panic("security: AllOf2 requires two dependencies")
	}
	return &allOf2[A, B]{a: a, b: b}
}

// Pair is the value of [AllOf2].
type Pair[A, B any] struct {
	First  A `json:"first"`
	Second B `json:"second"`
}

type allOf2[A, B any] struct {
	a typed.Dep[A]
	b typed.Dep[B]
}

func (p *allOf2[A, B]) Resolve(r *typed.Request) (Pair[A, B], error) {
	a, err := typed.Resolve(r, p.a)
	if err != nil {
		return Pair[A, B]{}, err
	}
	b, err := typed.Resolve(r, p.b)
	if err != nil {
		return Pair[A, B]{}, err
	}
	return Pair[A, B]{First: a, Second: b}, nil
}

func (p *allOf2[A, B]) Describe(d *typed.Doc) {
	reqs := append(d.Collect(p.a.Describe), d.Collect(p.b.Describe)...)
	if req := and(reqs); len(req) > 0 {
		d.AddRequirement(req)
	}
}

// and merges requirements into one that needs every scheme they name, a
// scheme named twice keeping the union of its scopes.
func and(reqs []typed.SecurityRequirement) typed.SecurityRequirement {
	var out typed.SecurityRequirement
	for _, req := range reqs {
	next:
		for _, ss := range req {
			for i := range out {
				if out[i].Scheme.SecuritySchemeName() == ss.Scheme.SecuritySchemeName() {
					for _, s := range ss.Scopes {
						if !slices.Contains(out[i].Scopes, s) {
							out[i].Scopes = append(out[i].Scopes, s)
						}
					}
					continue next
				}
			}
			out = append(out, typed.SchemeScopes{Scheme: ss.Scheme, Scopes: append([]string{}, ss.Scopes...)})
		}
	}
	return out
}
