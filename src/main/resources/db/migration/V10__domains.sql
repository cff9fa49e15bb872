-- Custom delivery hostnames of projects, verified by a DNS TXT record or an HTTP token before they serve.
create table domains (
    id             varchar(40) primary key,
    project_id     varchar(40) not null references projects (id) on delete cascade,
    hostname       text        not null,
    status         varchar(12) not null,
    token          text        not null,
    verified_by    varchar(8),
    verified       timestamptz,
    failure_reason text,
    last_error     text,
    check_until    timestamptz not null,
    last_checked   timestamptz,
    created        timestamptz not null,
    updated        timestamptz not null
);
-- a hostname belongs to one project at a time; a failed claim leaves it free
create unique index domains_hostname on domains (hostname) where status <> 'failed';
create index domains_by_project on domains (project_id, created);
create index domains_pending on domains (last_checked) where status = 'pending';
