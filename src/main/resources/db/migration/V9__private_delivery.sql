-- Private delivery: files of a private media are served only through signed URLs. A media's own setting (null:
-- as its project says) wins over its project's.
alter table projects add column private_delivery boolean not null default false;
alter table media add column private_delivery boolean;
