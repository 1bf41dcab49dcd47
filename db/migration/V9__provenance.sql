-- Where an experiment's figures come from, so that an assignment's goal is checked only on numbers this server
-- measured: 'measured' (trained live here from its settings and seed, or continued from such a run), 'edited' (trained
-- here, but from weights this server did not train: continued from an unverified experiment, or edited by hand),
-- 'imported' (read from an export file). Experiments saved before this version are 'unknown': nothing records where
-- their figures came from, so none of them is trusted. Portable SQL (H2, PostgreSQL).
ALTER TABLE experiment ADD COLUMN provenance VARCHAR(20) DEFAULT 'unknown' NOT NULL;
-- Whether a submission's goal check used figures this server measured; goal_met is true only when it did. Submissions
-- made before this version were checked on figures nobody verified.
ALTER TABLE submission ADD COLUMN goal_verified BOOLEAN DEFAULT FALSE NOT NULL;
