-- PostgreSQL's text of 015. SQLite searches FTS5 tables kept in step by triggers; here the same
-- documents (already folded by Cairn: case, CJK set apart by spaces) are indexed in place, and
-- PostgreSQL keeps an expression index in step itself: no triggers.
-- cairn_search_vector() reads a document as FTS5's unicode61 tokenizer does: words of letters
-- and digits, diacritics removed (unaccent), every other character a separator. The catalog's
-- queries name it (PostgresDialect), so that these indexes serve them.
CREATE EXTENSION IF NOT EXISTS unaccent;

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'cairn_search') THEN
        CREATE TEXT SEARCH CONFIGURATION cairn_search (COPY = simple);
        ALTER TEXT SEARCH CONFIGURATION cairn_search
            ALTER MAPPING FOR word, hword, hword_part, numword, numhword, hword_numpart WITH unaccent, simple;
    END IF;
END
$$;

-- The configuration is named with its schema: autovacuum evaluates the index expressions with
-- an empty search path.
DO $$
BEGIN
    EXECUTE format(
        'CREATE OR REPLACE FUNCTION cairn_search_vector(document text) RETURNS tsvector '
        'LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE '
        'AS $f$ SELECT to_tsvector(%L::regconfig, regexp_replace(document, ''[^[:alnum:]]+'', '' '', ''g'')) $f$',
        quote_ident(current_schema()) || '.cairn_search');
END
$$;

CREATE INDEX IF NOT EXISTS tracks_search_words ON tracks USING GIN (cairn_search_vector(search));
CREATE INDEX IF NOT EXISTS albums_search_words ON albums USING GIN (cairn_search_vector(title_key || ' ' || artist_key));
CREATE INDEX IF NOT EXISTS artists_search_words ON artists USING GIN (cairn_search_vector(name_key));

-- The track list's order, as in SQLite's 015.
CREATE INDEX IF NOT EXISTS albums_artist_title ON albums(artist_key, title_key);
CREATE INDEX IF NOT EXISTS tracks_album_order ON tracks(album_id, disc_no, track_no, title, id, kind, folder_id);
