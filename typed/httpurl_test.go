package typed_test

import (
	"strings"
	"testing"

	"github.com/fastecho/fastecho/typed"
)

// TestParseHTTPURL: pydantic's HttpUrl, which parses as the URL Standard
// (the Rust url crate) and serialises the result.
func TestParseHTTPURL(t *testing.T) {
	tests := []struct{ in, want, wantErr string }{
		{"http://example.com/image.png", "http://example.com/image.png", ""},
		{"http://example.com", "http://example.com/", ""},
		{"HTTPS://Example.COM:443/A?b=C#D", "https://example.com/A?b=C#D", ""},
		{"http://example.com:8080", "http://example.com:8080/", ""},
		{"  http://example.com/\t a  ", "http://example.com/%20a", ""},
		{"http://example.com/a b/<c>?d e'f#g h", "http://example.com/a%20b/%3Cc%3E?d%20e%27f#g%20h", ""},
		{"http://example.com/a/./b/../c", "http://example.com/a/c", ""},
		{`http:\\example.com\a`, "http://example.com/a", ""},
		{"http:example.com", "http://example.com/", ""},
		{"http://user:pa ss@example.com", "http://user:pa%20ss@example.com/", ""},
		{"http://ex%41mple.com", "http://example.com/", ""},
		{"http://0x7f.1", "http://127.0.0.1/", ""},
		{"http://[::FFFF:1.2.3.4]:80/", "http://[::ffff:102:304]/", ""},
		{"http://bücher.de/é", "http://xn--bcher-kva.de/%C3%A9", ""},
		{"", "", "input is empty"},
		{"example.com", "", "relative URL without a base"},
		{"/a", "", "relative URL without a base"},
		{"http://", "", "empty host"},
		{"http://user@", "", "empty host"},
		{"http://example.com:99999", "", "invalid port number"},
		{"http://example.com:8o", "", "invalid port number"},
		{"http://256.0.0.1", "", "invalid IPv4 address"},
		{"http://[::1", "", "invalid IPv6 address"},
		{"http://exa mple.com", "", "invalid international domain name"},
		{"ftp://example.com", "", "URL scheme should be 'http' or 'https'"},
		{"mailto:a@example.com", "", "URL scheme should be 'http' or 'https'"},
		{"http://example.com/" + strings.Repeat("a", 2083), "", "URL should have at most 2083 characters"},
	}
	for _, tt := range tests {
		got, err := typed.ParseHTTPURL(tt.in)
		switch {
		case tt.wantErr == "" && (err != nil || string(got) != tt.want):
			t.Errorf("%q: %q %v, want %q", tt.in, got, err, tt.want)
		case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
			t.Errorf("%q: %q %v, want an error with %q", tt.in, got, err, tt.wantErr)
		}
	}
}
