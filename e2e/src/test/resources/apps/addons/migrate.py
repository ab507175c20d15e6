"""The release phase: makes the counter table, as a migration would, with the release's DATABASE_URL."""
import os

import psycopg2

with psycopg2.connect(os.environ["DATABASE_URL"]) as db, db.cursor() as cur:
    cur.execute("CREATE TABLE IF NOT EXISTS counter (id INT PRIMARY KEY, n INT NOT NULL)")
    cur.execute("INSERT INTO counter VALUES (1, 0) ON CONFLICT DO NOTHING")
print("migrated")
