-- The seed of the experiment an assignment was made from, so a student opening the assignment starts from the very
-- run the teacher saw (same first weights), and a submission is checked against it where the lab keeps its seed
-- outside config_json. NULL for assignments made before: unknown, so not checked. Portable SQL.
ALTER TABLE assignment ADD COLUMN seed BIGINT;
