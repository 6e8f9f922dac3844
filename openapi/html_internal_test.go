package openapi

import "testing"

// TestPyJSON: Swagger UI's parameters and initOAuth are written as Python's
// json.dumps writes them, which FastAPI's tests look for.
func TestPyJSON(t *testing.T) {
	tests := []struct {
		in   any
		want string
	}{
		{map[string]any{"clientId": "the-foo-clients", "appName": "The Predendapp"}, `{"appName": "The Predendapp", "clientId": "the-foo-clients"}`},
		{[]any{1, "a,b: c", map[string]any{"k": []int{1, 2}}}, `[1, "a,b: c", {"k": [1, 2]}]`},
		{`quote " and \ stay`, `"quote \" and \\ stay"`},
		{"", `""`},
	}
	for _, tt := range tests {
		got, err := pyJSON(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("pyJSON(%v) = %s, %v; want %s", tt.in, got, err, tt.want)
		}
	}
}
