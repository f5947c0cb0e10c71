-- The service's state: registered repositories, API tokens, tasks, their runs, the runs' finished steps and
-- events. Artifacts stay as files under AAP_HOME/runs/<id>/.

create table repos (
    name                text primary key,
    url                 text        not null,
    local_path          boolean     not null,
    default_branch      text,
    policy              jsonb,
    max_concurrent_runs integer     not null default 1,
    created_at          timestamptz not null default now()
);

create table tokens (
    name       text primary key,
    hash       text        not null unique,
    scopes     text        not null,
    created_at timestamptz not null default now(),
    revoked_at timestamptz
);

create table tasks (
    id              text primary key,
    repo            text        not null,
    spec            jsonb       not null,
    idempotency_key text unique,
    body_sha256     text,
    created_by      text,
    created_at      timestamptz not null default now()
);

create table runs (
    id               text primary key,
    task_id          text        not null references tasks (id),
    repo             text        not null,
    base_ref         text        not null,
    status           text        not null,
    attempt          integer     not null default 0,
    node             text,
    lease_until      timestamptz,
    cancel_requested boolean     not null default false,
    strategy         text,
    message          text,
    exit_code        integer,
    result           jsonb,
    created_at       timestamptz not null default now(),
    started_at       timestamptz,
    finished_at      timestamptz,
    updated_at       timestamptz not null default now()
);

create index runs_claimable on runs (created_at, id) where status in ('QUEUED', 'RUNNING');
create index runs_by_repo on runs (repo, id desc);
create index runs_by_status on runs (status, id desc);

create table steps (
    run_id      text        not null references runs (id) on delete cascade,
    step        text        not null,
    output      jsonb       not null,
    node        text,
    finished_at timestamptz not null default now(),
    primary key (run_id, step)
);

create table events (
    run_id text        not null references runs (id) on delete cascade,
    seq    bigint      not null,
    time   timestamptz not null,
    type   text        not null,
    body   jsonb       not null,
    primary key (run_id, seq)
);
