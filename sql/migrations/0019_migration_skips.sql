-- schema_migrations records what a migration could not do on the server it ran on (warehouse/migrate.ts
-- adds the column itself, before any migration runs). COMMENT COLUMN is idempotent and works on 18.16.
ALTER TABLE schema_migrations
  COMMENT COLUMN `skipped` 'Statements of the migration the server could not take, each with the features it needs; empty when applied in full. A migration with any is not counted as applied';
