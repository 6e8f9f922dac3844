// Package oidc tests package security/oidc against a real OpenID provider
// implementation, github.com/oauth2-proxy/mockoidc, running on loopback: a
// token obtained through the provider's own authorization code flow must
// verify, and the provider's clock moving past its expiry must make it fail.
// It is a separate module so that mockoidc never enters fastecho's go.mod.
package oidc
