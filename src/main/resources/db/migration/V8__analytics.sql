-- Usage as it happens, one row per project, media, day and figure, incremented in the transaction of the change, so
-- that the figures stay when what they count is deleted. Deliveries are counted in delivery_counts (V3).
create table usage_daily (
    project_id varchar(40) not null references projects (id) on delete cascade,
    media_id   varchar(40) not null,
    day        date        not null,
    -- uploads | media | tasks
    metric     varchar(16) not null,
    -- media: its kind; tasks: "<kind>:<final status>"; uploads: ''
    dimension  varchar(64) not null,
    count      bigint      not null,
    -- uploads and media: bytes; tasks: processing milliseconds
    amount     bigint      not null,
    primary key (project_id, day, metric, dimension, media_id)
);
create index usage_daily_by_media on usage_daily (media_id, day);
