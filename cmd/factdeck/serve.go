package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
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
	addr := fs.String("addr", ":3000", "address to listen on")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := noArgs(fs, "serve", stderr); err != nil {
		return err
	}
	st, p, err := c.open(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := seed(ctx, st, p, logger); err != nil {
		return err
	}
	srv, err := web.New(web.Config{Store: st, Pipeline: p, Logger: logger})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	logger.Info("factdeck is serving", "url", displayURL(ln.Addr()), "db", c.db)
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
