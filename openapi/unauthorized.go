package openapi

import (
	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
)

// answers401 reports whether a security scheme of op can answer 401: one
// reached without security.Optional, or under it one that still rejects a
// credential that is sent but unusable. FastAPI documents no 401 at all;
// this document does where one can happen, and only there.
func answers401(op *typed.Operation) bool {
	for _, req := range op.Security {
		for _, ss := range req {
			if !ss.Optional || !silentWhenOptional(ss.Scheme) {
				return true
			}
		}
	}
	return false
}

// silentWhenOptional reports whether s, under security.Optional, lets
// every request through: a missing or unreadable credential is nil, as
// with FastAPI's auto_error=False. HTTP Basic still answers 401 to a
// header it cannot decode, a verifying scheme (security.DigestAuth) to a
// wrong password, and a scheme of another package is not assumed silent.
func silentWhenOptional(s typed.Scheme) bool {
	switch s.(type) {
	case *security.APIKeyQuery, *security.APIKeyHeader, *security.APIKeyCookie,
		*security.HTTPBearer, *security.HTTPDigest, *security.HTTPBase,
		*security.OAuth2, *security.OAuth2PasswordBearer, *security.OAuth2AuthorizationCodeBearer,
		*security.OpenIDConnect:
		return true
	}
	return false
}
