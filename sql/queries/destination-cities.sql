-- The cities of the reference: code, name, province, centre (lon, lat in degrees).
SELECT code, name, province, lon, lat FROM destination_cities FINAL ORDER BY code
