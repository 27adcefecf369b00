-- Each user's own library state: favourites (starred items), ratings, play counts, playlists and
-- the saved play queue. Everything of a user goes with the user (ON DELETE CASCADE).
--
-- Favourites and ratings name an item by kind (0 track, 1 album, 2 artist) and id, so no foreign
-- key can guard them: triggers drop them with the item's row. Rows of unchanged files keep their
-- ids across rescans (tracks by path, albums by artist and title, artists by name), so the state
-- stays; an id SQLite hands out again later never inherits another item's state.
CREATE TABLE favourites (
    user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind       INTEGER NOT NULL CHECK (kind IN (0, 1, 2)),
    item_id    INTEGER NOT NULL,
    starred_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, kind, item_id)
) WITHOUT ROWID;
CREATE INDEX favourites_item ON favourites(kind, item_id);

-- No row = not rated (a rating of 0 deletes the row).
CREATE TABLE ratings (
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind    INTEGER NOT NULL CHECK (kind IN (0, 1, 2)),
    item_id INTEGER NOT NULL,
    rating  INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    PRIMARY KEY (user_id, kind, item_id)
) WITHOUT ROWID;
CREATE INDEX ratings_item ON ratings(kind, item_id);

CREATE TRIGGER tracks_drop_user_state AFTER DELETE ON tracks
BEGIN
    DELETE FROM favourites WHERE kind = 0 AND item_id = old.id;
    DELETE FROM ratings WHERE kind = 0 AND item_id = old.id;
END;

CREATE TRIGGER albums_drop_user_state AFTER DELETE ON albums
BEGIN
    DELETE FROM favourites WHERE kind = 1 AND item_id = old.id;
    DELETE FROM ratings WHERE kind = 1 AND item_id = old.id;
END;

CREATE TRIGGER artists_drop_user_state AFTER DELETE ON artists
BEGIN
    DELETE FROM favourites WHERE kind = 2 AND item_id = old.id;
    DELETE FROM ratings WHERE kind = 2 AND item_id = old.id;
END;

-- What a user played (scrobbles): how often and when last, per track.
CREATE TABLE plays (
    user_id        INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    track_id       INTEGER NOT NULL REFERENCES tracks(id) ON DELETE CASCADE,
    play_count     INTEGER NOT NULL DEFAULT 0,
    last_played_at INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (user_id, track_id)
) WITHOUT ROWID;
CREATE INDEX plays_track ON plays(track_id);

-- AUTOINCREMENT: a deleted playlist's id is never given to another one a client may not know.
CREATE TABLE playlists (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    owner_id   INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    comment    TEXT NOT NULL DEFAULT '',
    public     INTEGER NOT NULL DEFAULT 0 CHECK (public IN (0, 1)),
    created_at INTEGER NOT NULL,
    changed_at INTEGER NOT NULL
);
CREATE INDEX playlists_owner ON playlists(owner_id);

-- Entries in `position` order (gaps allowed: a deleted track leaves one); a track may recur.
CREATE TABLE playlist_entries (
    playlist_id INTEGER NOT NULL REFERENCES playlists(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    track_id    INTEGER NOT NULL REFERENCES tracks(id) ON DELETE CASCADE,
    PRIMARY KEY (playlist_id, position)
) WITHOUT ROWID;
CREATE INDEX playlist_entries_track ON playlist_entries(track_id);

-- One saved play queue per user, shared by their clients.
CREATE TABLE play_queues (
    user_id          INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    current_track_id INTEGER REFERENCES tracks(id) ON DELETE SET NULL,
    position_ms      INTEGER NOT NULL DEFAULT 0,
    changed_at       INTEGER NOT NULL,
    changed_by       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX play_queues_current ON play_queues(current_track_id);

CREATE TABLE play_queue_entries (
    user_id  INTEGER NOT NULL REFERENCES play_queues(user_id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    track_id INTEGER NOT NULL REFERENCES tracks(id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, position)
) WITHOUT ROWID;
CREATE INDEX play_queue_entries_track ON play_queue_entries(track_id);
