-- When each item entered the catalog, for "recently added" (tracks already there count from
-- their file's modification time), and indexes for browsing by genre and by date.
ALTER TABLE tracks ADD COLUMN added_at INTEGER NOT NULL DEFAULT 0;
UPDATE tracks SET added_at = mtime;
CREATE INDEX tracks_added ON tracks(added_at);
CREATE INDEX tracks_genre ON tracks(genre);
