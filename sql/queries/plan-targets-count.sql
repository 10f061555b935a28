-- how many rows plan_targets has ever held (0: never loaded).
SELECT count() AS n FROM plan_targets
