-- every store and station of the reference, newest load of each: id, name, type, tier, NBS area code, opening day and status.
SELECT id, name, type, tier, area_code, toString(opened_on) AS opened_on, status
FROM stores FINAL
ORDER BY id
