package rules

import "reflect"

// Doc is what a validate tag says about values of one Go type: keywords
// on the value itself, and after "dive" on each element (a slice's items,
// a map's values) and each map key.
type Doc struct {
	Self  *Keywords
	Items *Doc
	Keys  *Doc
}

// Doc returns what c says about values of type t (pointers followed).
func (c *Chain) Doc(t reflect.Type) *Doc {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	d := &Doc{Self: &Keywords{}}
	for _, r := range c.Rules {
		d.Self.Merge(ruleKeywords(r, t))
	}
	if c.Omit == "omitempty" || c.Omit == "omitzero" {
		d.Self = omitZero(d.Self, t)
	}
	if c.Elem != nil {
		switch t.Kind() {
		case reflect.Slice, reflect.Array, reflect.Map:
			d.Items = c.Elem.Doc(t.Elem())
			if c.Elem.Keys != nil && t.Kind() == reflect.Map {
				d.Keys = c.Elem.Keys.Doc(t.Key())
			}
		default:
			d.Self.Notes = append(d.Self.Notes, "dive")
		}
	}
	return d
}

// ruleKeywords maps one rule: its tag, or its alternatives as anyOf when
// each is exact; a rule that keywords cannot state is a note.
func ruleKeywords(r Rule, t reflect.Type) *Keywords {
	if len(r.Alts) == 1 {
		return Of(r.Alts[0], t)
	}
	any := &Keywords{}
	for _, tag := range r.Alts {
		k, exact := of(tag, t)
		if !exact || k == nil || len(k.Map()) == 0 || k.Required {
			return &Keywords{Notes: []string{r.String()}}
		}
		any.AnyOf = append(any.AnyOf, k)
	}
	return any
}

// omitZero lets the zero value of a string, number or boolean through, as
// omitempty does: the keywords hold for any other value.
func omitZero(k *Keywords, t reflect.Type) *Keywords {
	var zero any
	switch classOf(t) {
	case cString:
		zero = ""
	case cInt, cFloat:
		zero = int64(0)
	case cBool:
		zero = false
	default:
		return k // nil (null or absent) is skipped anyway
	}
	inner := *k
	inner.Required, inner.Notes = false, nil
	if len(inner.Map()) == 0 {
		return k
	}
	return &Keywords{Required: k.Required, Notes: k.Notes,
		AnyOf: []*Keywords{{Const: zero, HasConst: true}, &inner}}
}
