-- saved queries a caller may open: the latest version of each, unless deleted, that the caller owns or that is shared with the caller's role
SELECT id, latest_version AS version, owner, name, description, shared_with, toString(last_saved) AS saved_at
FROM (
  SELECT id, max(version) AS latest_version, argMax(owner, version) AS owner, argMax(name, version) AS name,
         argMax(description, version) AS description, argMax(shared_with, version) AS shared_with,
         argMax(deleted, version) AS is_deleted, argMax(saved_at, version) AS last_saved
  FROM saved_queries
  GROUP BY id
)
WHERE is_deleted = 0 AND (owner = {login:String} OR has(shared_with, {role:String}))
ORDER BY last_saved DESC, id
LIMIT 1000
