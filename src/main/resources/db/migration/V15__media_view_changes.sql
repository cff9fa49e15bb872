-- Instances keep the JSON of recently read media (GET /media/{id}); any change to a media row or to one of its
-- sources drops it on every instance, announced at commit as 'view:<media id>' (notify_change: V14).
create trigger media_view_changed after insert or update or delete on media
    for each row execute function notify_change('view', 'id');
create trigger media_view_sources_changed after insert or update or delete on sources
    for each row execute function notify_change('view', 'media_id');
