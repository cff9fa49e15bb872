-- Tasks (transforms now, intelligence later) and sources made of several files (HLS, sprite sheets).

-- A multi-file source keeps a key prefix in storage_key, the files under it (relative path -> size in bytes) in
-- files, and the file its url points at in main_file.
alter table sources add column files jsonb;
alter table sources add column main_file text;

create table tasks (
    id               varchar(40) primary key,
    project_id       varchar(40) not null references projects (id) on delete cascade,
    media_id         varchar(40) not null references media (id) on delete cascade,
    input_source_id  varchar(40) not null,
    family           varchar(16) not null,
    kind             varchar(16) not null,
    options          jsonb       not null,
    label            text        not null,
    status           varchar(12) not null,
    progress         double precision not null default 0,
    error_code       varchar(40),
    error            text,
    -- reserved when the task is created, so that however often the task runs it makes at most this one source
    output_source_id varchar(40) not null,
    attempts         integer     not null default 0,
    lease_owner      text,
    lease_until      timestamptz,
    processing_ms    bigint      not null default 0,
    started          timestamptz,
    completed        timestamptz,
    created          timestamptz not null,
    updated          timestamptz not null
);
create index tasks_by_project on tasks (project_id, family, created);
create index tasks_by_media on tasks (media_id);
create index tasks_leased on tasks (lease_until) where status = 'processing';
