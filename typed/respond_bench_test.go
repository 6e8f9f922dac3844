package typed

import (
	"encoding/json"
	"io"
	"net/http"
	"reflect"
	"testing"
)

// discardWriter is a ResponseWriter that keeps nothing.
type discardWriter struct{ h http.Header }

func (w discardWriter) Header() http.Header       { return w.h }
func (discardWriter) WriteHeader(int)             {}
func (discardWriter) Write(p []byte) (int, error) { return io.Discard.Write(p) }

// BenchmarkWriteJSON compares an answer encoded through the pooled
// scratch space (writeJSONCare) with encoding/json's Marshal and a copy
// for the newline.
func BenchmarkWriteJSON(b *testing.B) {
	type token struct {
		Token string `json:"token"`
	}
	v := token{Token: "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJqb2huZG9lIn0.c2lnbmF0dXJl"}
	w := discardWriter{h: http.Header{}}
	b.Run("pooled", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_ = writeJSONCare(w, 200, v, false, nil)
		}
	})
	b.Run("marshal", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			out, err := json.Marshal(v)
			if err != nil {
				b.Fatal(err)
			}
			w.Header()["Content-Type"] = jsonContentTypes
			w.WriteHeader(200)
			_, _ = w.Write(append(out, '\n'))
		}
	})
}

// BenchmarkWriteJSONPlan compares encoding/json's Encoder with the type's
// plan for a result type without slices, maps or floats.
func BenchmarkWriteJSONPlan(b *testing.B) {
	type token struct {
		Token string `json:"token"`
	}
	v := token{Token: "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJqb2huZG9lIn0.c2lnbmF0dXJl"}
	w := discardWriter{h: http.Header{}}
	plan := planFor(reflect.TypeOf(v))
	b.Run("encoder", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_ = writeJSONCare(w, 200, v, false, nil)
		}
	})
	b.Run("plan", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_ = writeJSONCare(w, 200, v, true, plan)
		}
	})
}
