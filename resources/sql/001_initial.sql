-- Library folders, the items found in them, and files that could not be read.
CREATE TABLE folders (
    id   INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE
);

CREATE TABLE tracks (
    id           INTEGER PRIMARY KEY,
    folder_id    INTEGER NOT NULL REFERENCES folders(id) ON DELETE CASCADE,
    kind         INTEGER NOT NULL DEFAULT 0,
    path         TEXT NOT NULL UNIQUE,
    size         INTEGER NOT NULL DEFAULT 0,
    mtime        INTEGER NOT NULL DEFAULT 0,
    format       TEXT NOT NULL DEFAULT '',
    codec        TEXT NOT NULL DEFAULT '',
    duration_ms  INTEGER NOT NULL DEFAULT 0,
    bitrate      INTEGER NOT NULL DEFAULT 0,
    sample_rate  INTEGER NOT NULL DEFAULT 0,
    channels     INTEGER NOT NULL DEFAULT 0,
    width        INTEGER NOT NULL DEFAULT 0,
    height       INTEGER NOT NULL DEFAULT 0,
    title        TEXT NOT NULL DEFAULT '',
    artist       TEXT NOT NULL DEFAULT '',
    album        TEXT NOT NULL DEFAULT '',
    album_artist TEXT NOT NULL DEFAULT '',
    genre        TEXT NOT NULL DEFAULT '',
    track_no     INTEGER NOT NULL DEFAULT 0,
    disc_no      INTEGER NOT NULL DEFAULT 0,
    year         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX tracks_folder ON tracks(folder_id);

-- size/mtime let an unchanged broken file be skipped on the next scan.
CREATE TABLE scan_errors (
    id     INTEGER PRIMARY KEY,
    path   TEXT NOT NULL UNIQUE,
    reason TEXT NOT NULL,
    at     INTEGER NOT NULL,
    size   INTEGER NOT NULL DEFAULT 0,
    mtime  INTEGER NOT NULL DEFAULT 0
);
