package rules

import (
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// patterns are validator's regular expressions, written so that Go's
// regexp and ECMA-262 (JSON Schema's dialect) read them alike: \s spelled
// out as Go's [\t\n\f\r ], a '-' last in a class, no (?i). The property
// test in package openapi checks each against validator itself.
var patterns = map[string]string{
	"alpha":             `^[a-zA-Z]+$`,
	"alphaspace":        `^[a-zA-Z ]+$`,
	"alphanum":          `^[a-zA-Z0-9]+$`,
	"alphanumspace":     `^[a-zA-Z0-9 ]+$`,
	"alphaunicode":      `^[\p{L}]+$`,
	"alphanumunicode":   `^[\p{L}\p{N}]+$`,
	"numeric":           `^[-+]?[0-9]+(?:\.[0-9]+)?$`,
	"number":            `^[0-9]+$`,
	"hexadecimal":       `^(0[xX])?[0-9a-fA-F]+$`,
	"hexcolor":          `^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$`,
	"rgb":               `^rgb\([\t\n\f\r ]*(?:(?:0|[1-9]\d?|1\d\d?|2[0-4]\d|25[0-5])[\t\n\f\r ]*,[\t\n\f\r ]*(?:0|[1-9]\d?|1\d\d?|2[0-4]\d|25[0-5])[\t\n\f\r ]*,[\t\n\f\r ]*(?:0|[1-9]\d?|1\d\d?|2[0-4]\d|25[0-5])|(?:0|[1-9]\d?|1\d\d?|2[0-4]\d|25[0-5])%[\t\n\f\r ]*,[\t\n\f\r ]*(?:0|[1-9]\d?|1\d\d?|2[0-4]\d|25[0-5])%[\t\n\f\r ]*,[\t\n\f\r ]*(?:0|[1-9]\d?|1\d\d?|2[0-4]\d|25[0-5])%)[\t\n\f\r ]*\)$`,
	"hsl":               `^hsl\([\t\n\f\r ]*(?:0|[1-9]\d?|[12]\d\d|3[0-5]\d|360)[\t\n\f\r ]*,[\t\n\f\r ]*(?:(?:0|[1-9]\d?|100)%)[\t\n\f\r ]*,[\t\n\f\r ]*(?:(?:0|[1-9]\d?|100)%)[\t\n\f\r ]*\)$`,
	"cmyk":              `^cmyk\((100|[1-9]?\d)%[\t\n\f\r ]*,[\t\n\f\r ]*(100|[1-9]?\d)%[\t\n\f\r ]*,[\t\n\f\r ]*(100|[1-9]?\d)%[\t\n\f\r ]*,[\t\n\f\r ]*(100|[1-9]?\d)%\)$`,
	"e164":              `^\+?[1-9]\d{7,14}$`,
	"base32":            `^(?:[A-Z2-7]{8})*(?:[A-Z2-7]{2}={6}|[A-Z2-7]{4}={4}|[A-Z2-7]{5}={3}|[A-Z2-7]{7}=|[A-Z2-7]{8})$`,
	"base64":            `^(?:[A-Za-z0-9+\/]{4})*(?:[A-Za-z0-9+\/]{2}==|[A-Za-z0-9+\/]{3}=|[A-Za-z0-9+\/]{4})$`,
	"base64url":         `^(?:[A-Za-z0-9_-]{4})*(?:[A-Za-z0-9_-]{2}==|[A-Za-z0-9_-]{3}=|[A-Za-z0-9_-]{4})$`,
	"base64rawurl":      `^(?:[A-Za-z0-9_-]{4})*(?:[A-Za-z0-9_-]{2,4})$`,
	"uuid":              `^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`,
	"uuid_rfc4122":      `^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`,
	"uuid3":             `^[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$`,
	"uuid4":             `^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`,
	"uuid5":             `^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`,
	"uuid7":             `^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`,
	"uuid3_rfc4122":     `^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-3[0-9a-fA-F]{3}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`,
	"uuid4_rfc4122":     `^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-4[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$`,
	"uuid5_rfc4122":     `^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-5[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$`,
	"ulid":              `^[0-7][A-HJKMNP-TV-Za-hjkmnp-tv-z0-9]{25}$`,
	"md4":               `^[0-9a-f]{32}$`,
	"md5":               `^[0-9a-f]{32}$`,
	"sha256":            `^[0-9a-f]{64}$`,
	"sha384":            `^[0-9a-f]{96}$`,
	"sha512":            `^[0-9a-f]{128}$`,
	"ripemd128":         `^[0-9a-f]{32}$`,
	"ripemd160":         `^[0-9a-f]{40}$`,
	"tiger128":          `^[0-9a-f]{32}$`,
	"tiger160":          `^[0-9a-f]{40}$`,
	"tiger192":          `^[0-9a-f]{48}$`,
	"ascii":             `^[\x00-\x7F]*$`,
	"printascii":        `^[\x20-\x7E]*$`,
	"multibyte":         `^$|[^\x00-\x7F]`,
	"latitude":          `^[-+]?([1-8]?\d(\.\d+)?|90(\.0+)?)$`,
	"longitude":         `^[-+]?(180(\.0+)?|((1[0-7]\d)|([1-9]?\d))(\.\d+)?)$`,
	"ssn":               `^[0-9]{3}[ -]?(0[1-9]|[1-9][0-9])[ -]?([1-9][0-9]{3}|[0-9][1-9][0-9]{2}|[0-9]{2}[1-9][0-9]|[0-9]{3}[1-9])$`,
	"hostname":          `^[a-zA-Z]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$`,
	"hostname_rfc1123":  `^[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$`,
	"eth_addr":          `^0x[0-9a-fA-F]{40}$`,
	"url_encoded":       `^(?:[^%]|%[0-9A-Fa-f]{2})*$`,
	"jwt":               `^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$`,
	"semver":            `^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$`,
	"dns_rfc1035_label": `^[a-z]([-a-z0-9]*[a-z0-9])?$`,
	"cve":               `^CVE-(1999|2\d{3})-(0[^0]\d{2}|0\d[^0]\d{1}|0\d{2}[^0]|[1-9]{1}\d{3,})$`,
	"mongodb":           `^[a-f\d]{24}$`,
	"ein":               `^(\d{2}-\d{7})$`,
}

// formats are the tags documented with a JSON Schema format as well as
// (or, when they have no pattern, instead of) a pattern. Only a format
// with a pattern is exact: formats are annotations in JSON Schema 2020-12
// and validator's checks differ from the RFCs at the edges.
var formats = map[string]string{
	"uuid": "uuid", "uuid_rfc4122": "uuid", "uuid3": "uuid", "uuid4": "uuid", "uuid5": "uuid", "uuid7": "uuid",
	"uuid3_rfc4122": "uuid", "uuid4_rfc4122": "uuid", "uuid5_rfc4122": "uuid",
	"email": "email", "url": "uri", "http_url": "uri", "https_url": "uri", "uri": "uri-reference",
	"ipv4": "ipv4", "ipv6": "ipv6", "hostname_rfc1123": "hostname",
}

// compiled holds the Go form of each pattern, compiled once.
var compiled = func() map[string]*regexp.Regexp {
	m := make(map[string]*regexp.Regexp, len(patterns))
	for name, p := range patterns {
		m[name] = regexp.MustCompile(p)
	}
	return m
}()

// boolWords are the texts strconv.ParseBool accepts (validator's boolean).
var boolWords = []any{"1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False"}

// class is the shape of a Go kind for rules.
type class int

const (
	cOther class = iota
	cString
	cInt
	cFloat
	cBool
	cList
	cMap
	cStruct
)

func classOf(t reflect.Type) class {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.String:
		return cString
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if t == reflect.TypeFor[time.Duration]() {
			return cOther // validator reads parameters as durations
		}
		return cInt
	case reflect.Float32, reflect.Float64:
		return cFloat
	case reflect.Bool:
		return cBool
	case reflect.Slice, reflect.Array:
		if t.Elem().Kind() == reflect.Uint8 {
			return cOther // documented as a string of bytes
		}
		return cList
	case reflect.Map:
		return cMap
	case reflect.Struct:
		return cStruct
	}
	return cOther
}

// Of returns the keywords of one validate tag on values of type t
// (pointers followed). A tag that no keyword states exactly is also a
// note; a tag that none states at all is only a note.
func Of(tag Tag, t reflect.Type) *Keywords {
	k, exact := of(tag, t)
	if k == nil {
		k = &Keywords{}
	}
	k.Tags = []string{tag.String()}
	if !exact {
		k.Notes = append(k.Notes, tag.String())
	}
	return k
}

func of(tag Tag, t reflect.Type) (*Keywords, bool) {
	c := classOf(t)
	p := tag.Param
	count := func() (int, bool) {
		n, err := strconv.Atoi(p)
		return n, err == nil && n >= 0
	}
	num := func() (*Num, bool) {
		n, ok := ParseNum(p)
		return &n, ok
	}
	switch tag.Name {
	case "required":
		k := &Keywords{Required: true}
		switch c {
		case cString:
			k.MinLength = intp(1)
		case cInt, cFloat:
			k.Not = &Keywords{Const: int64(0), HasConst: true}
		case cBool:
			k.Const, k.HasConst = true, true
		case cOther:
			return k, false
		}
		return k, true
	case "isdefault":
		switch c {
		case cString:
			return &Keywords{Const: "", HasConst: true}, true
		case cInt, cFloat:
			return &Keywords{Const: int64(0), HasConst: true}, true
		case cBool:
			return &Keywords{Const: false, HasConst: true}, true
		}
	case "omitempty", "omitnil", "omitzero":
		return &Keywords{}, true
	case "min", "gte", "max", "lte", "gt", "lt", "len", "eq", "ne":
		if c == cString && (tag.Name == "eq" || tag.Name == "ne") {
			return stringEq(tag)
		}
		return sizeOrBound(tag.Name, p, c, count, num)
	case "oneof", "noneof":
		vals := oneOfValues(p)
		var enum []any
		for _, v := range vals {
			switch c {
			case cString:
				enum = append(enum, v)
			case cInt:
				n, err := strconv.ParseInt(v, 10, 64)
				if err != nil || strconv.FormatInt(n, 10) != v {
					return nil, false
				}
				enum = append(enum, n)
			default:
				return nil, false
			}
		}
		if enum == nil {
			enum = []any{}
		}
		k := &Keywords{Enum: enum}
		if tag.Name == "noneof" {
			return &Keywords{Not: k}, true
		}
		return k, true
	case "eq_ignore_case", "ne_ignore_case", "oneofci", "noneofci":
		if c != cString {
			return nil, false
		}
		vals := []string{p}
		if strings.HasPrefix(tag.Name, "oneof") || strings.HasPrefix(tag.Name, "noneof") {
			vals = oneOfValues(p)
		}
		alts := make([]string, len(vals))
		for i, v := range vals {
			alts[i] = foldPattern(v)
		}
		k := anchored("^(?:" + strings.Join(alts, "|") + ")$")
		if strings.HasPrefix(tag.Name, "ne") {
			return &Keywords{Not: k}, false // Go's EqualFold also folds beyond simple case pairs
		}
		return k, false
	case "boolean":
		switch c {
		case cString:
			return &Keywords{Enum: boolWords}, true
		case cBool:
			return &Keywords{}, true
		}
	case "numeric", "number":
		switch c {
		case cInt, cFloat:
			return &Keywords{}, true
		}
	case "latitude", "longitude":
		if c == cInt || c == cFloat {
			lim := 90.0
			if tag.Name == "longitude" {
				lim = 180
			}
			return &Keywords{Minimum: &Num{F: -lim, Int: true}, Maximum: &Num{F: lim, Int: true}}, true
		}
	case "contains", "containsrune", "excludes", "excludesrune", "startswith", "endswith", "startsnotwith", "endsnotwith":
		if c != cString || p == "" {
			return nil, false
		}
		lit := quoteMeta(p)
		if strings.HasSuffix(tag.Name, "rune") {
			r := []rune(p)
			lit = quoteMeta(string(r[0]))
		}
		switch {
		case strings.HasPrefix(tag.Name, "starts"):
			lit = "^" + lit
		case strings.HasPrefix(tag.Name, "ends"):
			lit += "$"
		}
		k := anchored(lit)
		if strings.HasPrefix(tag.Name, "excludes") || strings.Contains(tag.Name, "not") {
			return &Keywords{Not: k}, true
		}
		return k, true
	case "containsany", "excludesall":
		if c != cString || p == "" {
			return nil, false
		}
		k := anchored("[" + classMeta(p) + "]")
		if tag.Name == "excludesall" {
			return &Keywords{Not: k}, true
		}
		return k, true
	case "unique":
		if c == cList && p == "" {
			return &Keywords{UniqueItems: true}, true
		}
	case "datetime":
		if c == cString {
			switch p {
			case time.RFC3339:
				return &Keywords{Format: "date-time"}, false
			case time.DateOnly:
				return &Keywords{Format: "date"}, false
			}
		}
	case "json":
		if c == cString {
			return &Keywords{ContentMediaType: "application/json"}, false
		}
	case "ip":
		if c == cString {
			return &Keywords{AnyOf: []*Keywords{{Format: "ipv4"}, {Format: "ipv6"}}}, false
		}
	}
	if c != cString {
		return nil, false
	}
	k := &Keywords{Format: formats[tag.Name]}
	if re, ok := compiled[tag.Name]; ok {
		k.Pattern, k.Regexp = patterns[tag.Name], re
		switch tag.Name {
		case "base64", "base64url":
			k.ContentEncoding = tag.Name
		case "dns_rfc1035_label":
			k.MaxLength = intp(63)
		case "ssn":
			k.MinLength, k.MaxLength = intp(11), intp(11)
		}
		return k, true
	}
	if k.Format != "" {
		return k, false
	}
	return nil, false
}

// sizeOrBound maps the comparison tags: lengths for strings, lists and
// maps, bounds for numbers.
func sizeOrBound(name, p string, c class, count func() (int, bool), num func() (*Num, bool)) (*Keywords, bool) {
	switch c {
	case cString, cList, cMap:
		n, ok := count()
		if !ok {
			return nil, false
		}
		lo, hi := -1, -1
		switch name {
		case "min", "gte":
			lo = n
		case "max", "lte":
			hi = n
		case "gt":
			lo = n + 1
		case "lt":
			if n == 0 {
				return nil, false
			}
			hi = n - 1
		case "len", "eq", "ne":
			lo, hi = n, n
		}
		k := &Keywords{}
		set := func(lop, hip **int) {
			if lo >= 0 {
				*lop = intp(lo)
			}
			if hi >= 0 {
				*hip = intp(hi)
			}
		}
		switch c {
		case cString:
			set(&k.MinLength, &k.MaxLength)
		case cList:
			set(&k.MinItems, &k.MaxItems)
		case cMap:
			set(&k.MinProperties, &k.MaxProperties)
		}
		if name == "ne" {
			return &Keywords{Not: k}, true
		}
		return k, true
	case cInt, cFloat:
		n, ok := num()
		if !ok {
			return nil, false
		}
		if c == cInt && !n.Int {
			return nil, false
		}
		switch name {
		case "min", "gte":
			return &Keywords{Minimum: n}, true
		case "max", "lte":
			return &Keywords{Maximum: n}, true
		case "gt":
			return &Keywords{ExclusiveMinimum: n}, true
		case "lt":
			return &Keywords{ExclusiveMaximum: n}, true
		case "len", "eq":
			return &Keywords{Const: n.JSON(), HasConst: true}, true
		case "ne":
			return &Keywords{Not: &Keywords{Const: n.JSON(), HasConst: true}}, true
		}
	case cBool:
		b, err := strconv.ParseBool(p)
		if err != nil || name != "eq" && name != "ne" {
			return nil, false
		}
		k := &Keywords{Const: b, HasConst: true}
		if name == "ne" {
			return &Keywords{Not: k}, true
		}
		return k, true
	}
	return nil, false
}

// stringEq handles eq and ne on strings, which compare the text.
func stringEq(tag Tag) (*Keywords, bool) {
	k := &Keywords{Const: tag.Param, HasConst: true}
	if tag.Name == "ne" {
		return &Keywords{Not: k}, true
	}
	return k, true
}

var oneOfSplit = regexp.MustCompile(`'[^']*'|\S+`)

// oneOfValues splits a oneof parameter as validator does: by spaces, a
// value in single quotes may hold spaces.
func oneOfValues(p string) []string {
	vals := oneOfSplit.FindAllString(p, -1)
	for i, v := range vals {
		vals[i] = strings.ReplaceAll(v, "'", "")
	}
	return vals
}

func anchored(p string) *Keywords {
	return &Keywords{Pattern: p, Regexp: regexp.MustCompile(p)}
}

// quoteMeta escapes s for a pattern that both Go and ECMA-262 read
// literally.
func quoteMeta(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case strings.ContainsRune(`\.+*?()|[]{}^$/-`, r):
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			b.WriteString(`\x` + strconv.FormatInt(int64(r)|0x100, 16)[1:])
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// classMeta escapes s for the inside of a character class.
func classMeta(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`\]^-[`, r) {
			b.WriteByte('\\')
		}
		if r < 0x20 || r == 0x7f {
			b.WriteString(`\x` + strconv.FormatInt(int64(r)|0x100, 16)[1:])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// foldPattern matches s in any ASCII or simple Unicode case, without
// (?i), which ECMA-262 lacks: each letter with another case becomes a
// class of its cases.
func foldPattern(s string) string {
	var b strings.Builder
	for _, r := range s {
		lo, up := strings.ToLower(string(r)), strings.ToUpper(string(r))
		if lo == up || len([]rune(lo)) != 1 || len([]rune(up)) != 1 {
			b.WriteString(quoteMeta(string(r)))
			continue
		}
		b.WriteString("[" + classMeta(lo) + classMeta(up) + "]")
	}
	return b.String()
}
