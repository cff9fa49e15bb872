-- A source made by a task records that task, whichever family ran it (transform or intelligence).
alter table sources rename column transform_id to task_id;
