package security

import (
	"strings"
	"testing"
	"time"
)

// TestDigestRFC7616Vectors checks the response computation against the
// examples of RFC 7616 §3.9.1.
func TestDigestRFC7616Vectors(t *testing.T) {
	t.Parallel()
	cred := DigestCredentials{
		Username: "Mufasa", Realm: "http-auth@example.org", URI: "/dir/index.html",
		Nonce:  "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v",
		CNonce: "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", NC: "00000001", QOP: "auth",
	}
	user := DigestUser[string]{Password: "Circle of Life"}
	for _, tt := range []struct{ alg, want string }{
		{"MD5", "8ca523f5e9506fed4657c9700eebdbec"},
		{"SHA-256", "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1"},
	} {
		alg, _ := findDigestAlg(tt.alg)
		if got := string(digestResponse(alg.hash(), alg, cred, user.Password, user.HA1, cred.Realm, "GET")); got != tt.want {
			t.Errorf("%s response = %s, want %s", tt.alg, got, tt.want)
		}
		withHA1 := DigestUser[string]{HA1: strings.ToUpper(DigestHA1(tt.alg, cred.Username, cred.Realm, user.Password))}
		if got := string(digestResponse(alg.hash(), alg, cred, withHA1.Password, withHA1.HA1, cred.Realm, "GET")); got != tt.want {
			t.Errorf("%s response from HA1 = %s, want %s", tt.alg, got, tt.want)
		}
	}
	// The RFC's header parses into those values.
	_, err := ParseDigestCredentials(`username="Mufasa",
       realm="http-auth@example.org",
       uri="/dir/index.html",
       algorithm=SHA-256,
       nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v",
       nc=00000001,
       cnonce="f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ",
       qop=auth,
       response="753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1",
       opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"`)
	if err == nil {
		t.Errorf("line breaks inside the parameters parsed; want an error (headers cannot hold them)")
	}
	c, err := ParseDigestCredentials(`username="Mufasa", realm="http-auth@example.org", uri="/dir/index.html", algorithm=SHA-256, ` +
		`nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", nc=00000001, cnonce="f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", ` +
		`qop=auth, response="753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"`)
	cred.Algorithm, cred.Response, cred.Opaque = "SHA-256", "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1", "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"
	if err != nil || c != cred {
		t.Errorf("ParseDigestCredentials = %#v, %v; want %#v", c, err, cred)
	}
}

// TestNCTrackerBounded: the table never holds more than max nonces, and
// forgets expired ones.
func TestNCTrackerBounded(t *testing.T) {
	t.Parallel()
	ttl := int64(time.Minute)
	tr := newNCTracker(3, ttl)
	id := func(issued int64, r byte) nonceID {
		var n nonceID
		for i := range 8 {
			n[i] = byte(uint64(issued) >> (56 - 8*i))
		}
		n[8] = r
		return n
	}
	now := int64(time.Hour)
	for i := range 10 {
		if got := tr.use(id(now+int64(i), byte(i)), 1, now+int64(i)); got != ncFresh {
			t.Fatalf("nonce %d: %v", i, got)
		}
		if n := tr.size(); n > 3 {
			t.Fatalf("size %d after %d nonces", n, i+1)
		}
	}
	// Forgotten while fresh: lost, not accepted again.
	if got := tr.use(id(now, 0), 2, now+10); got != ncLost {
		t.Errorf("forgotten nonce: %v, want ncLost", got)
	}
	if got := tr.use(id(now+9, 9), 1, now+10); got != ncReplay {
		t.Errorf("remembered nonce, same count: %v, want ncReplay", got)
	}
	// All expire.
	tr.use(id(now+2*ttl, 1), 1, now+2*ttl)
	if n := tr.size(); n != 1 {
		t.Errorf("size %d after expiry, want 1", n)
	}
}

// FuzzBearerChallenge: whatever the attribute values, the challenge is
// one header line whose parameters parse back (RFC 9110 §11.2) into the
// values, with only the characters a header cannot carry replaced.
func FuzzBearerChallenge(f *testing.F) {
	f.Add("example", "invalid_token", "The access token expired", "items me")
	f.Add(`a"b\c`, "", `say "hi", \o/`, "")
	f.Add("réalm\x00", "x\ty", "line\r\nbreak é", "a\x7fb")
	f.Fuzz(func(t *testing.T, realm, code, desc, scope string) {
		c := BearerChallenge{Realm: realm, ErrorCode: code, ErrorDescription: desc, Scope: scope}
		s := c.String()
		for i := 0; i < len(s); i++ {
			if b := s[i]; (b < 0x20 && b != '\t') || b == 0x7f {
				t.Fatalf("%q: control byte %#x", s, b)
			}
		}
		params, ok := strings.CutPrefix(s, "Bearer ")
		if !ok {
			if s != "Bearer" || realm+code+desc+scope != "" {
				t.Fatalf("%q does not start with `Bearer `", s)
			}
			return
		}
		want := map[string]string{}
		for k, v := range map[string]string{"realm": realm, "error": code, "error_description": desc, "scope": scope} {
			if v != "" {
				want[k] = challengeText(v, k != "realm")
			}
		}
		got := map[string]string{}
		err := parseAuthParams(params, func(name, value string) error {
			if _, dup := got[name]; dup {
				t.Fatalf("%q: %s twice", s, name)
			}
			got[name] = value
			return nil
		})
		if err != nil {
			t.Fatalf("%q does not parse: %v", s, err)
		}
		if len(got) != len(want) {
			t.Fatalf("%q parsed to %q, want %q", s, got, want)
		}
		for k, v := range want {
			if got[k] != v {
				t.Fatalf("%q: %s = %q, want %q", s, k, got[k], v)
			}
			if k != "realm" {
				for i := 0; i < len(v); i++ {
					if v[i] < 0x20 || v[i] > 0x7e {
						t.Fatalf("%q: %s holds %#x, outside RFC 6750's printable ASCII", s, k, v[i])
					}
				}
			}
		}
	})
}
