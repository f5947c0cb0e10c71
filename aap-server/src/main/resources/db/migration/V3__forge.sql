-- A registered repository may name its forge ({kind, repository, base_url?}); webhook deliveries are remembered so
-- that a redelivery starts nothing.
alter table repos add column forge jsonb;
create index repos_by_forge on repos ((forge ->> 'kind'), (forge ->> 'repository'));

create table deliveries (
    source      text        not null,
    id          text        not null,
    received_at timestamptz not null default now(),
    outcome     text,
    task_id     text,
    primary key (source, id)
);
