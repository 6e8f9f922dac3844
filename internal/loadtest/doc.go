// Package loadtest holds the concurrency test of the whole stack: every
// kind of scheme, the scopes chain and the password form served by one
// Echo v4 app (through typed/echov4) to many concurrent clients, each with
// its own credentials, under -race. It has no non-test code.
package loadtest
