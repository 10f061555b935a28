-- the area with NBS code {code}: its name and level; no row if unknown.
SELECT code, name, toString(level) AS level
FROM areas FINAL
WHERE code = {code:String}
