package security_test

import (
	"testing"

	"github.com/fastecho/fastecho/security"
)

func TestAPIKeyHeader(t *testing.T) {
	t.Parallel()
	checkRows(t, &security.APIKeyHeader{Name: "x-key"}, "APIKey", []row{
		{name: "missing"},
		{name: "present", whenHeader: [][2]string{{"X-Key", "secret"}}, want: `"secret"`},
		{name: "name case-insensitive", whenHeader: [][2]string{{"X-KEY", "secret"}}, want: `"secret"`},
		{name: "empty", whenHeader: [][2]string{{"X-Key", ""}}},
		{name: "only spaces", whenHeader: [][2]string{{"X-Key", " \t "}}},
		{name: "surrounding spaces trimmed", whenHeader: [][2]string{{"X-Key", "  a b\t"}}, want: `"a b"`},
		{name: "first of duplicates", whenHeader: [][2]string{{"X-Key", "one"}, {"X-Key", "two"}}, want: `"one"`},
		{name: "empty first of duplicates", whenHeader: [][2]string{{"X-Key", ""}, {"X-Key", "two"}}},
		{name: "latin-1 bytes", whenHeader: [][2]string{{"X-Key", "ö"}}, want: `"Ã¶"`},
		{name: "other header", whenHeader: [][2]string{{"X-Other", "secret"}}},
		{name: "inner whitespace kept", whenHeader: [][2]string{{"X-Key", "\x0bk\x0b"}}, want: `"\u000bk\u000b"`},
	})
}

func TestAPIKeyQuery(t *testing.T) {
	t.Parallel()
	checkRows(t, &security.APIKeyQuery{Name: "api_key"}, "APIKey", []row{
		{name: "missing"},
		{name: "present", whenQuery: "?api_key=secret", want: `"secret"`},
		{name: "empty", whenQuery: "?api_key="},
		{name: "no value", whenQuery: "?api_key"},
		{name: "last wins", whenQuery: "?api_key=a&api_key=b", want: `"b"`},
		{name: "last empty wins", whenQuery: "?api_key=a&api_key="},
		{name: "percent-decoded", whenQuery: "?api_key=%20%20", want: `"  "`},
		{name: "plus is space", whenQuery: "?api_key=a+b", want: `"a b"`},
		{name: "utf-8", whenQuery: "?api_key=%C3%B6", want: `"ö"`},
		{name: "encoded name", whenQuery: "?api%5Fkey=k", want: `"k"`},
		{name: "case-sensitive name", whenQuery: "?API_KEY=k"},
		{name: "other parameter", whenQuery: "?key=k"},
	})
}

func TestAPIKeyCookie(t *testing.T) {
	t.Parallel()
	cookie := func(vs ...string) [][2]string {
		var h [][2]string
		for _, v := range vs {
			h = append(h, [2]string{"Cookie", v})
		}
		return h
	}
	checkRows(t, &security.APIKeyCookie{Name: "session"}, "APIKey", []row{
		{name: "missing"},
		{name: "present", whenHeader: cookie("session=abc"), want: `"abc"`},
		{name: "among others", whenHeader: cookie("a=1; session=abc; b=2"), want: `"abc"`},
		{name: "empty", whenHeader: cookie("session=")},
		{name: "quoted", whenHeader: cookie(`session="a b"`), want: `"a b"`},
		{name: "quoted escapes", whenHeader: cookie(`session="a\"b\\c\101"`), want: `"a\"b\\cA"`},
		{name: "spaces kept", whenHeader: cookie("session=a b"), want: `"a b"`},
		{name: "trimmed", whenHeader: cookie("  session  =  abc  ;x=1"), want: `"abc"`},
		{name: "last wins", whenHeader: cookie("session=a; session=b"), want: `"b"`},
		{name: "last empty wins", whenHeader: cookie("session=a; session=")},
		{name: "across headers", whenHeader: cookie("session=a", "session=b"), want: `"b"`},
		{name: "no percent-decoding", whenHeader: cookie("session=a%20b"), want: `"a%20b"`},
		{name: "name case-sensitive", whenHeader: cookie("Session=abc")},
		{name: "latin-1 bytes", whenHeader: cookie("session=ö"), want: `"Ã¶"`},
		{name: "value with equals", whenHeader: cookie("session=a=b"), want: `"a=b"`},
	})
}
