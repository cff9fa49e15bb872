-- Seeds :count ready image media (no sources) into project :project, for the list benchmark (bench/read-path.sh):
--   psql -v project=prj_... -v count=1000000 -f bench/seed-media.sql
-- Ids have the API's shape (med_ and 16 base-62 characters); created times are one second apart, ending now.
insert into media (id, project_id, kind, status, title, width, height, filesize, created, updated)
select 'med_' || substr(md5(i::text || :'project'), 1, 16), :'project', 'image', 'ready', 'seeded ' || i, 640, 480,
       4096, now() - make_interval(secs => i), now() - make_interval(secs => i)
from generate_series(1, :count) as i;
vacuum analyze media;
