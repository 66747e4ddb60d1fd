-- Residents' side: shared rate-limit counters, portal submissions (tracking code, idempotency), contact for replies,
-- satisfaction ratings, the outbox of messages to residents, Open311 keys, and public answers on the case.

-- Fixed-window counters shared by every app process (the in-memory limiter of one process would not be).
CREATE TABLE rate_counter (
  bucket text NOT NULL,
  key text NOT NULL,
  window_start timestamptz NOT NULL,
  hits integer NOT NULL,
  PRIMARY KEY (bucket, key, window_start)
);
CREATE INDEX rate_counter_window ON rate_counter (window_start);
