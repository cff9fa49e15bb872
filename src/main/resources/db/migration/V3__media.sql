-- Media, their sources (files), uploads, files waiting to be removed from S3, and delivery counters.

create table media (
    id           varchar(40) primary key,
    project_id   varchar(40) not null references projects (id) on delete cascade,
    kind         varchar(10),
    status       varchar(12) not null,
    title        text,
    alt          text,
    width        integer,
    height       integer,
    duration     double precision,
    filesize     bigint      not null default 0,
    metadata     jsonb       not null default '{}',
    intelligence jsonb       not null default '{}',
    workflow_id  varchar(40),
    error_code   varchar(40),
    error        text,
    ingest_url   text,
    attempts     integer     not null default 0,
    expires      timestamptz,
    created      timestamptz not null,
    updated      timestamptz not null,
    deleted      timestamptz
);
create index media_live on media (project_id, created) where status <> 'deleted';
create index media_expiring on media (expires) where expires is not null and status <> 'deleted';

create table sources (
    id           varchar(40) primary key,
    media_id     varchar(40) not null references media (id) on delete cascade,
    project_id   varchar(40) not null,
    kind         varchar(10) not null,
    label        text        not null,
    mime_type    text,
    container    text,
    extension    varchar(10),
    video_codec  text,
    audio_codec  text,
    width        integer,
    height       integer,
    duration     double precision,
    fps          double precision,
    bitrate      bigint,
    filesize     bigint,
    storage_key  text        not null,
    etag         text,
    status       varchar(12) not null,
    transform_id varchar(40),
    metadata     jsonb       not null default '{}',
    created      timestamptz not null,
    updated      timestamptz not null
);
create index sources_by_media on sources (media_id, created);
create index sources_by_project on sources (project_id, created);

create table uploads (
    id            varchar(40) primary key,
    project_id    varchar(40) not null references projects (id) on delete cascade,
    status        varchar(12) not null,
    expires       timestamptz not null,
    workflow_id   varchar(40),
    metadata      jsonb       not null default '{}',
    media_timeout integer,
    storage_key   text        not null,
    multipart_id  text,
    parts         text        not null default '[]',
    received      bigint      not null default 0,
    total         bigint,
    format        varchar(10),
    media_id      varchar(40),
    error         text,
    created       timestamptz not null,
    updated       timestamptz not null
);
create index uploads_open on uploads (expires) where status in ('open', 'partial');

-- Objects (or unfinished multipart uploads) to remove from S3; the database decides, S3 follows.
create table storage_garbage (
    key          text primary key,
    multipart_id text,
    created      timestamptz not null,
    attempts     integer     not null default 0
);

-- Delivery figures per source and day, kept after media are deleted (for analytics).
create table delivery_counts (
    source_id  varchar(40) not null,
    day        date        not null,
    project_id varchar(40) not null,
    media_id   varchar(40) not null,
    requests   bigint      not null,
    bytes      bigint      not null,
    primary key (source_id, day)
);
create index delivery_counts_by_project on delivery_counts (project_id, day);
