-- Artists and albums derived from tags (or folder names), plus a case-folded search column.
-- Existing tracks are linked and their search text filled by the C++ step of this migration.
CREATE TABLE artists (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL,
    name_key TEXT NOT NULL UNIQUE
);

CREATE TABLE albums (
    id        INTEGER PRIMARY KEY,
    title     TEXT NOT NULL,
    title_key TEXT NOT NULL,
    artist_id INTEGER NOT NULL REFERENCES artists(id) ON DELETE CASCADE,
    UNIQUE (artist_id, title_key)
);

ALTER TABLE tracks ADD COLUMN album_id INTEGER REFERENCES albums(id) ON DELETE SET NULL;
ALTER TABLE tracks ADD COLUMN artist_id INTEGER REFERENCES artists(id) ON DELETE SET NULL;
ALTER TABLE tracks ADD COLUMN search TEXT NOT NULL DEFAULT '';

CREATE INDEX tracks_album ON tracks(album_id);
CREATE INDEX tracks_artist ON tracks(artist_id);
