-- V003: the id_bucket index sized for its keys. V002 indexed id_bucket with QuestDB's default value-block capacity
-- (256 row ids per block), so each of its 65,536 keys took a 2 KiB block in every partition it appeared in, however
-- few rows it held (about 15 a day at a million trades a day): maintaining the index was 33 % of the server's CPU
-- in the bench (BitmapIndexWriter.addValueBlockAndStoreValue, profiled with JFR). 16 row ids per block fits a day's
-- rows of a key in one or two blocks. Dropping and adding again is repeatable (ADD INDEX on an indexed column is a
-- no-op, so the drop is needed); lookups between the two statements scan instead of using the index, still correct.
ALTER TABLE trades ALTER COLUMN id_bucket DROP INDEX;
ALTER TABLE trades ALTER COLUMN id_bucket ADD INDEX CAPACITY 16;
