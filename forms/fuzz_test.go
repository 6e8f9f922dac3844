package forms_test

import (
	"bytes"
	"encoding/json"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"reflect"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

// FuzzPasswordForm posts arbitrary bodies with arbitrary Content-Types to
// Password and PasswordStrict: no panic, and either the form a reference
// model of Starlette and python-multipart gives, or a 422 listing exactly
// the failures the model predicts, which never contains the password.
// So that mutations reach the fields, the bytes 0x01 to 0x06 of a body
// stand for the six field names.
func FuzzPasswordForm(f *testing.F) {
	for _, s := range []struct {
		body, ct string
	}{
		{"grant_type=password&username=johndoe&password=secret&scope=a+b%09c", urlencoded},
		{"username=j%C3%B6hn&password=p%E2%82;x=1;&&grant_type=PASSWORD", urlencoded + "; charset=utf-8"},
		{"user%6Eame=a&username&password=%ED%A0%80\xff", "APPLICATION/X-WWW-FORM-URLENCODED"},
		{"username=a;password=b&scope=%1C%C2%85x", "Application/x-www-form-urlencoded=x; y"},
		{"--b\r\nContent-Disposition: form-data; name=\"username\"\r\n\r\nann\r\n--b--\r\n", "multipart/form-data; boundary=b"},
		{`{"username":"a","password":"b"}`, "application/json"},
	} {
		f.Add([]byte(s.body), s.ct, false)
		f.Add([]byte(s.body), s.ct, true)
	}
	f.Add([]byte("\x01=password&\x02=a+b&\x03=%C3%A9&\x04=x%09y&\x05=c&\x06=s"), urlencoded, true)
	f.Add([]byte("\x02=a;\x03=b;\x01=;\x02"), urlencoded, false)
	e := newServer(nil)
	f.Fuzz(func(t *testing.T, body []byte, ct string, strict bool) {
		path := "/login"
		if strict {
			path = "/strict"
		}
		for k, name := range refNames {
			body = bytes.ReplaceAll(body, []byte{byte(k + 1)}, []byte(name))
		}
		rec := post(e, path, ct, body)
		got := rec.Body.Bytes()
		kind := refKind(ct)
		var want refForm
		switch kind {
		case "application/x-www-form-urlencoded":
			want = refParse(body)
		case "multipart/form-data":
			want = multipartValues(ct, body)
		}
		wantErrs := want.errors(strict)

		switch rec.Code {
		case http.StatusOK:
			var form map[string]any
			if err := json.Unmarshal(got, &form); err != nil {
				t.Fatalf("200 with %q: %v", got, err)
			}
			if kind == "multipart/form-data" {
				if form["username"] == "" || form["password"] == "" {
					t.Fatalf("multipart 200 without credentials: %s", got)
				}
				return
			}
			if len(wantErrs) > 0 {
				t.Fatalf("got 200 %s, want errors %v", got, wantErrs)
			}
			if wantForm := want.json(); !reflect.DeepEqual(form, wantForm) {
				t.Fatalf("got %s\nwant %v", got, wantForm)
			}
		case http.StatusUnprocessableEntity:
			var answer struct {
				Detail []struct {
					Type  string `json:"type"`
					Loc   []any  `json:"loc"`
					Msg   string `json:"msg"`
					Input any    `json:"input"`
				} `json:"detail"`
			}
			if err := json.Unmarshal(got, &answer); err != nil || len(answer.Detail) == 0 {
				t.Fatalf("422 with %q: %v", got, err)
			}
			if kind != "multipart/form-data" {
				var gotErrs []refError
				for _, d := range answer.Detail {
					if len(d.Loc) != 2 || d.Loc[0] != "body" || d.Msg == "" {
						t.Fatalf("bad entry in %s", got)
					}
					gotErrs = append(gotErrs, refError{d.Type, d.Loc[1].(string), d.Input})
				}
				if !reflect.DeepEqual(gotErrs, wantErrs) {
					t.Fatalf("got %s\nwant %v", got, wantErrs)
				}
			}
			if p := want[fPassword]; len(p) >= 3 && !strings.Contains(vocabulary+want[fGrantType], p) {
				quoted, _ := json.Marshal(p)
				if bytes.Contains(got, []byte(p)) || bytes.Contains(got, quoted[1:len(quoted)-1]) {
					t.Fatalf("422 echoes the password %q: %s", p, got)
				}
			}
		case http.StatusBadRequest:
			if kind != "multipart/form-data" {
				t.Fatalf("400 for %q: %s", kind, got)
			}
		default:
			t.Fatalf("status %d: %s", rec.Code, got)
		}
	})
}

// vocabulary is every string a 422 body of the password form holds besides
// the grant_type it echoes.
const vocabulary = `{"detail":[{"type":"missing","loc":["body","grant_type","username","password"],"msg":"Field required","input":null,"string_pattern_mismatch","String should match pattern '^password$'","ctx":{"pattern":"^password$"}}]}`

// The fields, in order.
const (
	fGrantType = iota
	fUsername
	fPassword
	fScope
	fClientID
	fClientSecret
)

var refNames = []string{"grant_type", "username", "password", "scope", "client_id", "client_secret"}

// refForm holds the value of each field; "" is missing.
type refForm [6]string

type refError struct {
	Type  string
	Field string
	Input any
}

func (f refForm) errors(strict bool) []refError {
	var errs []refError
	if gt := f[fGrantType]; gt == "" && strict {
		errs = append(errs, refError{"missing", "grant_type", nil})
	} else if gt != "" && gt != "password" {
		errs = append(errs, refError{"string_pattern_mismatch", "grant_type", gt})
	}
	for _, k := range []int{fUsername, fPassword} {
		if f[k] == "" {
			errs = append(errs, refError{"missing", refNames[k], nil})
		}
	}
	return errs
}

// json is the form as encoding/json decodes its FastAPI JSON.
func (f refForm) json() map[string]any {
	opt := func(s string) any {
		if s == "" {
			return nil
		}
		return s
	}
	scopes := []any{}
	for _, s := range pySplit(f[fScope]) {
		scopes = append(scopes, s)
	}
	return map[string]any{
		"grant_type": opt(f[fGrantType]), "username": f[fUsername], "password": f[fPassword],
		"scopes": scopes, "client_id": opt(f[fClientID]), "client_secret": opt(f[fClientSecret]),
	}
}

// refKind is python-multipart's parse_options_header(ct)[0], written after
// its source and email.message's _parseparam and get_params.
func refKind(ct string) string {
	if ct == "" {
		return ""
	}
	if !strings.Contains(ct, ";") {
		return pyLower(pyStrip(ct))
	}
	s := ct
	end := strings.Index(s, ";")
	for end > 0 && (strings.Count(s[:end], `"`)-strings.Count(s[:end], `\"`))%2 == 1 {
		next := strings.Index(s[end+1:], ";")
		if next < 0 {
			end = -1
			break
		}
		end += 1 + next
	}
	if end < 0 {
		end = len(s)
	}
	first := s[:end]
	if i := strings.Index(first, "="); i >= 0 {
		first = pyLower(pyStrip(first[:i])) + "=" + pyStrip(first[i+1:])
	}
	first = pyStrip(first)
	if name, _, ok := strings.Cut(first, "="); ok {
		return pyStrip(name)
	}
	return first
}

// pyStrip is str.strip() on a string of Latin-1 characters, one per byte.
func pyStrip(s string) string {
	const space = "\t\n\v\f\r\x1c\x1d\x1e\x1f \x85\xa0"
	for s != "" && strings.IndexByte(space, s[0]) >= 0 {
		s = s[1:]
	}
	for s != "" && strings.IndexByte(space, s[len(s)-1]) >= 0 {
		s = s[:len(s)-1]
	}
	return s
}

func pyLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' || 0xC0 <= c && c <= 0xDE && c != 0xD7 {
			b[i] = c + 0x20
		}
	}
	return string(b)
}

// refParse is Starlette's FormParser fed the body in one chunk: the
// QuerystringParser state machine of python-multipart, its callbacks
// accumulated as Starlette does, unquote_plus on the Latin-1 text, and a
// dict in which the last occurrence wins.
func refParse(data []byte) refForm {
	var form refForm
	var name, value []byte
	end := func() {
		n, v := pyUnquotePlus(name), pyUnquotePlus(value)
		for k, want := range refNames {
			if n == want {
				form[k] = v
			}
		}
	}
	const (
		beforeField = iota
		fieldName
		fieldData
	)
	state, foundSep := beforeField, false
	find := func(c byte, i, j int) int {
		if k := bytes.IndexByte(data[i:j], c); k >= 0 {
			return i + k
		}
		return -1
	}
	length := len(data)
	for i := 0; i < length; i++ {
		ch := data[i]
		switch state {
		case beforeField:
			if ch == '&' || ch == ';' {
				foundSep = true
				continue
			}
			name, value = nil, nil
			i--
			state, foundSep = fieldName, false
		case fieldName:
			sep := find('&', i, length)
			if sep == -1 {
				sep = find(';', i, length)
			}
			eq := -1
			if sep != -1 {
				eq = find('=', i, sep)
			} else {
				eq = find('=', i, length)
			}
			switch {
			case eq != -1:
				name = append(name, data[i:eq]...)
				i = eq
				state = fieldData
			case sep != -1:
				name = append(name, data[i:sep]...)
				end()
				i = sep - 1
				state = beforeField
			default:
				name = append(name, data[i:]...)
				i = length
			}
		case fieldData:
			sep := find('&', i, length)
			if sep == -1 {
				sep = find(';', i, length)
			}
			if sep != -1 {
				value = append(value, data[i:sep]...)
				end()
				i = sep - 1
				state = beforeField
			} else {
				value = append(value, data[i:]...)
				i = length
			}
		}
	}
	_ = foundSep
	if state == fieldData {
		end()
	}
	return form
}

// pyUnquotePlus is urllib.parse.unquote_plus(raw.decode("latin-1")).
func pyUnquotePlus(raw []byte) string {
	runes := make([]rune, len(raw))
	for i, c := range raw {
		runes[i] = rune(c)
		if c == '+' {
			runes[i] = ' '
		}
	}
	s := string(runes)
	if !strings.Contains(s, "%") {
		return s
	}
	var out strings.Builder
	for s != "" {
		i := 0
		for i < len(s) && s[i] < utf8.RuneSelf {
			i++
		}
		out.WriteString(pyDecodeUTF8(pyUnquoteToBytes(s[:i])))
		s = s[i:]
		j := 0
		for j < len(s) && s[j] >= utf8.RuneSelf {
			j++
		}
		out.WriteString(s[:j])
		s = s[j:]
	}
	return out.String()
}

func pyUnquoteToBytes(s string) []byte {
	bits := strings.Split(s, "%")
	res := []byte(bits[0])
	for _, item := range bits[1:] {
		if len(item) >= 2 && isHexDigit(item[0]) && isHexDigit(item[1]) {
			var b byte
			for _, c := range []byte(item[:2]) {
				b = b<<4 | byte(strings.IndexByte("0123456789abcdef", c|0x20))
			}
			res = append(res, b)
			res = append(res, item[2:]...)
		} else {
			res = append(res, '%')
			res = append(res, item...)
		}
	}
	return res
}

func isHexDigit(c byte) bool { return strings.IndexByte("0123456789abcdefABCDEF", c) >= 0 }

// utf8Prefixes holds every proper prefix of the UTF-8 encoding of every
// multi-byte character.
var utf8Prefixes = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for r := rune(0x80); r <= utf8.MaxRune; r++ {
		if 0xD800 <= r && r <= 0xDFFF {
			continue
		}
		enc := utf8.AppendRune(nil, r)
		for k := 1; k < len(enc); k++ {
			m[string(enc[:k])] = true
		}
	}
	return m
})

// pyDecodeUTF8 is bytes.decode("utf-8", "replace"): each maximal prefix
// of a character's encoding that is cut short, or else each single bad
// byte, becomes one U+FFFD.
func pyDecodeUTF8(b []byte) string {
	var out strings.Builder
	for len(b) > 0 {
		if r, n := utf8.DecodeRune(b); r != utf8.RuneError || n > 1 {
			out.Write(b[:n])
			b = b[n:]
			continue
		}
		n := 1
		for k := min(3, len(b)); k > 1; k-- {
			if utf8Prefixes()[string(b[:k])] {
				n = k
				break
			}
		}
		out.WriteRune(utf8.RuneError)
		b = b[n:]
	}
	return out.String()
}

// pySplit is Python's str.split() with no arguments.
func pySplit(s string) []string {
	const space = "\t\n\v\f\r\x1c\x1d\x1e\x1f \u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
	return strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(space, r) })
}

// multipartValues reads the last value of each field from a multipart
// body, as far as Go's reader can; it serves only the secret check.
func multipartValues(ct string, body []byte) refForm {
	var form refForm
	_, params, err := mime.ParseMediaType(ct)
	if err != nil {
		return form
	}
	r := multipart.NewReader(bytes.NewReader(body), params["boundary"])
	for {
		p, err := r.NextPart()
		if err != nil {
			return form
		}
		v, _ := io.ReadAll(p)
		for k, name := range refNames {
			if p.FormName() == name && p.FileName() == "" {
				form[k] = string(v)
			}
		}
	}
}
