-- Finished streams: who played what, how much was sent and how each ended. No foreign keys:
-- a history row outlives its track and its user. Pruned by the retention settings.
CREATE TABLE stream_history (
    id         INTEGER PRIMARY KEY,
    user_name  TEXT NOT NULL DEFAULT '',
    client     TEXT NOT NULL DEFAULT '',
    track_id   INTEGER NOT NULL DEFAULT 0,
    title      TEXT NOT NULL DEFAULT '',
    kind       TEXT NOT NULL,
    preset     TEXT NOT NULL DEFAULT '',
    started_at INTEGER NOT NULL,
    ended_at   INTEGER NOT NULL,
    bytes      INTEGER NOT NULL DEFAULT 0,
    ending     TEXT NOT NULL
);

CREATE INDEX stream_history_track ON stream_history(track_id);
CREATE INDEX stream_history_ended ON stream_history(ended_at);
