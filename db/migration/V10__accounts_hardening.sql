-- Accounts on a shared server, hardened (issue 15). Portable SQL (H2, PostgreSQL): one change per statement.

-- Anonymous visitors train as "session-<uuid>" (44 characters): the live-run glance holds them like usernames, which
-- it could not at 40 (every publication of an instance with an anonymous trainer failed).
ALTER TABLE live_run ALTER COLUMN owner SET DATA TYPE VARCHAR(100);

-- Raised whenever the account's password changes (by its owner or a reset). A session remembers the version it
-- logged in with and is logged out at its next request once the versions differ, on whichever instance it lives.
ALTER TABLE app_user ADD COLUMN credentials_version BIGINT DEFAULT 0 NOT NULL;

-- The first-start set-up has happened. At most one row (id must be 1, and it is the primary key): the instance whose
-- insert succeeds creates the admin, every other concurrent set-up fails on the key, whichever JVM it runs in.
CREATE TABLE first_start (
    id      INTEGER                  NOT NULL PRIMARY KEY CHECK (id = 1),
    done_at TIMESTAMP WITH TIME ZONE NOT NULL
);
-- a server that already has an admin has been set up
INSERT INTO first_start (id, done_at) SELECT DISTINCT 1, CURRENT_TIMESTAMP FROM app_user WHERE role = 'ADMIN';

-- What an experiment takes in the database, in UTF-8 bytes (name, notes, configuration, metrics, weights, picture
-- and curves), for the per-user quota: summed from this column rather than re-reading every stored text.
ALTER TABLE experiment ADD COLUMN stored_bytes BIGINT DEFAULT 0 NOT NULL;
UPDATE experiment SET stored_bytes = OCTET_LENGTH(name) + OCTET_LENGTH(notes) + OCTET_LENGTH(config_json)
    + COALESCE(OCTET_LENGTH(final_metrics_json), 0) + COALESCE(OCTET_LENGTH(weights_json), 0)
    + COALESCE(OCTET_LENGTH(picture_json), 0)
    + COALESCE((SELECT SUM(OCTET_LENGTH(c.points_json)) FROM experiment_curve c WHERE c.experiment_id = experiment.id), 0);
