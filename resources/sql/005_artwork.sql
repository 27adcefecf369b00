-- Where each track's artwork comes from: a picture embedded in the file (or, for video, a frame
-- of it) and the album folder's cover image. Album and artist artwork derive from their tracks.
ALTER TABLE tracks ADD COLUMN embedded_art INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tracks ADD COLUMN folder_art TEXT NOT NULL DEFAULT '';

-- Tracks scanned before this version are read again once, to find their embedded pictures.
UPDATE tracks SET mtime = 0;
