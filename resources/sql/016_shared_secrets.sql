-- Server secrets that every node of a shared (PostgreSQL) catalog must hold alike: the URL-signing
-- secret and the key app passwords are encrypted with, base64url, named as their files are. An
-- SQLite catalog has a single node, whose secrets stay in files of its data directory, apart from
-- the catalog: this table stays empty there.
CREATE TABLE IF NOT EXISTS shared_secrets (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
