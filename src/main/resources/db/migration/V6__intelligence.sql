-- Intelligence tasks keep what they added to their media's intelligence prop.
alter table tasks add column result jsonb;
