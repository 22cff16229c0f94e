-- Search vectors stay in the table row (STORAGE MAIN: compressed if that helps, moved out of line
-- only when the row would not fit a page) instead of TOAST's separate table from ~2 kB on.
-- A ticket's vector is ~2.5 kB (jieba words + marked characters, with positions): out of line,
-- every `@@` check and every rank fetched it from the TOAST table — a common word's search at
-- 1,000,000 tickets spent most of its time there (s1 `q=空调`: 70 → 36 ms in the database).
-- The heap grows (991 MB + 2.6 GB TOAST → 3.1 GB + 0.7 GB at 1M); queue pages read 20 rows and
-- counts read indexes, so lists do not slow down. Rows written before this keep their TOASTed
-- vectors until their next reindex.
ALTER TABLE "tickets" ALTER COLUMN "search_vector" SET STORAGE MAIN;
