// Package conformance holds the tests that check fastecho's OpenAPI
// documents with tools too heavy for the library's go.mod: an OpenAPI 3.1
// validator, a real browser and a client generator. It is a module of its
// own under testdata/, so the go command never builds it as part of
// fastecho; run it with ./run.sh.
package conformance
