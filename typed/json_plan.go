package typed

import (
	"encoding/base64"
	"encoding/json"
	"reflect"
	"strconv"
)

// An encodePlan writes a value of one type as encoder.value does, with
// every decision that depends only on the type (marshaler methods, field
// names and options, element kinds) taken once, when the plan is made: a
// route makes the plan of its result type at registration
// (BenchmarkEncodePlan shows the gain). Values of interface type are still
// encoded by their dynamic type, through encoder.value.
type encodePlan func(e *encoder, v reflect.Value) error

// planFor returns the plan of t.
func planFor(t reflect.Type) encodePlan {
	p := planner{plans: map[reflect.Type]*encodePlan{}}
	return p.plan(t)
}

// planner makes the plans of a type and of the types it holds; a type
// that holds itself refers to its plan through plans.
type planner struct {
	plans map[reflect.Type]*encodePlan
}

func (p *planner) plan(t reflect.Type) encodePlan {
	if fp, ok := p.plans[t]; ok {
		return func(e *encoder, v reflect.Value) error { return (*fp)(e, v) }
	}
	fp := new(encodePlan)
	p.plans[t] = fp
	*fp = p.build(t)
	return *fp
}

func (p *planner) build(t reflect.Type) encodePlan {
	if plan := marshalerPlan(t); plan != nil {
		return plan
	}
	if t.Implements(textMarshaler) || t.Kind() != reflect.Pointer && reflect.PointerTo(t).Implements(textMarshaler) {
		return marshalPlan
	}
	switch t.Kind() {
	case reflect.Float32, reflect.Float64:
		bits := t.Bits()
		return func(e *encoder, v reflect.Value) error { e.float(v.Float(), bits); return nil }
	case reflect.String:
		return func(e *encoder, v reflect.Value) error { e.b = appendString(e.b, v.String()); return nil }
	case reflect.Bool:
		return func(e *encoder, v reflect.Value) error { e.b = strconv.AppendBool(e.b, v.Bool()); return nil }
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return func(e *encoder, v reflect.Value) error { e.b = strconv.AppendInt(e.b, v.Int(), 10); return nil }
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return func(e *encoder, v reflect.Value) error { e.b = strconv.AppendUint(e.b, v.Uint(), 10); return nil }
	case reflect.Interface:
		return func(e *encoder, v reflect.Value) error {
			if v.IsNil() {
				e.b = append(e.b, "null"...)
				return nil
			}
			return e.value(v.Elem())
		}
	case reflect.Pointer:
		elem := p.plan(t.Elem())
		return func(e *encoder, v reflect.Value) error {
			if v.IsNil() {
				e.b = append(e.b, "null"...)
				return nil
			}
			return elem(e, v.Elem())
		}
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 && !reflect.PointerTo(t.Elem()).Implements(jsonMarshaler) && !reflect.PointerTo(t.Elem()).Implements(textMarshaler) {
			return bytesPlan
		}
		return listPlan(p.plan(t.Elem()))
	case reflect.Array:
		return listPlan(p.plan(t.Elem()))
	case reflect.Map:
		return mapPlan(p.plan(t.Elem()))
	case reflect.Struct:
		return p.structPlan(t)
	}
	return marshalPlan // chan, func, complex: encoding/json's error
}

// marshalerPlan is encoder.marshaler's decision for t: nil when values of t
// do not encode themselves.
func marshalerPlan(t reflect.Type) encodePlan {
	own := t.Implements(jsonMarshaler)
	byPointer := t.Kind() != reflect.Pointer && reflect.PointerTo(t).Implements(jsonMarshaler)
	if !own && !byPointer {
		return nil
	}
	return func(e *encoder, v reflect.Value) error {
		if byPointer {
			if v.CanAddr() {
				v = v.Addr()
			} else if !own {
				p := reflect.New(t)
				p.Elem().Set(v)
				v = p
			}
		}
		if v.Kind() == reflect.Pointer && v.IsNil() {
			e.b = append(e.b, "null"...)
			return nil
		}
		return marshalPlan(e, v)
	}
}

// marshalPlan writes what encoding/json writes for v.
func marshalPlan(e *encoder, v reflect.Value) error {
	raw, err := json.Marshal(v.Interface())
	if err != nil {
		return err
	}
	e.b = append(e.b, raw...)
	return nil
}

// bytesPlan writes a []byte as encoding/json does: base64, nil as "".
func bytesPlan(e *encoder, v reflect.Value) error {
	e.b = append(e.b, '"')
	if !v.IsNil() {
		e.b = base64.StdEncoding.AppendEncode(e.b, v.Bytes())
	}
	e.b = append(e.b, '"')
	return nil
}

func listPlan(elem encodePlan) encodePlan {
	return func(e *encoder, v reflect.Value) error {
		e.b = append(e.b, '[')
		for i := 0; i < v.Len(); i++ {
			if i > 0 {
				e.b = append(e.b, ',')
			}
			if err := elem(e, v.Index(i)); err != nil {
				return err
			}
		}
		e.b = append(e.b, ']')
		return nil
	}
}

func mapPlan(elem encodePlan) encodePlan {
	return func(e *encoder, v reflect.Value) error { return e.mapValue(v, elem) }
}

// fieldPlan is one field of a struct plan: its key written once.
type fieldPlan struct {
	outField
	key  []byte // "name":
	plan encodePlan
}

func (p *planner) structPlan(t reflect.Type) encodePlan {
	var fields []fieldPlan
	for _, f := range outFields(t) {
		ft := t.FieldByIndex(f.index[:1]).Type
		for _, x := range f.index[1:] {
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			ft = ft.Field(x).Type
		}
		fields = append(fields, fieldPlan{outField: f, key: append(appendString(nil, f.name), ':'), plan: p.plan(ft)})
	}
	return func(e *encoder, v reflect.Value) error {
		e.b = append(e.b, '{')
		first := true
		for i := range fields {
			f := &fields[i]
			fv, ok := fieldValue(v, f.index)
			if !ok || f.omitEmpty && isEmptyValue(fv) || f.omitZero && isZeroValue(fv) {
				continue
			}
			if !first {
				e.b = append(e.b, ',')
			}
			first = false
			e.b = append(e.b, f.key...)
			if f.quoted && !(fv.Kind() == reflect.Pointer && fv.IsNil()) {
				if err := e.quoted(fv); err != nil {
					return err
				}
				continue
			}
			if err := f.plan(e, fv); err != nil {
				return err
			}
		}
		e.b = append(e.b, '}')
		return nil
	}
}
