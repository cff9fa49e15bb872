-- Transactional outbox: messages written with the state change that causes them, relayed to Kafka afterwards.

create table outbox (
    id      bigserial primary key,
    topic   text        not null,
    key     text        not null,
    payload text        not null,
    created timestamptz not null,
    attempts integer    not null default 0,
    last_error text
);
