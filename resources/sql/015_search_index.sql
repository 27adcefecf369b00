-- Search through full-text indexes instead of reading every row with LIKE '%…%', and indexes
-- that let a deep page of the track list be read in order instead of sorting the whole library.
-- Triggers keep the indexes in step with every write to tracks, albums and artists, inside the
-- writer's transaction (scans, removals, ON DELETE CASCADE). unicode61 folds case and, with
-- remove_diacritics 2, accents ("sigur ros" finds "Sigur Rós"); CJK characters are set apart by
-- spaces in the indexed text (search::indexed) so that a run of them is found anywhere.

-- A track's search document (tracks.search: title, artist, album, album artist, file name).
-- Every word of a query is a prefix: a prefix index of its length reads one list of matches,
-- skipping ahead in it, where without one every word it begins is merged first (100,000 rows for
-- a word each track has: 10 ms instead of 0.3). Lengths 1 to 10 make the index about 1.6 times
-- the size of one with 1 to 3.
CREATE VIRTUAL TABLE IF NOT EXISTS track_search USING fts5(
    body, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3 4 5 6 7 8 9 10');

-- An album's title and its album artist's name (folded keys; CJK is matched with LIKE there, the
-- tables being small).
CREATE VIRTUAL TABLE IF NOT EXISTS album_search USING fts5(
    title, artist, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3');

CREATE VIRTUAL TABLE IF NOT EXISTS artist_search USING fts5(
    name, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3');

-- Filled afresh (also when a catalog whose recorded version went back runs this again).
DELETE FROM track_search;
INSERT INTO track_search (rowid, body) SELECT id, search FROM tracks;
DELETE FROM album_search;
INSERT INTO album_search (rowid, title, artist) SELECT id, title_key, artist_key FROM albums;
DELETE FROM artist_search;
INSERT INTO artist_search (rowid, name) SELECT id, name_key FROM artists;

CREATE TRIGGER IF NOT EXISTS tracks_search_insert AFTER INSERT ON tracks
BEGIN
    INSERT INTO track_search (rowid, body) VALUES (new.id, new.search);
END;

CREATE TRIGGER IF NOT EXISTS tracks_search_delete AFTER DELETE ON tracks
BEGIN
    DELETE FROM track_search WHERE rowid = old.id;
END;

-- A rescan rewrites every column of a changed file: the document is indexed again only when it changed.
CREATE TRIGGER IF NOT EXISTS tracks_search_update AFTER UPDATE OF id, search ON tracks
WHEN old.id <> new.id OR old.search IS NOT new.search
BEGIN
    DELETE FROM track_search WHERE rowid = old.id;
    INSERT INTO track_search (rowid, body) VALUES (new.id, new.search);
END;

-- The album artist's key is set by a trigger of 012 after the insert: the update trigger below
-- indexes it again, whichever of the two runs first.
CREATE TRIGGER IF NOT EXISTS albums_search_insert AFTER INSERT ON albums
BEGIN
    DELETE FROM album_search WHERE rowid = new.id;
    INSERT INTO album_search (rowid, title, artist)
    VALUES (new.id, new.title_key, (SELECT name_key FROM artists WHERE id = new.artist_id));
END;

CREATE TRIGGER IF NOT EXISTS albums_search_delete AFTER DELETE ON albums
BEGIN
    DELETE FROM album_search WHERE rowid = old.id;
END;

CREATE TRIGGER IF NOT EXISTS albums_search_update AFTER UPDATE OF id, title_key, artist_key ON albums
BEGIN
    DELETE FROM album_search WHERE rowid = old.id;
    INSERT INTO album_search (rowid, title, artist) VALUES (new.id, new.title_key, new.artist_key);
END;

CREATE TRIGGER IF NOT EXISTS artists_search_insert AFTER INSERT ON artists
BEGIN
    INSERT INTO artist_search (rowid, name) VALUES (new.id, new.name_key);
END;

CREATE TRIGGER IF NOT EXISTS artists_search_delete AFTER DELETE ON artists
BEGIN
    DELETE FROM artist_search WHERE rowid = old.id;
END;

CREATE TRIGGER IF NOT EXISTS artists_search_update AFTER UPDATE OF id, name_key ON artists
BEGIN
    DELETE FROM artist_search WHERE rowid = old.id;
    INSERT INTO artist_search (rowid, name) VALUES (new.id, new.name_key);
END;

-- The track list's order (album artist, album, disc, track, title, id) read as albums in the
-- order of one index, each album's tracks in the order of another: a deep page skips index
-- entries instead of sorting every track. The kind and folder let the skipped entries be
-- filtered without reading the rows.
CREATE INDEX IF NOT EXISTS albums_artist_title ON albums(artist_key, title_key);
CREATE INDEX IF NOT EXISTS tracks_album_order ON tracks(album_id, disc_no, track_no, title, id, kind, folder_id);
