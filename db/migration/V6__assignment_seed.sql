-- The seed of the experiment an assignment was made from, so a student opening the assignment starts from the very
-- run the teacher saw (same first weights; the labs' data seeds are in config_json already). Portable SQL.
ALTER TABLE assignment ADD COLUMN seed BIGINT DEFAULT 1 NOT NULL;
