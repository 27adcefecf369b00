-- App passwords: generated per-user credentials for clients that cannot use the account
-- password (Subsonic token auth needs a recoverable secret; OpenSubsonic apiKey). The secret is
-- kept encrypted (libsodium crypto_secretbox with a key from credentials.key, its nonce beside
-- it) and, for finding an apiKey without decrypting every row, as a keyed BLAKE2b hash.
CREATE TABLE app_passwords (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,   -- never reused: a stale revoke cannot hit a newer one
    user_id           INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name              TEXT NOT NULL,
    secret_nonce      BLOB NOT NULL,
    secret_ciphertext BLOB NOT NULL,
    key_hash          BLOB NOT NULL UNIQUE,
    created_at        INTEGER NOT NULL DEFAULT 0,
    last_used_at      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX app_passwords_user ON app_passwords(user_id);
