// Package httpx holds the request-parsing rules that typed, security and forms
// share, written to match what FastAPI on Starlette sees for the same bytes:
// header values read as Latin-1, Python's str.strip, the last query
// parameter, Starlette's cookie parser and Python's lenient base64.
//
// Every function here is pure and allocation-free on its common path, and is
// fuzzed (see the *_test.go files).
package httpx
