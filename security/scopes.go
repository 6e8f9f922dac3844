package security

import (
	"fmt"
	"slices"

	"github.com/fastecho/fastecho/typed"
)

// Security returns dep with scopes added to those accumulated above it: at
// run time dep and everything below it see them in [typed.Request.Scopes]
// (and in [SecurityScopes]), and in the documentation OAuth2 and OpenID
// Connect schemes reached through dep list them. Scopes accumulate from
// the route down the chain, outermost first, without duplicates. With no
// scopes it returns dep itself.
//
// FastAPI: `fastapi.Security(dependency, scopes=[…])`.
func Security[T any](dep typed.Dep[T], scopes ...string) typed.Dep[T] {
	if dep == nil {
		panic("security: Security requires a dependency")
	}
	if len(scopes) == 0 {
		return dep
	}
	return &secured[T]{dep: dep, scopes: slices.Clone(scopes)}
}

type secured[T any] struct {
	dep    typed.Dep[T]
	scopes []string
}

func (s *secured[T]) Resolve(r *typed.Request) (T, error) {
	return typed.Resolve(r.WithScopes(s.scopes...), s.dep)
}

func (s *secured[T]) Describe(d *typed.Doc) { s.dep.Describe(d.WithScopes(s.scopes...)) }

// SecurityScopes are the scopes accumulated above the dependency that asks
// for them with [Scopes]: the union of every [Security] between the route
// and it, outermost first. Scopes is never nil; it is the request's own
// list ([typed.Request.Scopes]), so read it but do not modify its elements
// (appending to it copies).
//
// FastAPI: `fastapi.security.SecurityScopes`.
type SecurityScopes struct {
	Scopes   []string // the scopes, outermost first
	ScopeStr string   // Scopes joined by single spaces, as RFC 6749 §3.3 writes them
}

// Scopes returns the dependency that resolves to the [SecurityScopes] of
// its position in a chain. Use it as a sub-dependency:
//
//	currentUser := typed.Depends2(security.Scopes(), oauth2, getCurrentUser)
//
// It documents nothing. FastAPI: a `security_scopes: SecurityScopes`
// parameter.
func Scopes() typed.Dep[SecurityScopes] { return theScopes }

var theScopes typed.Dep[SecurityScopes] = &scopesDep{}

type scopesDep struct{}

func (*scopesDep) Resolve(r *typed.Request) (SecurityScopes, error) {
	s := []string{} // no allocation
	if len(r.Scopes()) > 0 {
		s = slices.Clone(r.Scopes()) // the handler's own, as FastAPI's list
	}
	return SecurityScopes{Scopes: s, ScopeStr: r.ScopeStr()}, nil
}

func (*scopesDep) Describe(d *typed.Doc) { d.UsesScopes() }

// RequireScopes returns dep with a scope check: after dep resolves to v, every
// scope accumulated above (see [Security]) must be in tokenScopes(v), or
// the request fails with [InsufficientScope]'s 403 naming them all. Put it
// where the scopes are known, typically on the dependency that validates
// the token:
//
//	currentUser := security.RequireScopes(validUser, func(u User) []string { return u.Scopes })
//	api.GET("/items", typed.Handle[struct{}, []Item](security.Security(currentUser, "items:read"), list))
//
// The scopes must be declared above it: RequireScopes(Security(dep,
// "admin"), …) would see none, so registering it panics, naming the route.
// Without any scope on the route it checks nothing, as FastAPI's tutorial
// does for a route that needs none.
//
// Beyond FastAPI, whose tutorial checks SecurityScopes by hand (and answers
// 401; RFC 6750 §3.1 says 403).
func RequireScopes[T any](dep typed.Dep[T], tokenScopes func(T) []string) typed.Dep[T] {
	if dep == nil || tokenScopes == nil {
		panic("security: RequireScopes requires a dependency and a function")
	}
	return &requireScopes[T]{dep: dep, have: tokenScopes}
}

type requireScopes[T any] struct {
	dep  typed.Dep[T]
	have func(T) []string
}

func (s *requireScopes[T]) Resolve(r *typed.Request) (T, error) {
	v, err := typed.Resolve(r, s.dep)
	if err != nil {
		return v, err
	}
	need := r.Scopes()
	if len(need) == 0 {
		return v, nil
	}
	have := s.have(v)
	for _, scope := range need {
		if !slices.Contains(have, scope) {
			var zero T
			return zero, InsufficientScope(need...)
		}
	}
	return v, nil
}

// Describe panics when the route declares scopes below s but none above:
// RequireScopes(Security(dep, "admin"), …) would check nothing.
func (s *requireScopes[T]) Describe(d *typed.Doc) {
	if len(d.Scopes()) == 0 {
		if below := d.ScopesBelow(s.dep.Describe); len(below) > 0 {
			op := d.Operation()
			panic(fmt.Sprintf("security: RequireScopes on %s %s would check no scope: the scopes %q are declared "+
				"below it, where it cannot see them; wrap it instead: Security(RequireScopes(dep, …), %q)",
				op.Method, op.Path, below, below[0]))
		}
	}
	s.dep.Describe(d)
}
