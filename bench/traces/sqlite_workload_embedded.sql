-- The database workload traced for bench/traces/sqlite3-embedded.trace.xz (README.md there):
-- sqlite_workload.sql with an embedded-sized configuration, 1 KiB pages and a 16-page cache,
-- and a tenth of its rows. Deterministic, as that one.
PRAGMA page_size = 1024;
PRAGMA cache_size = 16;
PRAGMA journal_mode = DELETE;
CREATE TABLE customer(id INTEGER PRIMARY KEY, name TEXT NOT NULL, city TEXT, score REAL);
CREATE TABLE item(id INTEGER PRIMARY KEY, title TEXT NOT NULL, price INTEGER, notes TEXT);
CREATE TABLE orders(id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customer(id),
                    item_id INTEGER REFERENCES item(id), qty INTEGER, status TEXT);

-- 500 customers, 200 items with texts of varying length, 2,000 orders.
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500)
INSERT INTO customer SELECT i, 'customer-' || i, 'city-' || (i * 7919 % 97),
                            (i * 104729 % 1000) / 10.0 FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200)
INSERT INTO item SELECT i, 'item ' || i || ' ' || substr(hex(zeroblob(i % 40)), 1, i % 80),
                        (i * 31337 % 10000), substr(hex(zeroblob(400)), 1, i * 13 % 700) FROM n;
COMMIT;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
INSERT INTO orders SELECT i, 1 + i * 7907 % 500, 1 + i * 3571 % 200, 1 + i % 9,
                          CASE i % 4 WHEN 0 THEN 'new' WHEN 1 THEN 'paid' WHEN 2 THEN 'sent'
                          ELSE 'done' END FROM n;
COMMIT;

CREATE INDEX orders_customer ON orders(customer_id);
CREATE INDEX orders_item ON orders(item_id, status);
CREATE INDEX customer_city ON customer(city, score);

-- Joins and aggregates.
SELECT c.city, count(*), sum(o.qty * i.price)
  FROM orders o JOIN customer c ON c.id = o.customer_id JOIN item i ON i.id = o.item_id
 GROUP BY c.city ORDER BY 3 DESC LIMIT 5;
SELECT i.title, count(*) AS n FROM orders o JOIN item i ON i.id = o.item_id
 WHERE o.status = 'paid' GROUP BY i.id ORDER BY n DESC, i.id LIMIT 5;
SELECT c.name, (SELECT count(*) FROM orders o WHERE o.customer_id = c.id) AS n
  FROM customer c WHERE c.city = 'city-5' ORDER BY n DESC, c.id LIMIT 5;
SELECT status, count(*), avg(qty) FROM orders GROUP BY status ORDER BY status;

-- Updates, deletes, more inserts, and a rebuild.
BEGIN;
UPDATE orders SET status = 'done', qty = qty + 1 WHERE id % 3 = 0;
UPDATE item SET notes = notes || notes WHERE id % 5 = 0;
UPDATE customer SET score = score * 1.1 WHERE city IN ('city-1', 'city-2', 'city-3');
COMMIT;
BEGIN;
DELETE FROM orders WHERE status = 'new' AND qty > 4;
DELETE FROM customer WHERE id % 11 = 0 AND id NOT IN (SELECT customer_id FROM orders);
WITH RECURSIVE n(i) AS (SELECT 2001 UNION ALL SELECT i + 1 FROM n WHERE i < 2500)
INSERT INTO orders SELECT i, 1 + i * 7907 % 500, 1 + i * 3571 % 200, 1 + i % 7, 'new' FROM n;
COMMIT;
CREATE TABLE summary AS
  SELECT c.city, i.price / 1000 AS band, count(*) AS n, sum(o.qty) AS qty
    FROM orders o JOIN customer c ON c.id = o.customer_id JOIN item i ON i.id = o.item_id
   GROUP BY 1, 2;
SELECT count(*), sum(n), sum(qty) FROM summary;
DROP INDEX orders_item;
VACUUM;
SELECT count(*) FROM orders;
PRAGMA integrity_check;
