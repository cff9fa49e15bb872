-- Instances cache keys and deliverable files; every change that could make a cached entry wrong is announced on
-- one channel, at commit, as '<kind>:<id>' (kinds: key = an API key's hash, project, media, source).
create function notify_change() returns trigger language plpgsql as $$
begin
    -- arguments: the kind, then the column that names the row
    if tg_op = 'DELETE' then
        perform pg_notify('mediawerk_changes', tg_argv[0] || ':' || (to_jsonb(old) ->> tg_argv[1]));
    else
        perform pg_notify('mediawerk_changes', tg_argv[0] || ':' || (to_jsonb(new) ->> tg_argv[1]));
    end if;
    return null;
end;
$$;

-- inserts too: an absence is cached (a key or file asked for before it existed)
create trigger api_keys_changed after insert or update or delete on api_keys
    for each row execute function notify_change('key', 'hash');
create trigger projects_changed after update or delete on projects
    for each row execute function notify_change('project', 'id');
-- a media's view is not cached; only what delivery needs of it: whether it is private, and whether it is deleted
create trigger media_changed after update of status, private_delivery or delete on media
    for each row execute function notify_change('media', 'id');
create trigger sources_changed after insert or update or delete on sources
    for each row execute function notify_change('source', 'id');

-- null: the instance's default (mediawerk.rate-limit.*)
alter table projects add column rate_per_second integer;
alter table projects add column rate_burst integer;

-- keyset paging: a page is where (created, id) passes the cursor, newest first
create index media_live_by_created on media (project_id, created desc, id desc) where status <> 'deleted';
drop index media_live;

-- how many live media a project (and kind) has, as the planner estimates it from its statistics: what a list
-- shows as its total once counting would cost too much
create function estimated_live_media(project text, media_kind text) returns bigint language plpgsql as $$
declare
    plan json;
begin
    execute 'explain (format json) select 1 from media where project_id = ' || quote_literal(project)
        || ' and status <> ''deleted'''
        || case when media_kind is null then '' else ' and kind = ' || quote_literal(media_kind) end
        into plan;
    return (plan -> 0 -> 'Plan' ->> 'Plan Rows')::bigint;
end;
$$;
