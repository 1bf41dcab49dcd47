-- Everything an experiment needs to be reopened exactly, beyond V1's config and seed. Portable SQL (H2, PostgreSQL):
-- one column per ALTER, TEXT for JSON, no vendor types.
ALTER TABLE experiment ADD COLUMN notes VARCHAR(4000) DEFAULT '' NOT NULL;
ALTER TABLE experiment ADD COLUMN config_version INTEGER DEFAULT 1 NOT NULL;
-- final figures as a JSON object of numbers ({"loss": 0.02, "accuracy": 0.98})
ALTER TABLE experiment ADD COLUMN final_metrics_json TEXT;
-- trained weights as the lab's JSON (engine.io.ModelJson or similar); NULL when the lab has none
ALTER TABLE experiment ADD COLUMN weights_json TEXT;
-- the lab's picture quantized to bytes: {"cols":..,"rows":..,"min":..,"max":..,"values":"<base64>"}
ALTER TABLE experiment ADD COLUMN picture_json TEXT;
-- a deleted experiment is hidden at once and purged once its undo window has passed
ALTER TABLE experiment ADD COLUMN deleted_at TIMESTAMP WITH TIME ZONE;

CREATE TABLE experiment_tag (
    experiment_id BIGINT      NOT NULL REFERENCES experiment (id) ON DELETE CASCADE,
    tag           VARCHAR(30) NOT NULL,
    PRIMARY KEY (experiment_id, tag)
);
CREATE INDEX experiment_tag_tag ON experiment_tag (tag);

-- one row per metric curve; long curves arrive here already downsampled (min/max preserving, raw tail)
CREATE TABLE experiment_curve (
    experiment_id   BIGINT      NOT NULL REFERENCES experiment (id) ON DELETE CASCADE,
    series_index    INTEGER     NOT NULL,
    name            VARCHAR(60) NOT NULL,
    recorded_points INTEGER     NOT NULL,
    points_json     TEXT        NOT NULL,
    PRIMARY KEY (experiment_id, series_index)
);
