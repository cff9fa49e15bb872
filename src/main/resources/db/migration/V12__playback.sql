-- Whether a project's videos get an HLS source labelled "playback" on their own; null: the instance's default.
alter table projects add column playback_auto boolean;
