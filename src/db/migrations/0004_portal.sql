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

-- Answers an official marks publishable appear on the portal's public page.
ALTER TABLE cases_case ADD COLUMN publishable boolean NOT NULL DEFAULT false;
ALTER TABLE cases_case ADD COLUMN answered_on date;
-- Folded title and answer only: the public search never reaches the resident's own words.
ALTER TABLE cases_case ADD COLUMN public_key text;
CREATE INDEX cases_case_public ON cases_case (answered_on DESC) WHERE publishable;
CREATE INDEX cases_case_public_search ON cases_case USING gin (public_key gin_trgm_ops) WHERE publishable;

-- A case sent from the portal or through Open311: its tracking code, the retry key, and where it came from.
-- The tracking secret is not stored: it is derived from the case id with the server's master key.
CREATE TABLE portal_submission (
  case_id uuid PRIMARY KEY REFERENCES cases_case (id),
  tracking_code text NOT NULL UNIQUE,
  idempotency_key text UNIQUE,
  request_hash text NOT NULL,
  via text NOT NULL CHECK (via IN ('portal', 'open311')),
  api_key_id uuid,
  device_id text,
  ip text,
  -- Contact for replies (email, phone), encrypted with the master key; never in clear, whatever the kind.
  contact_sealed text,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- The resident's satisfaction after the answer, one per case; the unit's figures read it.
CREATE TABLE portal_rating (
  case_id uuid PRIMARY KEY REFERENCES cases_case (id),
  unit_code text NOT NULL,
  unit_path ltree NOT NULL,
  score integer NOT NULL CHECK (score BETWEEN 1 AND 5),
  comment text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX portal_rating_unit ON portal_rating USING gist (unit_path);

-- Messages to residents (email, SMS, Zalo), written in the transaction of what they announce and sent afterwards,
-- with retries: an acknowledged message is never lost. The recipient is encrypted with the master key.
CREATE TABLE message_outbox (
  id uuid PRIMARY KEY,
  channel text NOT NULL CHECK (channel IN ('email', 'sms', 'zalo')),
  recipient_sealed text NOT NULL,
  subject text NOT NULL,
  body text NOT NULL,
  ref text,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz
);
CREATE INDEX message_outbox_due ON message_outbox (next_attempt_at) WHERE status = 'pending';

-- Keys that tell integrating Open311 apps apart (a submission does not need one).
CREATE TABLE open311_key (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  key_hash text NOT NULL UNIQUE,
  key_hint text NOT NULL,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
