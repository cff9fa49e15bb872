-- The chunks of a long HLS ladder: stretches of the input that any worker encodes, planned by one attempt of the
-- ladder's task and joined by it. The task's row stays the truth about the task; a chunk only says who encoded what.
create table ladder_chunks (
    id           varchar(40) primary key,
    task_id      varchar(40) not null references tasks (id) on delete cascade,
    -- the attempt of the task that planned the chunk: a later attempt plans its own
    task_attempt integer     not null,
    position     integer     not null,
    -- what to encode: the input's stretch, its keyframes and the rungs (HlsChunks.Span and HlsPlan.Rung)
    plan         jsonb       not null,
    status       varchar(12) not null,
    progress     double precision not null default 0,
    attempts     integer     not null default 0,
    lease_owner  text,
    lease_until  timestamptz,
    -- the worker whose run of the chunk counted
    encoded_by   text,
    error        text,
    created      timestamptz not null,
    updated      timestamptz not null,
    unique (task_id, task_attempt, position)
);
