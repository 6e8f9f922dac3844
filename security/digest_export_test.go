package security

import "hash"

// SetDigestHashHook sets a's hook (before first use): hook wraps the hash
// each response is computed with, so that tests can count the hashing of
// each path (security review F11).
func SetDigestHashHook[U any](a *DigestAuth[U], hook func(hash.Hash) hash.Hash) { a.hashHook = hook }
