-- The upload right: a user with it may upload media files into the library folders they see
-- (POST /api/folders/{id}/upload). Administrators may always; nobody else until given it.
ALTER TABLE users ADD COLUMN upload INTEGER NOT NULL DEFAULT 0;
