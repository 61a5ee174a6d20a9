package anki

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	_ "modernc.org/sqlite" // the "sqlite" driver of database/sql
)

// schema11 is Anki's collection schema 11, the one every Anki since 2.0
// reads and current Anki upgrades on import: five tables and seven
// indexes, column for column as Anki creates them. Anki keeps no other
// schema object in a schema-11 collection.
const schema11 = `create table col
(
    id     integer primary key,
    crt    integer not null,
    mod    integer not null,
    scm    integer not null,
    ver    integer not null,
    dty    integer not null,
    usn    integer not null,
    ls     integer not null,
    conf   text    not null,
    models text    not null,
    decks  text    not null,
    dconf  text    not null,
    tags   text    not null
);

create table notes
(
    id    integer primary key,
    guid  text    not null,
    mid   integer not null,
    mod   integer not null,
    usn   integer not null,
    tags  text    not null,
    flds  text    not null,
    sfld  integer not null,
    csum  integer not null,
    flags integer not null,
    data  text    not null
);

create table cards
(
    id     integer primary key,
    nid    integer not null,
    did    integer not null,
    ord    integer not null,
    mod    integer not null,
    usn    integer not null,
    type   integer not null,
    queue  integer not null,
    due    integer not null,
    ivl    integer not null,
    factor integer not null,
    reps   integer not null,
    lapses integer not null,
    left   integer not null,
    odue   integer not null,
    odid   integer not null,
    flags  integer not null,
    data   text    not null
);

create table revlog
(
    id      integer primary key,
    cid     integer not null,
    usn     integer not null,
    ease    integer not null,
    ivl     integer not null,
    lastIvl integer not null,
    factor  integer not null,
    time    integer not null,
    type    integer not null
);

create table graves
(
    usn  integer not null,
    oid  integer not null,
    type integer not null
);

create index ix_notes_usn on notes (usn);
create index ix_cards_usn on cards (usn);
create index ix_revlog_usn on revlog (usn);
create index ix_cards_nid on cards (nid);
create index ix_cards_sched on cards (did, queue, due);
create index ix_revlog_cid on revlog (cid);
create index ix_notes_csum on notes (csum);
`

// schemaVersion is the collection schema the package holds (col.ver).
const schemaVersion = 11

// collectionRow is the one row of the col table.
type collectionRow struct {
	// Created is the collection's creation day in seconds (crt);
	// Modified is its last change in milliseconds (mod and scm).
	Created, Modified int64
	// Conf, Models, Decks, DeckConf and Tags are the JSON of the columns
	// of the same names.
	Conf, Models, Decks, DeckConf, Tags string
}

// noteRow is one row of the notes table.
type noteRow struct {
	ID        int64
	GUID      string
	Model     int64
	Modified  int64 // seconds
	Tags      string
	Fields    string // joined by fieldSeparator
	SortField string
	Checksum  int64
	Cards     []cardRow
}

// cardRow is one row of the cards table: a new card.
type cardRow struct {
	ID       int64
	Note     int64
	Deck     int64
	Ord      int
	Modified int64 // seconds
	Due      int   // position among the new cards
}

// writeCollection returns the bytes of a schema-11 collection file that
// holds col, notes and their cards. The database is built in memory, in
// one transaction and always in the same order, so the same rows give the
// same bytes: SQLite lays a database out from what was written into it,
// never from the clock.
func writeCollection(ctx context.Context, col collectionRow, notes []noteRow) ([]byte, error) {
	db, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		return nil, err
	}
	defer db.Close()
	// Every connection to ":memory:" has a database of its own: all the
	// work goes through this one.
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	if err := fill(ctx, conn, col, notes); err != nil {
		return nil, err
	}
	var data []byte
	err = conn.Raw(func(dc any) error {
		s, ok := dc.(interface{ Serialize() ([]byte, error) })
		if !ok {
			return errors.New("the sqlite driver cannot serialize a database")
		}
		data, err = s.Serialize()
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("serialize the collection: %w", err)
	}
	return data, nil
}

// fill creates the schema in the empty database of conn and writes the
// rows, in one transaction.
func fill(ctx context.Context, conn *sql.Conn, col collectionRow, notes []noteRow) (err error) {
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tx.Rollback()
		}
	}()
	if _, err := tx.ExecContext(ctx, schema11); err != nil {
		return fmt.Errorf("create the schema: %w", err)
	}
	_, err = tx.ExecContext(ctx, `insert into col values (1, ?, ?, ?, ?, 0, 0, 0, ?, ?, ?, ?, ?)`,
		col.Created, col.Modified, col.Modified, schemaVersion,
		col.Conf, col.Models, col.Decks, col.DeckConf, col.Tags)
	if err != nil {
		return fmt.Errorf("write the collection row: %w", err)
	}
	insertNote, err := tx.PrepareContext(ctx, `insert into notes values (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, '')`)
	if err != nil {
		return err
	}
	defer insertNote.Close()
	insertCard, err := tx.PrepareContext(ctx, `insert into cards values (?, ?, ?, ?, ?, -1, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, '')`)
	if err != nil {
		return err
	}
	defer insertCard.Close()
	for _, n := range notes {
		_, err := insertNote.ExecContext(ctx, n.ID, n.GUID, n.Model, n.Modified, n.Tags, n.Fields, n.SortField, n.Checksum)
		if err != nil {
			return fmt.Errorf("write note %s: %w", n.GUID, err)
		}
		for _, c := range n.Cards {
			if _, err := insertCard.ExecContext(ctx, c.ID, c.Note, c.Deck, c.Ord, c.Modified, c.Due); err != nil {
				return fmt.Errorf("write a card of note %s: %w", n.GUID, err)
			}
		}
	}
	return tx.Commit()
}
