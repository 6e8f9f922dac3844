package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// server is a running server process.
type server struct {
	impl   impl
	base   string // http://127.0.0.1:PORT
	cmd    *exec.Cmd
	exited chan struct{} // closed when the process has exited
	stderr *lockedBuffer
	client *http.Client      // keep-alive connections to this server, reused by every run
	token  string            // the demo user's token with the scopes "me items"
	want   map[string]answer // per path, as checked against raw Echo's
	body   map[string][]byte // per path, the body as sent, for the checks under load
}

// lockedBuffer collects a process's stderr.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

// Write appends p.
func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

// String returns what was written.
func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// freePort returns a TCP port of 127.0.0.1 that was free a moment ago.
func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// startServer runs im's binary in dir on a free port and waits until it
// accepts connections.
func startServer(im impl, dir string) (*server, error) {
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	addr := "127.0.0.1:" + strconv.Itoa(port)
	s := &server{impl: im, base: "http://" + addr, stderr: &lockedBuffer{}}
	s.cmd = exec.Command(filepath.Join(dir, im.bin), "-addr", addr)
	s.cmd.Stdout, s.cmd.Stderr = s.stderr, s.stderr
	if err := s.cmd.Start(); err != nil {
		return nil, err
	}
	s.exited = make(chan struct{})
	go func() { _ = s.cmd.Wait(); close(s.exited) }()
	for deadline := time.Now().Add(15 * time.Second); ; {
		select {
		case <-s.exited:
			return nil, fmt.Errorf("%s exited: %s", im.bin, s.stderr)
		default:
		}
		if c, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
			c.Close()
			break
		}
		if time.Now().After(deadline) {
			s.stop()
			return nil, fmt.Errorf("%s does not listen on %s: %s", im.bin, addr, s.stderr)
		}
		time.Sleep(20 * time.Millisecond)
	}
	s.client = &http.Client{
		Timeout: 10 * time.Second,
		Transport: &http.Transport{
			Proxy:               nil, // never HTTP_PROXY: loopback only
			MaxIdleConnsPerHost: 1024,
			IdleConnTimeout:     time.Minute,
		},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	return s, nil
}

// stop ends the server with SIGTERM (a graceful shutdown), then SIGKILL
// after 5 seconds.
func (s *server) stop() {
	select {
	case <-s.exited:
		return
	default:
	}
	_ = s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-s.exited:
	case <-time.After(5 * time.Second):
		_ = s.cmd.Process.Kill()
		<-s.exited
	}
}

// peakRSS is the process's VmHWM, its peak resident set, in kB.
func (s *server) peakRSS() (int, error) {
	f, err := os.Open("/proc/" + strconv.Itoa(s.cmd.Process.Pid) + "/status")
	if err != nil {
		return 0, err
	}
	defer f.Close()
	return parseVmHWM(f)
}

// parseVmHWM reads the VmHWM line of a /proc/PID/status file, in kB.
func parseVmHWM(r io.Reader) (int, error) {
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			return strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")))
		}
	}
	return 0, errors.New("no VmHWM in /proc/PID/status")
}

// answer is what the checks compare: status, WWW-Authenticate and body
// (compacted JSON).
type answer struct {
	status    int
	challenge string
	body      string
}

// String describes the answer for error messages.
func (a answer) String() string {
	return fmt.Sprintf("%d, WWW-Authenticate %q, %s", a.status, a.challenge, a.body)
}

// do sends req and reads its answer and its body as sent.
func (s *server) do(req *http.Request) (answer, []byte, error) {
	res, err := s.client.Do(req)
	if err != nil {
		return answer{}, nil, err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		return answer{}, nil, err
	}
	return answer{res.StatusCode, res.Header.Get("WWW-Authenticate"), compact(b)}, b, nil
}

// compact returns JSON without insignificant space (and b as text when it
// is not JSON), so that a trailing newline does not count as a difference.
func compact(b []byte) string {
	var buf bytes.Buffer
	if json.Compact(&buf, b) != nil {
		return string(b)
	}
	return buf.String()
}

// login gets the demo user's token with the scopes "me items" from /token.
func (s *server) login() error {
	form := url.Values{"username": {"johndoe"}, "password": {"secret"}, "scope": {"me items"}}
	req, err := http.NewRequest(http.MethodPost, s.base+"/token", strings.NewReader(form.Encode()))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	a, _, err := s.do(req)
	if err != nil {
		return fmt.Errorf("%s: /token: %w", s.impl.name, err)
	}
	var tok struct {
		AccessToken string `json:"access_token"`
		TokenType   string `json:"token_type"`
	}
	if a.status != http.StatusOK || json.Unmarshal([]byte(a.body), &tok) != nil || tok.AccessToken == "" {
		return fmt.Errorf("%s: /token answered %v", s.impl.name, a)
	}
	s.token = tok.AccessToken
	return nil
}

// prepare logs in at every server and checks that each answers both
// measured requests as raw Echo does; it keeps each server's answers for
// the checks under load.
func prepare(servers []*server) error {
	for _, s := range servers {
		if err := s.login(); err != nil {
			return err
		}
		if s.token != servers[0].token {
			return fmt.Errorf("%s issued %q, %s %q", s.impl.name, s.token, servers[0].impl.name, servers[0].token)
		}
		s.want, s.body = map[string]answer{}, map[string][]byte{}
		for _, p := range paths {
			a, body, err := s.do(p.request(s))
			if err != nil {
				return fmt.Errorf("%s: %s: %w", s.impl.name, p.name, err)
			}
			if a.status != p.status {
				return fmt.Errorf("%s: %s path answered %v", s.impl.name, p.name, a)
			}
			if ref, ok := servers[0].want[p.name]; ok && a != ref {
				return fmt.Errorf("%s path: %s answered %v, %s %v", p.name, s.impl.name, a, servers[0].impl.name, ref)
			}
			s.want[p.name], s.body[p.name] = a, body
		}
	}
	return nil
}
