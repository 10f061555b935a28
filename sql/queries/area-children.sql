-- child areas of {code} (counties of the prefecture, townships of a county, villages of a township), in code order.
SELECT code, name, toString(level) AS level
FROM areas FINAL
WHERE parent_code = {code:String}
ORDER BY code
