-- Webhooks, and each event's delivery to each of them with every attempt made.

create table webhooks (
    id                      varchar(40) primary key,
    project_id              varchar(40) not null references projects (id) on delete cascade,
    url                     text        not null,
    -- event types subscribed to, comma-separated, or *
    events                  text        not null,
    description             text,
    status                  varchar(12) not null,
    -- why the webhook was disabled, when Mediawerk disabled it
    disabled_reason         text,
    -- signing secrets, encrypted; the previous one keeps signing until previous_secret_expires
    secret                  text        not null,
    previous_secret         text,
    previous_secret_expires timestamptz,
    -- start of the current stretch of failed attempts (null after a success)
    failing_since           timestamptz,
    created                 timestamptz not null,
    updated                 timestamptz not null
);
create index webhooks_by_project on webhooks (project_id, created);

create table webhook_deliveries (
    id               varchar(40) primary key,
    webhook_id       varchar(40) not null references webhooks (id) on delete cascade,
    project_id       varchar(40) not null,
    event_id         varchar(40) not null,
    event_type       varchar(40) not null,
    -- the exact body sent (and signed) on every attempt
    payload          text        not null,
    status           varchar(12) not null,
    attempts         integer     not null default 0,
    next_attempt     timestamptz,
    retry_until      timestamptz not null,
    -- the dispatcher sending it right now, and until when that claim holds
    lease_owner      text,
    lease_until      timestamptz,
    last_status_code integer,
    last_error       text,
    delivered        timestamptz,
    created          timestamptz not null,
    updated          timestamptz not null,
    -- an event redelivered by Kafka does not make a second delivery
    unique (webhook_id, event_id)
);
create index webhook_deliveries_due on webhook_deliveries (next_attempt) where status = 'pending';
create index webhook_deliveries_by_webhook on webhook_deliveries (webhook_id, created);
create index webhook_deliveries_by_age on webhook_deliveries (created);

create table webhook_attempts (
    id          bigserial primary key,
    delivery_id varchar(40) not null references webhook_deliveries (id) on delete cascade,
    attempted   timestamptz not null,
    status_code integer,
    duration_ms integer     not null,
    error       text,
    response    text
);
create index webhook_attempts_by_delivery on webhook_attempts (delivery_id, id);
