-- An idempotency key belongs to the token that used it: another token's key must neither collide with it nor
-- reveal its task.
alter table tasks drop constraint tasks_idempotency_key_key;
create unique index tasks_idempotency on tasks (created_by, idempotency_key) where idempotency_key is not null;
