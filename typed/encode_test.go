package typed

import (
	"encoding/json"
	"testing"
)

// plainValidationError has ValidationError's fields without its
// MarshalJSON, to compare appendJSON with encoding/json.
type plainValidationError struct {
	Type  string         `json:"type"`
	Loc   []any          `json:"loc"`
	Msg   string         `json:"msg"`
	Input any            `json:"input"`
	Ctx   map[string]any `json:"ctx,omitempty"`
}

func FuzzAppendString(f *testing.F) {
	for _, s := range []string{"", "plain", `q"b\s`, "<a&b>", "\x00\x1f\b\f\n\r\t", "\xff\xfe", "\u2028\u2029", "é漢🙂", "\xed\xa0\x80"} {
		f.Add(s, 3)
	}
	f.Fuzz(func(t *testing.T, s string, n int) {
		want, _ := json.Marshal(s)
		if got := appendString(nil, s); string(got) != string(want) {
			t.Fatalf("appendString(%q) = %s, encoding/json %s", s, got, want)
		}
		ve := ValidationError{Type: s, Loc: []any{"body", s, n}, Msg: s, Input: s, Ctx: map[string]any{"k": s, "n": n}}
		want, _ = json.Marshal(plainValidationError{ve.Type, ve.Loc, ve.Msg, ve.Input, ve.Ctx})
		if got := ve.appendJSON(nil); string(got) != string(want) {
			t.Fatalf("appendJSON = %s, encoding/json %s", got, want)
		}
	})
}

func TestAppendValidationErrors(t *testing.T) {
	errs := []ValidationError{
		{Type: "missing", Loc: []any{"body", "password"}, Msg: "Field required", Secret: true},
		{Type: "string_too_short", Loc: []any{"body", "password"}, Msg: "m", Input: "hunter2", Secret: true, Ctx: map[string]any{"min_length": 8}},
		{Type: "missing", Loc: []any{"body", "name"}, Msg: "Field required", Input: map[string]json.RawMessage{"b": json.RawMessage(`1`), "a": json.RawMessage(`"x"`)}},
		{Type: "json_invalid", Loc: []any{"body", 3}, Msg: "JSON decode error", Input: map[string]any{}, Ctx: map[string]any{"error": "Expecting value"}},
		{Type: "model_attributes_type", Loc: []any{"body"}, Msg: "m", Input: json.RawMessage(`[1, 2]`)},
	}
	want, err := json.Marshal(map[string]any{"detail": errs})
	if err != nil {
		t.Fatal(err)
	}
	if got := appendValidationErrors(nil, errs); string(got) != string(want) {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
