package typed

import (
	"encoding/json"
	"math"
	"net"
	"reflect"
	"testing"
	"time"
)

type encEmbedded struct {
	E string `json:"e"`
}

type encInner struct {
	A float64              `json:"a"`
	B []int                `json:"b,omitempty"`
	M map[string]*encInner `json:"m"`
}

// encValue holds every kind the plans distinguish.
type encValue struct {
	*encEmbedded
	S    string          `json:"s"`
	N    int             `json:"n,string"`
	F32  float32         `json:"f32"`
	P    *encInner       `json:"p"`
	I    any             `json:"i"`
	Bs   []byte          `json:"bs"`
	Arr  [2]string       `json:"arr"`
	T    time.Time       `json:"t"`
	Raw  json.RawMessage `json:"raw,omitempty"`
	IP   net.IP          `json:"ip"`
	U    uint8           `json:"u,omitzero"`
	Ok   bool            `json:"ok"`
	Keys map[int]string  `json:"keys"`
	Rec  *encValue       `json:"rec"`
	List []encInner      `json:"list"`
	Skip string          `json:"-"`
}

// TestEncodePlan checks that a type's plan writes what the dynamic
// encoder writes, for values that exercise every branch.
func TestEncodePlan(t *testing.T) {
	t.Parallel()
	tests := []any{
		encValue{},
		&encValue{S: "<a&b>\u2028", N: 7, F32: float32(math.Inf(1)), P: &encInner{A: math.NaN(), M: map[string]*encInner{"x": nil, "a": {A: 1e-7}}},
			I: []any{1.5, nil, map[string]any{"k": math.NaN()}}, Bs: []byte("hi"), T: time.Unix(1, 0).UTC(), Raw: json.RawMessage(` {"a": 1} `),
			IP: net.IPv4(127, 0, 0, 1), U: 3, Ok: true, Keys: map[int]string{2: "b", 10: "a"}, Rec: &encValue{S: "r"}, List: []encInner{{A: 2}}},
		encValue{encEmbedded: &encEmbedded{E: "e"}, Bs: []byte{}},
		[]encInner(nil),
		map[string][]float64{"a": nil, "b": {math.Inf(-1), 1e21, 0.000001}},
		[]*encValue{nil, {}},
	}
	for _, v := range tests {
		var want, got encoder
		wantErr := want.value(reflect.ValueOf(v))
		gotErr := planFor(reflect.TypeOf(v))(&got, reflect.ValueOf(v))
		if string(got.b) != string(want.b) || (gotErr == nil) != (wantErr == nil) {
			t.Errorf("%T:\nplan    %s (%v)\ndynamic %s (%v)", v, got.b, gotErr, want.b, wantErr)
		}
	}
}

// FuzzEncodePlan decodes arbitrary JSON into encValue (with a float from
// the input, NaN and infinities included) and checks that the plan writes
// what the dynamic encoder writes.
func FuzzEncodePlan(f *testing.F) {
	f.Add([]byte(`{"s":"x","n":"3","p":{"a":1,"m":{"k":{"b":[1]}}},"i":[1,"a",{"b":null}],"rec":{"list":[{}]}}`), uint64(0x7ff8000000000001))
	f.Add([]byte(`{"bs":"aGk=","keys":{"1":"a"},"ok":true,"raw":[1,2]}`), uint64(0))
	plan := planFor(reflect.TypeFor[*encValue]())
	f.Fuzz(func(t *testing.T, data []byte, bits uint64) {
		v := &encValue{}
		if json.Unmarshal(data, v) != nil {
			return
		}
		v.F32 = float32(math.Float64frombits(bits))
		if v.P != nil {
			v.P.A = math.Float64frombits(bits)
		}
		var want, got encoder
		wantErr := want.value(reflect.ValueOf(v))
		gotErr := plan(&got, reflect.ValueOf(v))
		if string(got.b) != string(want.b) || (gotErr == nil) != (wantErr == nil) {
			t.Fatalf("plan %s (%v), dynamic %s (%v)", got.b, gotErr, want.b, wantErr)
		}
	})
}

// BenchmarkEncodePlan compares a result type's plan, made once, with the
// dynamic encoder, which decides everything per value.
func BenchmarkEncodePlan(b *testing.B) {
	v := []encInner{{A: 1, B: []int{1, 2}}, {A: 2, M: map[string]*encInner{"a": {}}}}
	rv := reflect.ValueOf(v)
	plan := planFor(rv.Type())
	e := encoder{b: make([]byte, 0, 512)}
	b.Run("plan", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			e.b = e.b[:0]
			_ = plan(&e, rv)
		}
	})
	b.Run("dynamic", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			e.b = e.b[:0]
			_ = e.value(rv)
		}
	})
}

// encPlain holds no slice, map, float or interface: encoding/json and the
// plan must write the same bytes for it.
type encPlain struct {
	*encEmbedded
	S   string    `json:"s"`
	Q   string    `json:"q,string"`
	N   int64     `json:"n,string"`
	U   uint16    `json:"u,omitempty"`
	B   bool      `json:"b"`
	P   *string   `json:"p"`
	T   time.Time `json:"t"`
	Arr [2]int8   `json:"arr"`
	In  struct {
		X string `json:"x,omitempty"`
	} `json:"in"`
}

// FuzzEncodePlanPlain checks that the plan of a type that needs no care
// writes what encoding/json writes, for arbitrary strings (HTML
// characters, invalid UTF-8, U+2028) and numbers.
func FuzzEncodePlanPlain(f *testing.F) {
	f.Add("<a&b>\u2028\xff\"\\", int64(-5), uint16(0), true)
	f.Add("", int64(1<<62), uint16(7), false)
	plan := planFor(reflect.TypeFor[encPlain]())
	if needsCare(reflect.TypeFor[encPlain]()) {
		f.Fatal("encPlain needs care")
	}
	f.Fuzz(func(t *testing.T, s string, n int64, u uint16, b bool) {
		v := encPlain{S: s, Q: s, N: n, U: u, B: b, T: time.Unix(n%1e9, 0).UTC(), Arr: [2]int8{int8(n), int8(u)}}
		if b {
			v.P, v.encEmbedded = &s, &encEmbedded{E: s}
			v.In.X = s
		}
		want, wantErr := json.Marshal(v)
		var got encoder
		gotErr := plan(&got, reflect.ValueOf(v))
		if string(got.b) != string(want) || (gotErr == nil) != (wantErr == nil) {
			t.Fatalf("plan %s (%v), encoding/json %s (%v)", got.b, gotErr, want, wantErr)
		}
	})
}
