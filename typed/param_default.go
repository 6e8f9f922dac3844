package typed

import (
	"encoding/json"
	"reflect"
	"strings"

	"github.com/fastecho/fastecho/internal/rules"
)

// defaultTexts returns the texts a parameter or form field takes from its
// `default` tag when the request does not send it. A list field's default
// is a JSON array (`default:"[\"foo\",\"bar\"]"`, as package openapi
// documents it), or swaggest's bracketed list of strings ("[foo,bar]"); its
// elements are read as if they had been sent one by one. Any other field's
// default is one text.
func defaultTexts(f *field) []string {
	if !f.multi {
		return []string{f.def}
	}
	var elems []json.RawMessage
	if err := json.Unmarshal([]byte(f.def), &elems); err == nil {
		out := make([]string, len(elems))
		for i, e := range elems {
			var s string
			if json.Unmarshal(e, &s) == nil {
				out[i] = s
			} else {
				out[i] = string(e)
			}
		}
		return out
	}
	if inner, ok := strings.CutPrefix(f.def, "["); ok && strings.HasSuffix(inner, "]") {
		inner = strings.TrimSuffix(inner, "]")
		if inner == "" {
			return []string{}
		}
		return strings.Split(inner, ",")
	}
	return []string{f.def}
}

// requiredRule reports whether a field's validate tag has the rule
// "required", which makes the field required whatever its type.
func requiredRule(tag reflect.StructTag) bool {
	c, err := rules.Parse(tag.Get("validate"))
	return err == nil && c.Required()
}
