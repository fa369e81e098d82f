package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"strconv"
	"time"

	"factdeck/quiz/pipeline"
	"factdeck/seeds"
	"factdeck/store"
	"factdeck/web"
)

func serve(ctx context.Context, args []string, stderr io.Writer, logger *slog.Logger) error {
	var c common
	fs := newFlagSet("serve", "serve [flags]", stderr)
	c.register(fs)
	addr := fs.String("addr", "127.0.0.1:3000", "address to listen on (:3000 listens on every interface, with accounts)")
	open := fs.String("open", os.Getenv("FACTDECK_OPEN"), "open mode, without sign-in, everyone a teacher: 1 or 0 (env FACTDECK_OPEN; default 1 only when -addr is a loopback address)")
	secure := fs.Bool("secure", false, "mark cookies Secure (serving over HTTPS)")
	trustProxy := fs.Bool("trust-proxy", false, "behind a reverse proxy: trust X-Forwarded-For and X-Forwarded-Proto")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := noArgs(fs, "serve", stderr); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	defer ln.Close()
	isOpen, err := openMode(*open, ln.Addr())
	if err != nil {
		fmt.Fprintf(stderr, "factdeck serve: %v\n", err)
		return errUsage
	}
	st, p, err := c.open(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := seed(ctx, st, p, logger); err != nil {
		return err
	}
	srv, err := web.New(web.Config{Store: st, Pipeline: p, Logger: logger, Open: isOpen, Secure: *secure, TrustProxy: *trustProxy})
	if err != nil {
		return err
	}
	if !isOpen {
		if n, err := st.CountUsers(ctx); err == nil && n == 0 {
			logger.Info("no account yet: open /setup to create the first admin, or run factdeck user add -admin EMAIL", "url", displayURL(ln.Addr())+"/setup")
		}
	}
	logger.Info("factdeck is serving", "url", displayURL(ln.Addr()), "db", c.db, "open", isOpen)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		logger.Info("shutting down")
		sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		return srv.Shutdown(sctx)
	}
}

// seed ingests the embedded articles into an empty database.
func seed(ctx context.Context, st *store.Store, p *pipeline.Pipeline, logger *slog.Logger) error {
	n, err := st.CountArticles(ctx)
	if err != nil || n > 0 {
		return err
	}
	docs, err := seedDocs(seeds.FS())
	if err != nil {
		return err
	}
	outs, err := ingest(ctx, st, p, docs, false, func() {})
	if err != nil {
		return fmt.Errorf("ingest seeds: %w", err)
	}
	stored := 0
	for _, o := range outs {
		if o.err != nil {
			return fmt.Errorf("ingest seed %s: %w", o.source, o.err)
		}
		if !o.skipped {
			stored++
		}
	}
	logger.Info("empty database: ingested the seed articles", "articles", stored)
	return nil
}

// openMode decides open mode from the -open value: "1" or "0" (also
// true/false), and when empty, open only on a loopback address, where
// nobody else can reach the server.
func openMode(v string, a net.Addr) (bool, error) {
	if v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return false, fmt.Errorf("-open (FACTDECK_OPEN) must be 1 or 0, not %q", v)
		}
		return b, nil
	}
	tcp, ok := a.(*net.TCPAddr)
	return ok && tcp.IP.IsLoopback(), nil
}

// displayURL turns a listening address into a URL a person can open.
func displayURL(a net.Addr) string {
	host, port, err := net.SplitHostPort(a.String())
	if err != nil {
		return "http://" + a.String()
	}
	if ip := net.ParseIP(host); ip == nil || ip.IsUnspecified() {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, port)
}
