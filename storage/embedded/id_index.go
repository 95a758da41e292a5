package main

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	_ "modernc.org/sqlite" // the SQLite driver FerretDB itself uses
)

// FerretDB v1.24's SQLite backend looks a document up by _id with `WHERE _ferretdb_sjson->'$._id' = ?` (finds,
// updates and deletes alike), but builds its _id index on `_ferretdb_sjson->"_id"`. SQLite uses an index on an
// expression only for the same expression, so every lookup by _id reads the whole table: a point read costs what
// the whole collection costs. The wrapper adds an index on the very expression those lookups use to every
// collection's table, as tables appear. FerretDB neither lists nor touches it; dropping a collection drops it.

const (
	idIndexSuffix    = "__referral_desk_id"
	idIndexCheckFreq = 500 * time.Millisecond
)

// keepIDIndexes indexes the tables already in dir, then watches the database files and indexes new tables until
// ctx ends. A file is looked at again only when it (or its write-ahead log) changed.
func keepIDIndexes(ctx context.Context, dir string, logger *slog.Logger) {
	seen := map[string]string{}
	check := func() {
		files, _ := filepath.Glob(filepath.Join(dir, "*.sqlite"))
		for _, file := range files {
			stamp := fileStamp(file) + "|" + fileStamp(file+"-wal")
			if seen[file] == stamp {
				continue
			}
			if err := indexFile(ctx, file); err != nil {
				// Busy or half-written: tried again on the next round.
				logger.Debug("id index check failed", slog.String("file", file), slog.String("error", err.Error()))
				continue
			}
			seen[file] = stamp
		}
	}
	check()
	go func() {
		ticker := time.NewTicker(idIndexCheckFreq)
		defer ticker.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-ticker.C:
				check()
			}
		}
	}()
}

func fileStamp(path string) string {
	info, err := os.Stat(path)
	if err != nil {
		return ""
	}
	return fmt.Sprintf("%d:%d", info.Size(), info.ModTime().UnixNano())
}

func indexFile(ctx context.Context, file string) error {
	// The same pragmas FerretDB sets, so both wait on each other's locks instead of failing.
	db, err := sql.Open("sqlite", "file:"+file+"?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)")
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)

	var hasMetadata int
	err = db.QueryRowContext(ctx,
		`SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '_ferretdb_collections'`,
	).Scan(&hasMetadata)
	if err != nil || hasMetadata == 0 {
		return err
	}
	tables, err := missingIDIndexes(ctx, db)
	if err != nil {
		return err
	}
	for _, table := range tables {
		q := fmt.Sprintf(`CREATE INDEX IF NOT EXISTS %q ON %q (_ferretdb_sjson->'$._id')`, table+idIndexSuffix, table)
		if _, err := db.ExecContext(ctx, q); err != nil && !strings.Contains(err.Error(), "no such table") {
			return err
		}
	}
	return nil
}

// missingIDIndexes lists FerretDB's collection tables that have no index of ours yet.
func missingIDIndexes(ctx context.Context, db *sql.DB) ([]string, error) {
	rows, err := db.QueryContext(ctx, `
		SELECT c.table_name FROM _ferretdb_collections c
		WHERE NOT EXISTS (
			SELECT 1 FROM sqlite_master m WHERE m.type = 'index' AND m.name = c.table_name || ?
		)`, idIndexSuffix)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var tables []string
	for rows.Next() {
		var table string
		if err := rows.Scan(&table); err != nil {
			return nil, err
		}
		tables = append(tables, table)
	}
	return tables, rows.Err()
}
