package security

import "github.com/fastecho/fastecho/typed"

// Optional returns a dependency that resolves like dep, except that a
// missing credential (an error wrapping [ErrNoCredentials]) resolves to nil
// instead of failing the request. Any other error still fails it: a
// malformed HTTP Basic header (see [ErrMalformedCredentials]) is a 401
// under Optional too. A present credential is a non-nil pointer, even if
// empty (OAuth2PasswordBearer's "Bearer" with no token gives a pointer to
// ""). The documentation is dep's: the scheme is still listed, recorded
// Optional (see [typed.Doc.Optional]), so that no 401 is documented
// where the scheme can send none.
//
// FastAPI: `auto_error=False`, as a type change (*T) rather than a flag.
func Optional[T any](dep typed.Dep[T]) typed.Dep[*T] {
	if dep == nil {
		panic("security: Optional requires a dependency")
	}
	return &optional[T]{dep: dep}
}

type optional[T any] struct{ dep typed.Dep[T] }

func (o *optional[T]) Resolve(r *typed.Request) (*T, error) {
	v, err := typed.Resolve(r, o.dep)
	if err != nil {
		if isMissing(err) {
			return nil, nil
		}
		return nil, err
	}
	p := new(T) // not &v, which would allocate v on every path
	*p = v
	return p, nil
}

func (o *optional[T]) Describe(d *typed.Doc) { d.Optional(o.dep.Describe) }
