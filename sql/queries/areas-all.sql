-- every area of the reference (prefecture, counties, townships, villages): NBS code, name, level and parent code.
SELECT code, name, toString(level) AS level, parent_code
FROM areas FINAL
ORDER BY code
