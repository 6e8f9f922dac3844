package security_test

import (
	"bufio"
	"net"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/fastecho/fastecho/security"
	"github.com/fastecho/fastecho/typed"
	"github.com/fastecho/fastecho/typed/echov4"
	"github.com/labstack/echo/v4"
)

// TestAnyOfChallengesOnTheWire: when every alternative is missing, the 401
// carries one challenge per scheme, each on a WWW-Authenticate line of its
// own. RFC 9110 §11.6.1 allows that or one comma-joined line; separate
// lines are what clients parse best: curl and Python's urllib handlers
// look at each line (TestDigestCurl and TestDigestPython authenticate
// through such a 401), while urllib's Digest handler reads a comma-joined
// line as one challenge: a Bearer after it raises ValueError, and a second
// Digest challenge silently overrides the first one's algorithm.
func TestAnyOfChallengesOnTheWire(t *testing.T) {
	t.Parallel()
	digest := &security.DigestAuth[string]{Realm: "r", Lookup: lookupPasswords}
	e := echo.New()
	api := echov4.New(e)
	dep := security.AnyOf(
		typed.Dep[string](digest),
		typed.Depends(&security.HTTPBasic{Realm: "r"}, func(c echo.Context, b security.HTTPBasicCredentials) (string, error) { return b.Username, nil }),
		typed.Depends(&security.HTTPBearer{}, func(c echo.Context, b security.HTTPAuthorizationCredentials) (string, error) {
			return b.Credentials, nil
		}),
		typed.Dep[string](&security.APIKeyHeader{Name: "x-key"}),
	)
	api.GET("/me", typed.Handle[struct{}, string](dep, func(c echo.Context, _ struct{}, v string) (string, error) { return v, nil }))
	srv := httptest.NewServer(e)
	defer srv.Close()

	conn, err := net.Dial("tcp", srv.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.Write([]byte("GET /me HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")); err != nil {
		t.Fatal(err)
	}
	var lines []string
	r := bufio.NewReader(conn)
	status, _ := r.ReadString('\n')
	for {
		l, err := r.ReadString('\n')
		if err != nil || l == "\r\n" {
			break
		}
		if k, v, _ := strings.Cut(strings.TrimRight(l, "\r\n"), ": "); strings.EqualFold(k, "WWW-Authenticate") {
			lines = append(lines, v)
		}
	}
	if !strings.HasPrefix(status, "HTTP/1.1 401 ") {
		t.Fatalf("status line %q", status)
	}
	if len(lines) != 4 || !challengeRE.MatchString(lines[0]) || lines[1] != `Basic realm="r"` || lines[2] != "Bearer" || lines[3] != "APIKey" {
		t.Errorf("WWW-Authenticate lines = %q, want Digest, Basic, Bearer, APIKey, one per line", lines)
	}
}
