package typed

import (
	"fmt"
	"math"
	"reflect"
	"strings"

	"github.com/fastecho/fastecho/internal/rules"
)

// Sized integer types are documented with the range of their type
// (package openapi: int8…int32 with minimum and maximum, every unsigned
// type with minimum 0, uint8…uint32 with maximum), so an integer outside
// it fails that documented bound, with pydantic's error for it, rather
// than int_parsing_size. int, int64 and uint64 have no documented upper
// bound: beyond them it stays int_parsing_size.

// reportTypeBounds reports each integer that did not fit its Go type (see
// errOverflow) and that no constraint reported, as the failed bound of its
// type when the document states one.
func (b *binder) reportTypeBounds(s *bindState) {
	for _, o := range s.overflow {
		if s.hasErrorAt(o.loc) {
			continue
		}
		t := b.typeAt(o.loc)
		if t == nil {
			continue
		}
		lo, hi, ok := typeRange(t)
		if !ok {
			continue
		}
		neg := strings.HasPrefix(strings.TrimSpace(fmt.Sprint(o.input)), "-")
		kw := &rules.Keywords{Minimum: &rules.Num{F: lo, Int: true}}
		v := lo - 1
		if !neg {
			if math.IsInf(hi, 1) {
				continue
			}
			kw = &rules.Keywords{Maximum: &rules.Num{F: hi, Int: true}}
			v = hi + 1
		}
		if e := kw.Check(reflect.ValueOf(v)); e != nil {
			s.add(o.rank, ValidationError{Type: e.Type, Loc: o.loc, Msg: e.Msg, Input: o.input, Ctx: e.Ctx})
		}
	}
}

// typeRange returns the documented range of an integer type: the type's
// own for int8…int32 and uint8…uint32, [0, +Inf) for uint and uint64.
func typeRange(t reflect.Type) (lo, hi float64, ok bool) {
	switch t.Kind() {
	case reflect.Int8, reflect.Int16, reflect.Int32:
		n := math.Pow(2, float64(t.Bits()-1))
		return -n, n - 1, true
	case reflect.Uint8, reflect.Uint16, reflect.Uint32:
		return 0, math.Pow(2, float64(t.Bits())) - 1, true
	case reflect.Uint, reflect.Uint64:
		return 0, math.Inf(1), true
	}
	return 0, 0, false
}

// typeAt returns the Go type of the value at loc (an error's location), or
// nil when loc names none of b's fields.
func (b *binder) typeAt(loc []any) reflect.Type {
	for _, list := range [][]field{b.params, b.form, b.json} {
		for i := range list {
			f := &list[i]
			at := f.loc()
			if len(loc) < len(at) || !sameLoc(loc[:len(at)], at) {
				continue
			}
			t := f.typ
			for _, seg := range loc[len(at):] {
				switch t = derefPointer(t); t.Kind() {
				case reflect.Slice, reflect.Array, reflect.Map:
					t = t.Elem()
				case reflect.Struct:
					name, _ := seg.(string)
					sf, ok := fieldByJSONName(t, name)
					if !ok {
						return nil
					}
					t = sf.Type
				default:
					return nil
				}
			}
			return derefPointer(t)
		}
	}
	return nil
}

// fieldByJSONName finds the field of struct t whose JSON name is name.
func fieldByJSONName(t reflect.Type, name string) (reflect.StructField, bool) {
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		tag, _, _ := strings.Cut(sf.Tag.Get("json"), ",")
		if sf.Anonymous && tag == "" && sf.Type.Kind() == reflect.Struct {
			if f, ok := fieldByJSONName(sf.Type, name); ok {
				return f, true
			}
			continue
		}
		if tag == name || tag == "" && sf.Name == name {
			return sf, sf.IsExported()
		}
	}
	return reflect.StructField{}, false
}
