-- every version of one saved query, oldest first, with its text, parameters (JSON), chart (JSON) and who saved it when
SELECT id, version, owner, name, description, sql, params, chart, shared_with, deleted, toString(saved_at) AS saved_at, saved_by
FROM saved_queries
WHERE id = {id:String}
ORDER BY version
