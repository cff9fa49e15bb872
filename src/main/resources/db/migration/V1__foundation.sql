-- Organisations, projects, API keys and idempotency records.

create table organizations (
    id      varchar(40) primary key,
    name    text        not null,
    created timestamptz not null,
    updated timestamptz not null
);

create table projects (
    id                  varchar(40) primary key,
    org_id              varchar(40) not null references organizations (id),
    name                text        not null,
    default_workflow_id varchar(40),
    created             timestamptz not null,
    updated             timestamptz not null,
    deleted             timestamptz
);
create index projects_live_by_org on projects (org_id, created) where deleted is null;
create index projects_deleted on projects (deleted) where deleted is not null;

create table api_keys (
    id         varchar(40) primary key,
    org_id     varchar(40) not null references organizations (id),
    project_id varchar(40) references projects (id) on delete cascade,
    name       text,
    prefix     varchar(20) not null,
    hash       char(64)    not null unique,
    created    timestamptz not null,
    updated    timestamptz not null,
    revoked    timestamptz
);
create index api_keys_by_project on api_keys (project_id, created);

create table idempotency_records (
    id          varchar(200) primary key,
    fingerprint char(64)    not null,
    status      integer,
    body        text,
    self_path   text,
    parent_path text,
    created     timestamptz not null
);
create index idempotency_records_created on idempotency_records (created);
