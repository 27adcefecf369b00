-- Transcoding presets: an output format and its settings (validated in core/transcode before
-- they are stored). The defaults below are offered on first run; admins edit them freely.
CREATE TABLE presets (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE,
    format      TEXT NOT NULL,
    bitrate     INTEGER NOT NULL DEFAULT 0,
    sample_rate INTEGER NOT NULL DEFAULT 0,
    channels    INTEGER NOT NULL DEFAULT 0
);

INSERT INTO presets (name, format, bitrate, sample_rate, channels) VALUES ('MP3 320', 'mp3', 320, 0, 0);
INSERT INTO presets (name, format, bitrate, sample_rate, channels) VALUES ('MP3 128 (mobile)', 'mp3', 128, 44100, 2);
INSERT INTO presets (name, format, bitrate, sample_rate, channels) VALUES ('Opus 96', 'opus', 96, 48000, 0);
INSERT INTO presets (name, format, bitrate, sample_rate, channels) VALUES ('AAC 256', 'm4a', 256, 0, 0);
INSERT INTO presets (name, format, bitrate, sample_rate, channels) VALUES ('FLAC', 'flac', 0, 0, 0);
INSERT INTO presets (name, format, bitrate, sample_rate, channels) VALUES ('WAV (browser compatibility)', 'wav', 0, 0, 2);
