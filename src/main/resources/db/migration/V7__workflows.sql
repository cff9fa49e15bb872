-- Workflows: step definitions a project runs on its media, and their runs.

create table workflows (
    id          varchar(40) primary key,
    project_id  varchar(40) not null references projects (id) on delete cascade,
    name        text        not null,
    description text,
    status      varchar(12) not null,
    -- {"steps": [...]}: the definition as validated, options as given
    definition  jsonb       not null,
    created     timestamptz not null,
    updated     timestamptz not null
);
create index workflows_by_project on workflows (project_id, created);

create table workflow_runs (
    id          varchar(40) primary key,
    project_id  varchar(40) not null references projects (id) on delete cascade,
    -- no foreign key: a run outlives the deletion of its workflow
    workflow_id varchar(40) not null,
    media_id    varchar(40) not null references media (id) on delete cascade,
    trigger     varchar(16) not null,
    status      varchar(12) not null,
    -- the workflow's definition when the run started, so that editing the workflow never changes a running run
    definition  jsonb       not null,
    -- {"steps": [...]}: every step's state, changed under this row's lock
    state       jsonb       not null,
    error_code  varchar(40),
    error       text,
    created     timestamptz not null,
    updated     timestamptz not null,
    completed   timestamptz
);
create index workflow_runs_by_workflow on workflow_runs (project_id, workflow_id, created);
create index workflow_runs_by_media on workflow_runs (media_id);
create index workflow_runs_running on workflow_runs (updated) where status = 'running';

alter table tasks add column workflow_run_id varchar(40);
