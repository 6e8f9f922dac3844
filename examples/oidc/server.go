package main

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

// The server set-up every example shares, written out so that the example
// builds on its own when copied: the -addr flag, server timeouts (a
// ReadHeaderTimeout bounds slow-loris clients; the others bound stuck
// ones), and a graceful shutdown on SIGINT or SIGTERM.

var addr = flag.String("addr", "127.0.0.1:8000", "host:port to listen on")

// serve parses the command line (-addr) unless main already did, serves h
// until SIGINT or SIGTERM, and exits with status 1 when the server fails.
func serve(h http.Handler) {
	if !flag.Parsed() {
		flag.Parse()
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, h, *addr, os.Stderr); err != nil {
		log.Fatal(err)
	}
}

// run serves h on addr until ctx is done, then shuts down gracefully,
// giving requests in flight 10 seconds. It writes the docs' URL to w once
// listening.
func run(ctx context.Context, h http.Handler, addr string, w io.Writer) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       15 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       2 * time.Minute,
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
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
