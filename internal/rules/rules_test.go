package rules

import (
	"encoding/json"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/go-playground/validator/v10"
)

// TestPatternsAgreeWithValidator: every pattern documented for a validator
// tag accepts exactly what validator accepts, on samples from both sides.
func TestPatternsAgreeWithValidator(t *testing.T) {
	v := validator.New()
	samples := []string{
		"", "a", "abc", "ABC", "aB3", "a b", "abc1", "é", "éa", "٣", "123", "-12", "+1.5", "1.", ".5", "0x1F", "0X1f", "ff", "xyz",
		"#fff", "#ffff", "#ffffff", "#ffffffff", "#ff", "rgb(1,2,3)", "rgb( 255 , 0 , 0 )", "rgb(256,0,0)", "rgb(10%,20%,30%)", "rgb(1,2,3)\n",
		"hsl(360,100%,50%)", "hsl(361,100%,50%)", "cmyk(0%,50%,100%,0%)", "+14155552671", "14155552671", "+0415555",
		"MFRGG===", "MFRGGZDF", "aGVsbG8=", "aGVsbG8", "aGk-Xw==", "aGk_Xw", "3b241101-e2bb-4255-8caf-4136c566a962",
		"3B241101-E2BB-4255-8CAF-4136C566A962", "3b241101-e2bb-3255-8caf-4136c566a962", "3b241101-e2bb-5255-8caf-4136c566a962",
		"3b241101-e2bb-7255-8caf-4136c566a962", "3b241101-e2bb-4255-7caf-4136c566a962", "01ARZ3NDEKTSV4RRFFQ69G5FAV", "01arz3ndektsv4rrffq69g5fav",
		"81ARZ3NDEKTSV4RRFFQ69G5FAV", "01ARZ3NDEKTSV4RRFFQ69G5FAI", "d41d8cd98f00b204e9800998ecf8427e", "D41D8CD98F00B204E9800998ECF8427E",
		"hello\x00", "hello\x7f", "héllo", "\t", "90", "-90.0", "90.1", "180", "-180.0001", "123-45-6789", "123 45 6789", "000-00-0000",
		"example.com", "1example.com", "-example.com", "ex_ample.com", "0x52908400098527886E0F7030069857D2E4169EE7", "0x123",
		"a%20b", "a%2", "eyJ.eyJ.sig", "eyJ.eyJ.", "a.b", "1.2.3", "1.2.3-rc.1+build.5", "01.2.3", "abc-def", "a-", "Abc",
		"CVE-2021-44228", "CVE-2021-0001", "CVE-2021-0000", "507f1f77bcf86cd799439011", "507F1F77BCF86CD799439011", "12-3456789", "123456789",
	}
	for tag := range compiled {
		kw := Of(Tag{Name: tag}, reflect.TypeFor[string]())
		for _, s := range samples {
			want := v.Var(s, tag) == nil
			if got := kw.Check(reflect.ValueOf(s)) == nil; got != want {
				t.Errorf("%s: pattern says %v for %q, validator %v", tag, got, s, want)
			}
		}
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		tag  string
		want string // JSON of the chain
	}{
		{"", `{"Omit":"","Rules":null,"Keys":null,"Elem":null}`},
		{"omitempty,min=3,max=50", `{"Omit":"omitempty","Rules":[{"Alts":[{"Name":"min","Param":"3"}]},{"Alts":[{"Name":"max","Param":"50"}]}],"Keys":null,"Elem":null}`},
		{"rgb|rgba", `{"Omit":"","Rules":[{"Alts":[{"Name":"rgb","Param":""},{"Name":"rgba","Param":""}]}],"Keys":null,"Elem":null}`},
		{"contains=a0x2Cb", `{"Omit":"","Rules":[{"Alts":[{"Name":"contains","Param":"a,b"}]}],"Keys":null,"Elem":null}`},
		{"min=1,dive,keys,alpha,endkeys,gt=0", `{"Omit":"","Rules":[{"Alts":[{"Name":"min","Param":"1"}]}],"Keys":null,"Elem":{"Omit":"","Rules":[{"Alts":[{"Name":"gt","Param":"0"}]}],"Keys":{"Omit":"","Rules":[{"Alts":[{"Name":"alpha","Param":""}]}],"Keys":null,"Elem":null},"Elem":null}}`},
	}
	for _, tt := range tests {
		c, err := Parse(tt.tag)
		if err != nil {
			t.Fatalf("%q: %v", tt.tag, err)
		}
		got, _ := json.Marshal(c)
		if string(got) != tt.want {
			t.Errorf("%q:\n got %s\nwant %s", tt.tag, got, tt.want)
		}
	}
	for _, bad := range []string{"dive,keys,min=1", "min=1,,max=2", "keys"} {
		if _, err := Parse(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

func TestDoc(t *testing.T) {
	tests := []struct {
		tag   string
		typ   reflect.Type
		want  string
		notes []string
	}{
		{"gte=0,lte=1000", reflect.TypeFor[int](), `{"maximum":1000,"minimum":0}`, nil},
		{"gt=0,lt=10.5", reflect.TypeFor[float64](), `{"exclusiveMaximum":10.5,"exclusiveMinimum":0}`, nil},
		{"min=3,max=50", reflect.TypeFor[*string](), `{"maxLength":50,"minLength":3}`, nil},
		{"gt=3,lt=5", reflect.TypeFor[string](), `{"maxLength":4,"minLength":4}`, nil},
		{"len=2", reflect.TypeFor[[]int](), `{"maxItems":2,"minItems":2}`, nil},
		{"oneof=red green 'light blue'", reflect.TypeFor[string](), `{"enum":["red","green","light blue"]}`, nil},
		{"oneof=1 2", reflect.TypeFor[int](), `{"enum":[1,2]}`, nil},
		{"omitempty,min=3", reflect.TypeFor[string](), `{"anyOf":[{"const":""},{"minLength":3}]}`, nil},
		{"email", reflect.TypeFor[string](), `{"format":"email"}`, []string{"email"}},
		{"uuid4", reflect.TypeFor[string](), `{"format":"uuid","pattern":"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"}`, nil},
		{"ltfield=End", reflect.TypeFor[int](), `{}`, []string{"ltfield=End"}},
		{"startswith=a.b", reflect.TypeFor[string](), `{"pattern":"^a\\.b"}`, nil},
		{"excludesall=<>", reflect.TypeFor[string](), `{"not":{"pattern":"[<>]"}}`, nil},
		{"ne=0", reflect.TypeFor[int](), `{"not":{"const":0}}`, nil},
		{"unique", reflect.TypeFor[[]string](), `{"uniqueItems":true}`, nil},
		{"required", reflect.TypeFor[string](), `{"minLength":1}`, nil},
		{"hexcolor|rgb", reflect.TypeFor[string](), `{"anyOf":[{"pattern":"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$"},{"pattern":"` + jsonEsc(patterns["rgb"]) + `"}]}`, nil},
		{"min=1,gte=2", reflect.TypeFor[int](), `{"allOf":[{"minimum":2}],"minimum":1}`, nil},
	}
	for _, tt := range tests {
		c, err := Parse(tt.tag)
		if err != nil {
			t.Fatal(err)
		}
		d := c.Doc(tt.typ)
		var buf strings.Builder
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		_ = enc.Encode(d.Self.Map())
		if got := strings.TrimSpace(buf.String()); got != tt.want {
			t.Errorf("%q on %v:\n got %s\nwant %s", tt.tag, tt.typ, got, tt.want)
		}
		sort.Strings(d.Self.Notes)
		if !reflect.DeepEqual(d.Self.Notes, tt.notes) {
			t.Errorf("%q notes %q, want %q", tt.tag, d.Self.Notes, tt.notes)
		}
	}
}

func jsonEsc(s string) string {
	b, _ := json.Marshal(s)
	return string(b[1 : len(b)-1])
}

func TestPydanticRegexp(t *testing.T) {
	tests := []struct {
		pattern, s string
		want       bool
	}{
		{"^fixedquery$", "fixedquery", true},
		{"^fixedquery$", "fixedquery\n", false}, // $ only at the very end, as in Rust
		{"fixed", "a fixed b", true},            // search semantics
		{`^\d+$`, "٣٤", true},                   // Unicode digits, as in Rust
		{`^\w+$`, "héllo", true},
		{`^\s$`, "\u00a0", true},
		{`^[\d]+$`, "١", true},
		{`^[^\d]+$`, "١", false},
		{`^[]a]+$`, "]a", true},
		{`^\\d$`, `\d`, true},
	}
	for _, tt := range tests {
		re, err := PydanticRegexp(tt.pattern)
		if err != nil {
			t.Fatalf("%q: %v", tt.pattern, err)
		}
		if got := re.MatchString(tt.s); got != tt.want {
			t.Errorf("%q on %q = %v, want %v", tt.pattern, tt.s, got, tt.want)
		}
	}
}

func TestCheck(t *testing.T) {
	n := func(f float64) *Num { return &Num{F: f, Int: f == float64(int64(f))} }
	tests := []struct {
		name string
		kw   *Keywords
		v    any
		want string // JSON of the error, "" for none
	}{
		{"ge ok", &Keywords{Minimum: n(0)}, 0, ""},
		{"ge", &Keywords{Minimum: n(0)}, -1, `{"Type":"greater_than_equal","Msg":"Input should be greater than or equal to 0","Ctx":{"ge":0}}`},
		{"lt float", &Keywords{ExclusiveMaximum: n(10.5)}, 10.5, `{"Type":"less_than","Msg":"Input should be less than 10.5","Ctx":{"lt":10.5}}`},
		{"gt float of an int bound", &Keywords{ExclusiveMinimum: n(0)}, 0.0, `{"Type":"greater_than","Msg":"Input should be greater than 0","Ctx":{"gt":0}}`},
		{"le before ge for NaN-like order", &Keywords{Minimum: n(0), Maximum: n(1)}, 5, `{"Type":"less_than_equal","Msg":"Input should be less than or equal to 1","Ctx":{"le":1}}`},
		{"short", &Keywords{MinLength: intp(3), MaxLength: intp(5), Pattern: "^a", Regexp: compiledOf("^a")}, "ab", `{"Type":"string_too_short","Msg":"String should have at least 3 characters","Ctx":{"min_length":3}}`},
		{"pattern", &Keywords{MinLength: intp(1), Pattern: "^a", Regexp: compiledOf("^a")}, "ba", `{"Type":"string_pattern_mismatch","Msg":"String should match pattern '^a'","Ctx":{"pattern":"^a"}}`},
		{"runes", &Keywords{MaxLength: intp(2)}, "éé", ""},
		{"enum", &Keywords{Enum: []any{"a", "b"}}, "c", `{"Type":"enum","Msg":"Input should be 'a' or 'b'","Ctx":{"expected":"'a' or 'b'"}}`},
		{"enum int", &Keywords{Enum: []any{int64(1), int64(2)}}, 3, `{"Type":"enum","Msg":"Input should be 1 or 2","Ctx":{"expected":"1 or 2"}}`},
		{"const", &Keywords{Const: "x", HasConst: true}, "y", `{"Type":"literal_error","Msg":"Input should be 'x'","Ctx":{"expected":"'x'"}}`},
		{"items", &Keywords{MinItems: intp(2)}, []string{"a"}, `{"Type":"too_short","Msg":"List should have at least 2 items after validation, not 1","Ctx":{"actual_length":1,"field_type":"List","min_length":2}}`},
		{"unique", &Keywords{UniqueItems: true}, []int{1, 1}, `{"Type":"value_error","Msg":"Value error, List should have unique items","Ctx":null}`},
		{"multiple", &Keywords{MultipleOf: n(0.1)}, 0.3, ""},
		{"nil pointer", &Keywords{MinLength: intp(3)}, (*string)(nil), ""},
	}
	for _, tt := range tests {
		e := tt.kw.Check(reflect.ValueOf(tt.v))
		got := ""
		if e != nil {
			b, _ := json.Marshal(e)
			got = string(b)
		}
		if got != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, got, tt.want)
		}
	}
}

func compiledOf(p string) *regexp.Regexp { re, _ := PydanticRegexp(p); return re }
