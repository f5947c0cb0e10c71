-- The server's audit trail: the same hash-chained, signed records as AAP_HOME/audit/*.jsonl, one row each.
-- details is the canonical JSON text as signed (not jsonb, which would refuse some strings and re-encode numbers);
-- hash is the record's own SHA-256, kept so that the next append need not recompute it. Rows are only inserted.
create table audit (
    seq     bigint primary key,
    time    timestamptz not null,
    run_id  text,
    actor   text        not null,
    action  text        not null,
    details text        not null,
    key_id  text        not null,
    prev    text        not null,
    hash    text        not null,
    sig     text        not null
);

create index audit_by_run on audit (run_id, seq) where run_id is not null;
create index audit_by_time on audit (time);
