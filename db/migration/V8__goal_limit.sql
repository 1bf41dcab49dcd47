-- An assignment goal may also cap one setting ("at most 2 hidden layers"): the config path and its largest allowed
-- value (a number's value, or a list's length). Both NULL when the goal has no limit. Portable SQL.
ALTER TABLE assignment ADD COLUMN goal_limit_path VARCHAR(200);
ALTER TABLE assignment ADD COLUMN goal_limit_max DOUBLE PRECISION;
