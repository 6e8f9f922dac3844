// Package serve runs an example's server the way a production program
// would: on the address of the -addr flag, with server timeouts, until
// SIGINT or SIGTERM, then shutting down gracefully. It takes any
// http.Handler, so an *echo.Echo of Echo v4 and of Echo v5 alike, and
// links no Echo itself.
package serve

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// DefaultAddr is the address the examples listen on unless -addr says
// otherwise, uvicorn's default.
const DefaultAddr = "127.0.0.1:8000"

// Timeouts of the server. ReadHeaderTimeout bounds slow-loris clients;
// ShutdownTimeout bounds how long in-flight requests may finish after a
// signal.
const (
	ReadHeaderTimeout = 5 * time.Second
	ReadTimeout       = 15 * time.Second
	WriteTimeout      = 30 * time.Second
	IdleTimeout       = 2 * time.Minute
	ShutdownTimeout   = 10 * time.Second
)

// addr is the -addr flag, defined here so that an example can add flags of
// its own and parse them all before calling Main.
var addr = flag.String("addr", DefaultAddr, "host:port to listen on")

// Main parses the command line (-addr) unless the example already did,
// serves h until SIGINT or SIGTERM and exits with status 1 when the server
// fails. It is what every example's main function calls, with its
// *echo.Echo.
func Main(h http.Handler) {
	if !flag.Parsed() {
		flag.Parse()
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := Run(ctx, h, *addr, os.Stderr); err != nil {
		log.Fatal(err)
	}
}

// Run serves h on addr until ctx is done, then shuts down gracefully. It
// writes the URL of the docs to w once listening.
func Run(ctx context.Context, h http.Handler, addr string, w io.Writer) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: ReadHeaderTimeout,
		ReadTimeout:       ReadTimeout,
		WriteTimeout:      WriteTimeout,
		IdleTimeout:       IdleTimeout,
		MaxHeaderBytes:    1 << 16,
	}
	fmt.Fprintf(w, "listening on http://%s (docs: http://%s/docs)\n", ln.Addr(), ln.Addr())
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), ShutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
