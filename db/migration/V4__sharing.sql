-- Experiments a student shares with a class: the class gallery lists them. Portable SQL (H2, PostgreSQL).
CREATE TABLE experiment_share (
    experiment_id BIGINT                   NOT NULL REFERENCES experiment (id) ON DELETE CASCADE,
    class_id      BIGINT                   NOT NULL REFERENCES school_class (id) ON DELETE CASCADE,
    shared_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (experiment_id, class_id)
);
CREATE INDEX experiment_share_class ON experiment_share (class_id, shared_at);
