-- Grader schema v1 (PostgreSQL). Times are timestamptz, written in UTC.

CREATE TABLE courses (
    id          TEXT NOT NULL PRIMARY KEY,
    title       TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE course_members (
    course_id     TEXT NOT NULL REFERENCES courses (id),
    learner_id    TEXT NOT NULL,
    display_name  TEXT NOT NULL,
    joined_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (course_id, learner_id)
);

CREATE TABLE api_keys (
    id           TEXT NOT NULL PRIMARY KEY,
    prefix       TEXT NOT NULL,
    secret_hash  TEXT NOT NULL,
    role         TEXT NOT NULL,
    course_id    TEXT NOT NULL,
    learner_id   TEXT NULL,
    label        TEXT NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    revoked_at   TIMESTAMPTZ NULL
);
CREATE INDEX ix_api_keys_course ON api_keys (course_id, created_at);

CREATE TABLE exercises (
    id              TEXT NOT NULL PRIMARY KEY,
    title           TEXT NOT NULL,
    latest_version  INTEGER NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);

CREATE TABLE exercise_versions (
    exercise_id   TEXT NOT NULL REFERENCES exercises (id),
    version       INTEGER NOT NULL,
    content_hash  TEXT NOT NULL,
    recorded_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (exercise_id, version, content_hash)
);

CREATE TABLE submissions (
    id                   TEXT NOT NULL PRIMARY KEY,
    course_id            TEXT NOT NULL REFERENCES courses (id),
    exercise_id          TEXT NOT NULL,
    exercise_version     INTEGER NOT NULL,
    exercise_hash        TEXT NOT NULL,
    learner_id           TEXT NOT NULL,
    state                TEXT NOT NULL,
    request_id           TEXT NULL,
    source_hash          TEXT NOT NULL,
    profile              TEXT NOT NULL,
    dataset              TEXT NOT NULL,
    seed                 BIGINT NOT NULL,
    created_by           TEXT NOT NULL,
    created_at           TIMESTAMPTZ NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL,
    finished_at          TIMESTAMPTZ NULL,
    attempts             INTEGER NOT NULL DEFAULT 0,
    last_event_sequence  BIGINT NOT NULL,
    FOREIGN KEY (exercise_id, exercise_version, exercise_hash) REFERENCES exercise_versions (exercise_id, version, content_hash)
);
CREATE UNIQUE INDEX ux_submissions_request ON submissions (course_id, learner_id, request_id) WHERE request_id IS NOT NULL;
CREATE INDEX ix_submissions_course_created ON submissions (course_id, created_at DESC, id DESC);
CREATE INDEX ix_submissions_learner ON submissions (course_id, learner_id, exercise_id, created_at);
CREATE INDEX ix_submissions_source ON submissions (course_id, learner_id, exercise_id, source_hash);

CREATE TABLE submission_sources (
    submission_id  TEXT NOT NULL REFERENCES submissions (id),
    ordinal        INTEGER NOT NULL,
    path           TEXT NOT NULL,
    content        TEXT NOT NULL,
    PRIMARY KEY (submission_id, ordinal)
);

CREATE TABLE submission_events (
    submission_id  TEXT NOT NULL REFERENCES submissions (id),
    sequence       BIGINT NOT NULL,
    occurred_at    TIMESTAMPTZ NOT NULL,
    kind           TEXT NOT NULL,
    state          TEXT NOT NULL,
    message        TEXT NOT NULL,
    fraction       DOUBLE PRECISION NULL,
    epoch_json     TEXT NULL,
    PRIMARY KEY (submission_id, sequence)
);

CREATE TABLE results (
    submission_id     TEXT NOT NULL PRIMARY KEY REFERENCES submissions (id),
    state             TEXT NOT NULL,
    reason            TEXT NOT NULL,
    summary           TEXT NOT NULL,
    score             DOUBLE PRECISION NOT NULL,
    max_score         DOUBLE PRECISION NOT NULL,
    dataset           TEXT NOT NULL,
    device            TEXT NOT NULL,
    criteria_json     TEXT NOT NULL,
    curves_json       TEXT NOT NULL,
    diagnostics_json  TEXT NOT NULL,
    logs              TEXT NOT NULL,
    elapsed_seconds   DOUBLE PRECISION NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL
);

CREATE TABLE measurements (
    submission_id  TEXT NOT NULL REFERENCES submissions (id),
    name           TEXT NOT NULL,
    value          DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (submission_id, name)
);

CREATE TABLE grades (
    course_id           TEXT NOT NULL,
    learner_id          TEXT NOT NULL,
    exercise_id         TEXT NOT NULL,
    best_score          DOUBLE PRECISION NOT NULL,
    max_score           DOUBLE PRECISION NOT NULL,
    passed              BOOLEAN NOT NULL,
    best_submission_id  TEXT NOT NULL REFERENCES submissions (id),
    updated_at          TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (course_id, learner_id, exercise_id)
);

CREATE TABLE xp_ledger (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    award_key      TEXT NOT NULL UNIQUE,
    course_id      TEXT NOT NULL,
    learner_id     TEXT NOT NULL,
    submission_id  TEXT NOT NULL REFERENCES submissions (id),
    amount         INTEGER NOT NULL CHECK (amount > 0),
    reason         TEXT NOT NULL,
    awarded_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_xp_ledger_learner ON xp_ledger (course_id, learner_id);
CREATE INDEX ix_xp_ledger_submission ON xp_ledger (submission_id);

CREATE TABLE achievements (
    course_id       TEXT NOT NULL,
    learner_id      TEXT NOT NULL,
    achievement_id  TEXT NOT NULL,
    submission_id   TEXT NOT NULL REFERENCES submissions (id),
    unlocked_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (course_id, learner_id, achievement_id)
);
CREATE INDEX ix_achievements_submission ON achievements (submission_id);
