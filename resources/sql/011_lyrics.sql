-- Lyrics found in the tracks' tags: one row per text (a language and description, synced or
-- not), `position` keeping the tags' order. `lines` is a JSON array of [startMs, text] pairs
-- (startMs -1 when the text is not synced); `offset_ms` is LRC's [offset:].
CREATE TABLE lyrics (
    id          INTEGER PRIMARY KEY,
    track_id    INTEGER NOT NULL REFERENCES tracks(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    language    TEXT NOT NULL DEFAULT 'xxx',
    description TEXT NOT NULL DEFAULT '',
    synced      INTEGER NOT NULL DEFAULT 0,
    offset_ms   INTEGER NOT NULL DEFAULT 0,
    lines       TEXT NOT NULL DEFAULT '[]',
    UNIQUE (track_id, position)
);

-- Audio tracks scanned before this version are read again once, to find their lyrics.
UPDATE tracks SET mtime = 0 WHERE kind = 0;
