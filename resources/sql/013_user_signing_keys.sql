-- A per-user signing key mixed into every URL signature the user makes (signed stream,
-- download, transcode and HLS URLs). Replacing it (a new password, disabling, "sign out
-- everywhere") voids every URL the user signed before, and only theirs; a deleted user's id
-- reused by a new account comes with a new key, so the old URLs stay void. Not a secret on its
-- own: signatures are keyed with the server's signing.key.
ALTER TABLE users ADD COLUMN signing_key TEXT NOT NULL DEFAULT '';
UPDATE users SET signing_key = lower(hex(randomblob(16))) WHERE signing_key = '';
