package typed

import (
	"fmt"
	"net/netip"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/idna"
)

// The URL Standard's host parsing, for HTTPURL.

// forbiddenDomain holds the URL Standard's forbidden domain code points
// among printable ASCII.
const forbiddenDomain = " #%/:<>?@[\\]^|"

var urlIDNA = idna.New(idna.MapForLookup(), idna.Transitional(false), idna.CheckHyphens(false),
	idna.CheckJoiners(true), idna.BidiRule(), idna.StrictDomainName(false), idna.VerifyDNSLength(false))

// parseHost is the URL Standard's host parser for special schemes.
func parseHost(host string) (string, string) {
	if strings.HasPrefix(host, "[") {
		if !strings.HasSuffix(host, "]") {
			return "", "invalid IPv6 address"
		}
		return parseIPv6(host[1 : len(host)-1])
	}
	domain := percentDecode(host)
	ascii := true
	for i := 0; i < len(domain); i++ {
		if domain[i] >= 0x80 {
			ascii = false
		}
	}
	if ascii && !strings.Contains(strings.ToLower(domain), "xn--") {
		domain = strings.ToLower(domain)
	} else {
		if !utf8.ValidString(domain) {
			return "", "invalid international domain name"
		}
		d, err := urlIDNA.ToASCII(domain)
		if err != nil {
			return "", "invalid international domain name"
		}
		domain = d
	}
	for i := 0; i < len(domain); i++ {
		if c := domain[i]; c <= 0x20 || c == 0x7F || strings.IndexByte(forbiddenDomain, c) >= 0 {
			return "", "invalid international domain name"
		}
	}
	if domain == "" {
		return "", "empty host"
	}
	if endsInNumber(domain) {
		return parseIPv4(domain)
	}
	return domain, ""
}

func percentDecode(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	var b []byte
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			n, _ := strconv.ParseUint(s[i+1:i+3], 16, 8)
			b = append(b, byte(n))
			i += 2
			continue
		}
		b = append(b, s[i])
	}
	return string(b)
}

// parseOpaqueHost is the opaque-host parser of non-special schemes.
func parseOpaqueHost(host string) (string, string) {
	if strings.HasPrefix(host, "[") {
		if !strings.HasSuffix(host, "]") {
			return "", "invalid IPv6 address"
		}
		return parseIPv6(host[1 : len(host)-1])
	}
	if strings.ContainsAny(host, "\x00\t\n\r #/:<>?@[\\]^|") {
		return "", "invalid domain character"
	}
	return encodeSet(host, ""), ""
}

// endsInNumber is the URL Standard's ends-in-a-number checker.
func endsInNumber(domain string) bool {
	parts := strings.Split(domain, ".")
	last := parts[len(parts)-1]
	if last == "" {
		if len(parts) == 1 {
			return false
		}
		last = parts[len(parts)-2]
	}
	if last != "" && strings.Trim(last, "0123456789") == "" {
		return true
	}
	_, ok, _ := ipv4Number(last)
	return ok
}

// ipv4Number parses one part of an IPv4 address: decimal, 0x hex or
// 0-prefixed octal. overflow is set for a valid number beyond 32 bits.
func ipv4Number(s string) (n uint64, ok, overflow bool) {
	if s == "" {
		return 0, false, false
	}
	base := 10
	switch {
	case len(s) >= 2 && (s[:2] == "0x" || s[:2] == "0X"):
		s, base = s[2:], 16
	case len(s) >= 2 && s[0] == '0':
		s, base = s[1:], 8
	}
	if s == "" {
		return 0, true, false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		valid := base == 16 && isHex(c) || base == 10 && '0' <= c && c <= '9' || base == 8 && '0' <= c && c <= '7'
		if !valid {
			return 0, false, false
		}
	}
	v, err := strconv.ParseUint(s, base, 32)
	if err != nil {
		return 0, true, true
	}
	return v, true, false
}

// parseIPv4 is the URL Standard's IPv4 parser; it serialises the address.
func parseIPv4(domain string) (string, string) {
	const bad = "invalid IPv4 address"
	parts := strings.Split(domain, ".")
	if parts[len(parts)-1] == "" {
		parts = parts[:len(parts)-1]
	}
	if len(parts) > 4 {
		return "", bad
	}
	nums := make([]uint64, len(parts))
	for i, p := range parts {
		n, ok, overflow := ipv4Number(p)
		if !ok || overflow {
			return "", bad
		}
		nums[i] = n
	}
	ip := nums[len(nums)-1]
	if ip >= 1<<(8*(5-len(nums))) {
		return "", bad
	}
	for i, n := range nums[:len(nums)-1] {
		if n > 255 {
			return "", bad
		}
		ip += n << (8 * (3 - i))
	}
	return fmt.Sprintf("%d.%d.%d.%d", ip>>24, ip>>16&0xFF, ip>>8&0xFF, ip&0xFF), ""
}

// parseIPv6 parses the address between brackets and serialises it as the
// URL Standard does: lower-case hex, the longest run of zero pieces (two or
// more) as "::".
func parseIPv6(s string) (string, string) {
	const bad = "invalid IPv6 address"
	if strings.ContainsAny(s, "%") {
		return "", bad
	}
	addr, err := netip.ParseAddr(s)
	if err != nil || !addr.Is6() {
		return "", bad
	}
	b := addr.As16()
	var pieces [8]uint16
	for i := range pieces {
		pieces[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
	}
	start, length := -1, 0
	for i := 0; i < 8; {
		if pieces[i] != 0 {
			i++
			continue
		}
		j := i
		for j < 8 && pieces[j] == 0 {
			j++
		}
		if j-i > length {
			start, length = i, j-i
		}
		i = j
	}
	if length < 2 {
		start = -1
	}
	var out strings.Builder
	out.WriteByte('[')
	for i := 0; i < 8; i++ {
		if i == start {
			if i == 0 {
				out.WriteByte(':')
			}
			out.WriteByte(':')
			i += length - 1
			continue
		}
		out.WriteString(strconv.FormatUint(uint64(pieces[i]), 16))
		if i < 7 {
			out.WriteByte(':')
		}
	}
	out.WriteByte(']')
	return out.String(), ""
}
