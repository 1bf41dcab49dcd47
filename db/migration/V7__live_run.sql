-- What every server instance is training right now, so a teacher's live dashboard shows the whole class even when
-- the students' sessions are spread over several instances (sticky sessions on a shared database). Each instance
-- rewrites its own rows about once a second; rows not refreshed for a while belong to a stopped instance and are
-- ignored, then removed. Portable SQL (H2, PostgreSQL).
CREATE TABLE live_run (
    run_id      VARCHAR(64)              NOT NULL PRIMARY KEY,
    instance_id VARCHAR(64)              NOT NULL,
    owner       VARCHAR(40)              NOT NULL,
    lab         VARCHAR(40)              NOT NULL,
    state       VARCHAR(20)              NOT NULL,
    epoch       BIGINT                   NOT NULL,
    train_loss  DOUBLE PRECISION,
    accuracy    DOUBLE PRECISION,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX live_run_owner ON live_run (owner);
CREATE INDEX live_run_instance ON live_run (instance_id);
