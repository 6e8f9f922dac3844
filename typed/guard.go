package typed

// A Guard is a dependency whose value no handler takes: FastAPI's
// dependencies=[Depends(…)] on an app, a router or a path operation. It
// runs before the route's own dependency, and a failure answers the
// request as the dependency's own would; it is documented on every
// operation it guards (its security requirements, with their scopes).
// Make one with [Use].
type Guard interface {
	Describe(d *Doc)
	check(r *Request) error
}

// Use returns d as a [Guard]: resolved for its effect (a credential
// checked, a header verified), its value dropped.
//
// FastAPI: `dependencies=[Depends(d)]` or `dependencies=[Security(d, scopes=[…])]`.
func Use[T any](d Dep[T]) Guard {
	if d == nil {
		panic("typed: Use requires a dependency")
	}
	return guard[T]{d}
}

type guard[T any] struct{ d Dep[T] }

func (g guard[T]) Describe(doc *Doc) { g.d.Describe(doc) }

func (g guard[T]) check(r *Request) error {
	_, err := Resolve(r, g.d)
	return err
}

// With returns a view of a whose routes run guards, after a's own, before
// their dependencies: FastAPI's FastAPI(dependencies=[…]) and
// APIRouter(dependencies=[…]). It shares a's router, options, operations
// and overrides; routes registered on a itself are unchanged. Adapters
// offer it on their API.
func (a *API) With(guards ...Guard) *API {
	v := *a
	v.guards = append(append([]Guard(nil), a.guards...), guards...)
	return &v
}
