// Command referral-desk-store runs FerretDB (MongoDB wire protocol over SQLite) for local mode and tests.
//
// It listens on loopback only, prints one JSON line {"uri": "..."} on stdout once it accepts connections,
// and stops when it receives SIGINT/SIGTERM or when its stdin closes: the Node parent holds the other end of
// stdin, so even if the parent is killed with SIGKILL the store does not outlive it.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	dataDir := flag.String("data-dir", "data/store", "directory for the SQLite files")
	listen := flag.String("listen", "127.0.0.1:0", "loopback address to listen on; port 0 picks a free port")
	logLevel := flag.String("log-level", "warn", "debug, info, warn or error")
	flag.Parse()

	if err := run(*dataDir, *listen, *logLevel); err != nil {
		fmt.Fprintln(os.Stderr, "store:", err)
		os.Exit(1)
	}
}

func run(dataDir, listen, logLevel string) error {
	abs, err := filepath.Abs(dataDir)
	if err != nil {
		return err
	}
	// FerretDB passes the directory to SQLite inside a file: URI without escaping it, so these characters would
	// make it fail or, worse, put the data somewhere else.
	if strings.ContainsAny(abs, "%?#") {
		return fmt.Errorf("data dir %q: the SQLite backend cannot use a path containing '%%', '?' or '#'", abs)
	}
	if err := os.MkdirAll(abs, 0o700); err != nil {
		return err
	}

	var level slog.Level
	if err := level.UnmarshalText([]byte(logLevel)); err != nil {
		return err
	}
	logger := slog.New(quietReplies{slog.NewJSONHandler(os.Stderr, &slog.HandlerOptions{Level: level})})

	db, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: listen},
		Logger:    logger,
		Handler:   "sqlite",
		SQLiteURL: "file:" + abs + "/",
	})
	if err != nil {
		return err
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	ctx, cancel := context.WithCancel(ctx)
	go func() {
		_, _ = io.Copy(io.Discard, os.Stdin)
		cancel()
	}()

	keepIDIndexes(ctx, abs, logger)

	done := make(chan error, 1)
	go func() { done <- db.Run(ctx) }()

	// The listener is bound inside ferretdb.New, so the URI (with the real port) is valid from here on.
	if err := json.NewEncoder(os.Stdout).Encode(map[string]string{"uri": db.MongoDBURI()}); err != nil {
		cancel()
	}

	return <-done
}

// quietReplies demotes to DEBUG what FerretDB logs at WARN but is routine for us: its dump of every failed
// command reply (the client already receives the error; a duplicate-key insert is how concurrent writers are
// arbitrated, and the driver's endSessions is not implemented by FerretDB v1), and a client closing its sockets
// with a reset (the Node driver does so on every MongoClient.close).
type quietReplies struct{ slog.Handler }

func (h quietReplies) Handle(ctx context.Context, r slog.Record) error {
	if r.Level == slog.LevelWarn && isRoutine(r) {
		r.Level = slog.LevelDebug
		if !h.Handler.Enabled(ctx, r.Level) {
			return nil
		}
	}
	return h.Handler.Handle(ctx, r)
}

func isRoutine(r slog.Record) bool {
	if strings.HasPrefix(r.Message, "Response header:") || strings.HasPrefix(r.Message, "Response message:") {
		return true
	}
	reset := false
	if r.Message == "Connection stopped" {
		r.Attrs(func(a slog.Attr) bool {
			reset = strings.Contains(a.Value.String(), "connection reset by peer")
			return !reset
		})
	}
	return reset
}

func (h quietReplies) WithAttrs(attrs []slog.Attr) slog.Handler {
	return quietReplies{h.Handler.WithAttrs(attrs)}
}

func (h quietReplies) WithGroup(name string) slog.Handler {
	return quietReplies{h.Handler.WithGroup(name)}
}
