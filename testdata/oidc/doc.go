// Package oidc tests package security/oidc against real OpenID provider
// implementations running on loopback, each driven through its own
// authorization code flow as a browser and a client would:
//
//   - zitadel's OpenID Certified provider library
//     (github.com/zitadel/oidc/v3/pkg/op) with its example server's storage
//     and login page, its signing keys rotated and withdrawn;
//   - github.com/oauth2-proxy/mockoidc, whose clock is moved past a token's
//     expiry.
//
// It is a separate module so that these providers never enter fastecho's
// go.mod.
package oidc
