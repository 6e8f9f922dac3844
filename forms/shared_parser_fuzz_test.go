package forms_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// FuzzOneFormParser sends arbitrary urlencoded and multipart bodies to
// typed's form binding, forms.Bind and forms.Password: they never panic,
// answer only 200, 400 or 422, and read the same values (typed and Bind
// always agree; Password agrees whenever it accepts the form).
func FuzzOneFormParser(f *testing.F) {
	for _, s := range []struct {
		kind uint8
		body string
	}{
		{0, "username=j%C3%B6hn&password=caf%E9"},
		{0, "username=j\xf6hn&password=x&username="},
		{1, "--b\r\nContent-Disposition: form-data; name=\"username\"\r\n\r\nj\xf6hn\r\n--b\r\nContent-Disposition: form-data; name=\"password\"\r\n\r\np\r\n--b--\r\n"},
		{2, "--b\r\nContent-Disposition: form-data; name=\"username\"\r\n\r\nj\xc3\xb6hn\r\n--b\r\nContent-Disposition: form-data; name=\"password\"\r\n\r\np\r\n--b--\r\n"},
		{1, "--b\r\nContent-Disposition: form-data; name=\"password\"; filename=\"x\"\r\n\r\np\r\n--b--\r\n"},
		{1, "--b\r\nbroken"},
	} {
		f.Add(s.kind, s.body)
	}
	types := []string{"application/x-www-form-urlencoded", "multipart/form-data; boundary=b", "multipart/form-data; boundary=b; charset=latin-1"}
	e := sharedParserApp()
	f.Fuzz(func(t *testing.T, kind uint8, body string) {
		ct := types[int(kind)%len(types)]
		answer := func(path string) (int, string) {
			req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(body))
			req.Header.Set("Content-Type", ct)
			rec := httptest.NewRecorder()
			e.ServeHTTP(rec, req)
			switch rec.Code {
			case 200, 400, 422:
			default:
				t.Fatalf("%s: status %d: %s", path, rec.Code, rec.Body)
			}
			return rec.Code, rec.Body.String()
		}
		ts, tb := answer("/typed")
		bs, bb := answer("/bind")
		ps, pb := answer("/password")
		if ts != bs || ts == 200 && tb != bb {
			t.Fatalf("typed %d %s, Bind %d %s", ts, tb, bs, bb)
		}
		if ps == 200 && (ts != 200 || pb != tb) {
			t.Fatalf("Password %d %s, typed %d %s", ps, pb, ts, tb)
		}
	})
}
