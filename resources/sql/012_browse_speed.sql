-- Browsing a large library without a GROUP BY over every track: what each album and artist has
-- in each library folder, kept by triggers on every write to tracks (scans, removals, a folder's
-- tracks going by ON DELETE CASCADE, foreign-key SET NULL), and indexes for the browse orders.
-- A user's view of an album or artist adds up the rows of the folders they may see.

-- An album's music tracks (kind 0) of one genre in one folder: their count and duration, the
-- latest year and "added" date. An album's genre is the greatest of its rows' (as MAX over its
-- tracks); a genre's album list reads only that genre's rows.
CREATE TABLE IF NOT EXISTS album_folder_genres (
    album_id    INTEGER NOT NULL,
    folder_id   INTEGER NOT NULL,
    genre       TEXT NOT NULL,
    track_count INTEGER NOT NULL,
    duration_ms INTEGER NOT NULL,
    year        INTEGER NOT NULL,
    added_at    INTEGER NOT NULL,
    PRIMARY KEY (album_id, folder_id, genre)
) WITHOUT ROWID;

-- The music tracks an artist performs in one folder.
CREATE TABLE IF NOT EXISTS artist_folders (
    artist_id   INTEGER NOT NULL,
    folder_id   INTEGER NOT NULL,
    track_count INTEGER NOT NULL,
    PRIMARY KEY (artist_id, folder_id)
) WITHOUT ROWID;

-- Counted afresh (also when a catalog whose recorded version went back runs this again).
DELETE FROM album_folder_genres;
INSERT INTO album_folder_genres (album_id, folder_id, genre, track_count, duration_ms, year, added_at)
SELECT album_id, folder_id, genre, COUNT(*), SUM(duration_ms), MAX(year), MAX(added_at)
FROM tracks WHERE kind = 0 AND album_id IS NOT NULL GROUP BY album_id, folder_id, genre;

DELETE FROM artist_folders;
INSERT INTO artist_folders (artist_id, folder_id, track_count)
SELECT artist_id, folder_id, COUNT(*) FROM tracks WHERE kind = 0 AND artist_id IS NOT NULL
GROUP BY artist_id, folder_id;

-- An album's row of one (folder, genre): a new track adds to it; anything else recounts it from
-- the tracks (a maximum cannot be taken back), a short range of the index below.
CREATE TRIGGER IF NOT EXISTS tracks_album_folder_genres_insert AFTER INSERT ON tracks
WHEN new.kind = 0 AND new.album_id IS NOT NULL
BEGIN
    INSERT INTO album_folder_genres (album_id, folder_id, genre, track_count, duration_ms, year, added_at)
    VALUES (new.album_id, new.folder_id, new.genre, 1, new.duration_ms, new.year, new.added_at)
    ON CONFLICT (album_id, folder_id, genre) DO UPDATE SET
        track_count = track_count + 1,
        duration_ms = duration_ms + excluded.duration_ms,
        year = MAX(year, excluded.year),
        added_at = MAX(added_at, excluded.added_at);
END;

CREATE TRIGGER IF NOT EXISTS tracks_album_folder_genres_delete AFTER DELETE ON tracks
WHEN old.kind = 0 AND old.album_id IS NOT NULL
BEGIN
    DELETE FROM album_folder_genres WHERE album_id = old.album_id AND folder_id = old.folder_id AND genre = old.genre;
    INSERT INTO album_folder_genres (album_id, folder_id, genre, track_count, duration_ms, year, added_at)
    SELECT album_id, folder_id, genre, COUNT(*), SUM(duration_ms), MAX(year), MAX(added_at)
    FROM tracks WHERE album_id = old.album_id AND kind = 0 AND folder_id = old.folder_id AND genre = old.genre
    GROUP BY album_id, folder_id, genre;
END;

-- Both the old and the new row are recounted: either may have gained or lost.
CREATE TRIGGER IF NOT EXISTS tracks_album_folder_genres_update
AFTER UPDATE OF kind, folder_id, album_id, genre, duration_ms, year, added_at ON tracks
BEGIN
    DELETE FROM album_folder_genres WHERE album_id = old.album_id AND folder_id = old.folder_id AND genre = old.genre;
    INSERT INTO album_folder_genres (album_id, folder_id, genre, track_count, duration_ms, year, added_at)
    SELECT album_id, folder_id, genre, COUNT(*), SUM(duration_ms), MAX(year), MAX(added_at)
    FROM tracks WHERE album_id = old.album_id AND kind = 0 AND folder_id = old.folder_id AND genre = old.genre
    GROUP BY album_id, folder_id, genre;
    DELETE FROM album_folder_genres WHERE album_id = new.album_id AND folder_id = new.folder_id AND genre = new.genre;
    INSERT INTO album_folder_genres (album_id, folder_id, genre, track_count, duration_ms, year, added_at)
    SELECT album_id, folder_id, genre, COUNT(*), SUM(duration_ms), MAX(year), MAX(added_at)
    FROM tracks WHERE album_id = new.album_id AND kind = 0 AND folder_id = new.folder_id AND genre = new.genre
    GROUP BY album_id, folder_id, genre;
END;

-- A count alone can follow each change exactly: one less for the old row, one more for the new.
CREATE TRIGGER IF NOT EXISTS tracks_artist_folders_insert AFTER INSERT ON tracks
WHEN new.kind = 0 AND new.artist_id IS NOT NULL
BEGIN
    INSERT INTO artist_folders (artist_id, folder_id, track_count) VALUES (new.artist_id, new.folder_id, 1)
    ON CONFLICT (artist_id, folder_id) DO UPDATE SET track_count = track_count + 1;
END;

CREATE TRIGGER IF NOT EXISTS tracks_artist_folders_delete AFTER DELETE ON tracks
WHEN old.kind = 0 AND old.artist_id IS NOT NULL
BEGIN
    UPDATE artist_folders SET track_count = track_count - 1
    WHERE artist_id = old.artist_id AND folder_id = old.folder_id;
    DELETE FROM artist_folders WHERE artist_id = old.artist_id AND folder_id = old.folder_id AND track_count <= 0;
END;

CREATE TRIGGER IF NOT EXISTS tracks_artist_folders_update AFTER UPDATE OF kind, folder_id, artist_id ON tracks
BEGIN
    UPDATE artist_folders SET track_count = track_count - 1
    WHERE old.kind = 0 AND artist_id = old.artist_id AND folder_id = old.folder_id;
    DELETE FROM artist_folders WHERE artist_id = old.artist_id AND folder_id = old.folder_id AND track_count <= 0;
    INSERT INTO artist_folders (artist_id, folder_id, track_count)
    SELECT new.artist_id, new.folder_id, 1 WHERE new.kind = 0 AND new.artist_id IS NOT NULL
    ON CONFLICT (artist_id, folder_id) DO UPDATE SET track_count = track_count + 1;
END;

-- The album artist's sort key beside the album's title key, so that albums by name (title, then
-- artist) are read in the order of one index. Artists' keys never change; triggers keep the copy
-- right whatever writes albums or artists.
ALTER TABLE albums ADD COLUMN artist_key TEXT NOT NULL DEFAULT '';
UPDATE albums SET artist_key = (SELECT name_key FROM artists WHERE artists.id = albums.artist_id);
CREATE INDEX IF NOT EXISTS albums_title_artist ON albums(title_key, artist_key);

CREATE TRIGGER IF NOT EXISTS albums_artist_key_insert AFTER INSERT ON albums
BEGIN
    UPDATE albums SET artist_key = (SELECT name_key FROM artists WHERE id = new.artist_id) WHERE id = new.id;
END;

CREATE TRIGGER IF NOT EXISTS albums_artist_key_update AFTER UPDATE OF artist_id ON albums
BEGIN
    UPDATE albums SET artist_key = (SELECT name_key FROM artists WHERE id = new.artist_id) WHERE id = new.id;
END;

CREATE TRIGGER IF NOT EXISTS artists_key_update AFTER UPDATE OF name_key ON artists
BEGIN
    UPDATE albums SET artist_key = new.name_key WHERE artist_id = new.id;
END;

-- An album's tracks as the recount and the browse queries read them (album, then visibility).
DROP INDEX IF EXISTS tracks_album;
CREATE INDEX IF NOT EXISTS tracks_album_kind_folder ON tracks(album_id, kind, folder_id);
-- Every song in id order, the order a client's full sync pages in, with its folder at hand.
CREATE INDEX IF NOT EXISTS tracks_kind_id_folder ON tracks(kind, id, folder_id);
