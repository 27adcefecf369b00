-- PostgreSQL's text of 013: SQLite's randomblob() is gen_random_uuid() here (122 random bits
-- from the server's strong generator). A PostgreSQL catalog has no users yet at this version.
ALTER TABLE users ADD COLUMN IF NOT EXISTS signing_key TEXT NOT NULL DEFAULT '';
UPDATE users SET signing_key = replace(gen_random_uuid()::text, '-', '') WHERE signing_key = '';
