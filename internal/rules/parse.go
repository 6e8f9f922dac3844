// Package rules is the one place where a field's constraints are read:
// go-playground/validator's `validate` tags and the JSON Schema keywords
// of swaggest's schema tags (minimum, pattern, enum, …). Package typed uses
// it to enforce schema tags and to word validator's failures as pydantic's
// errors; package openapi to document validate tags as JSON Schema. Both
// read the same [Keywords], so the document says what the server checks.
package rules

import (
	"fmt"
	"strings"
)

// Chain is a parsed validate tag, as go-playground/validator reads it:
// rules separated by ',', alternatives by '|', a parameter after '=' (with
// 0x2C for a ',' and 0x7C for a '|' inside it). Rules after "dive" apply to
// each element of a slice, array or map (Elem), and "keys … endkeys" right
// after "dive" to each key of a map (Keys).
type Chain struct {
	// Omit is the first of omitempty, omitnil and omitzero that precedes
	// the rules: the value skips them when it is zero (or nil).
	Omit  string
	Rules []Rule
	Keys  *Chain
	Elem  *Chain
}

// Rule is one rule of a chain: a tag, or several alternatives ("a|b") of
// which one must hold.
type Rule struct{ Alts []Tag }

// Tag is one validator tag and its parameter.
type Tag struct{ Name, Param string }

// String returns the tag as written in a validate tag.
func (t Tag) String() string {
	if t.Param == "" {
		return t.Name
	}
	return t.Name + "=" + t.Param
}

// String returns the rule as written in a validate tag.
func (r Rule) String() string {
	s := make([]string, len(r.Alts))
	for i, t := range r.Alts {
		s[i] = t.String()
	}
	return strings.Join(s, "|")
}

// aliases are validator's baked-in aliases.
var aliases = map[string]string{
	"iscolor":         "hexcolor|rgb|rgba|hsl|hsla|cmyk",
	"country_code":    "iso3166_1_alpha2|iso3166_1_alpha3|iso3166_1_alpha_numeric",
	"eu_country_code": "iso3166_1_alpha2_eu|iso3166_1_alpha3_eu|iso3166_1_alpha_numeric_eu",
}

// Parse reads a validate tag. "" and "-" give an empty chain.
func Parse(tag string) (*Chain, error) {
	c := &Chain{}
	if tag == "" || tag == "-" {
		return c, nil
	}
	parts := strings.Split(tag, ",")
	cur := c
	for i := 0; i < len(parts); i++ {
		p := parts[i]
		switch p {
		case "dive":
			cur.Elem = &Chain{}
			if i+1 < len(parts) && parts[i+1] == "keys" {
				j := i + 2
				for j < len(parts) && parts[j] != "endkeys" {
					j++
				}
				if j == len(parts) {
					return nil, fmt.Errorf("validate tag %q: keys without endkeys", tag)
				}
				keys, err := Parse(strings.Join(parts[i+2:j], ","))
				if err != nil {
					return nil, err
				}
				cur.Elem.Keys = keys
				i = j
			}
			cur = cur.Elem
			continue
		case "keys", "endkeys":
			return nil, fmt.Errorf("validate tag %q: %s must follow dive", tag, p)
		case "omitempty", "omitnil", "omitzero":
			if cur.Omit == "" && len(cur.Rules) == 0 {
				cur.Omit = p
			} else {
				// Later in the chain it still skips what follows: keep
				// it as a rule that documents nothing.
				cur.Rules = append(cur.Rules, Rule{Alts: []Tag{{Name: p}}})
			}
			continue
		case "structonly", "nostructlevel", "":
			if p == "" {
				return nil, fmt.Errorf("validate tag %q: empty rule", tag)
			}
			continue
		}
		if a, ok := aliases[p]; ok {
			p = a
		}
		var r Rule
		for _, alt := range strings.Split(p, "|") {
			name, param, _ := strings.Cut(alt, "=")
			if name == "" {
				return nil, fmt.Errorf("validate tag %q: empty rule name", tag)
			}
			param = strings.ReplaceAll(strings.ReplaceAll(param, "0x2C", ","), "0x7C", "|")
			if a, ok := aliases[name]; ok && param == "" {
				for _, n := range strings.Split(a, "|") {
					r.Alts = append(r.Alts, Tag{Name: n})
				}
				continue
			}
			r.Alts = append(r.Alts, Tag{Name: name, Param: param})
		}
		cur.Rules = append(cur.Rules, r)
	}
	return c, nil
}

// Has reports whether the chain's own rules (not its elements') include
// the tag name.
func (c *Chain) Has(name string) bool {
	for _, r := range c.Rules {
		if len(r.Alts) == 1 && r.Alts[0].Name == name {
			return true
		}
	}
	return false
}

// Required reports whether the value must be present: the chain has a
// plain "required" rule.
func (c *Chain) Required() bool { return c.Has("required") }
