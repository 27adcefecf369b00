-- Video quality profiles for HLS (always H.264 + AAC): the frame box the picture is scaled into
-- and the two bitrates in kbit/s (validated in core/transcode before they are stored). The
-- defaults are offered on first run; variants above the source's resolution are never listed.
CREATE TABLE video_presets (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE COLLATE NOCASE,
    width         INTEGER NOT NULL,
    height        INTEGER NOT NULL,
    video_bitrate INTEGER NOT NULL,
    audio_bitrate INTEGER NOT NULL
);

INSERT INTO video_presets (name, width, height, video_bitrate, audio_bitrate) VALUES ('360p', 640, 360, 800, 96);
INSERT INTO video_presets (name, width, height, video_bitrate, audio_bitrate) VALUES ('480p', 854, 480, 1400, 128);
INSERT INTO video_presets (name, width, height, video_bitrate, audio_bitrate) VALUES ('720p', 1280, 720, 2800, 128);
INSERT INTO video_presets (name, width, height, video_bitrate, audio_bitrate) VALUES ('1080p', 1920, 1080, 5000, 192);
INSERT INTO video_presets (name, width, height, video_bitrate, audio_bitrate) VALUES ('2160p (4K)', 3840, 2160, 16000, 192);
