-- Parley's schema. One set of migrations for PostgreSQL and H2 (run in MODE=PostgreSQL): standard types only.
-- Times are TIMESTAMP WITH TIME ZONE written by the engine's clock, in UTC. Every list is read newest first within
-- one account, hence the (account_sid, date_created, sid) indexes.

CREATE TABLE accounts (
    sid               VARCHAR(34)  NOT NULL PRIMARY KEY,
    owner_account_sid VARCHAR(34)  REFERENCES accounts (sid),
    friendly_name     VARCHAR(255) NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    type              VARCHAR(8)   NOT NULL,
    auth_token        VARCHAR(64)  NOT NULL,
    date_created      TIMESTAMP WITH TIME ZONE NOT NULL,
    date_updated      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX accounts_by_owner ON accounts (owner_account_sid, date_created, sid);

CREATE TABLE incoming_phone_numbers (
    sid                    VARCHAR(34)   NOT NULL PRIMARY KEY,
    account_sid            VARCHAR(34)   NOT NULL REFERENCES accounts (sid),
    phone_number           VARCHAR(255)  NOT NULL UNIQUE,
    friendly_name          VARCHAR(255)  NOT NULL,
    voice_url              VARCHAR(4096),
    voice_method           VARCHAR(4)    NOT NULL,
    voice_fallback_url     VARCHAR(4096),
    voice_fallback_method  VARCHAR(4)    NOT NULL,
    status_callback        VARCHAR(4096),
    status_callback_method VARCHAR(4)    NOT NULL,
    date_created           TIMESTAMP WITH TIME ZONE NOT NULL,
    date_updated           TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX incoming_phone_numbers_by_account ON incoming_phone_numbers (account_sid, date_created, sid);

-- from/to are SQL keywords: the parties are from_address and to_address. node_id is the Parley node that runs the
-- call (its live calls are ended when that node restarts); status_callback* and callback_sequence let it send the
-- final status callback then.
CREATE TABLE calls (
    sid                    VARCHAR(34)   NOT NULL PRIMARY KEY,
    account_sid            VARCHAR(34)   NOT NULL REFERENCES accounts (sid),
    parent_call_sid        VARCHAR(34),
    from_address           VARCHAR(255)  NOT NULL,
    to_address             VARCHAR(255)  NOT NULL,
    direction              VARCHAR(16)   NOT NULL,
    status                 VARCHAR(16)   NOT NULL,
    phone_number_sid       VARCHAR(34),
    start_time             TIMESTAMP WITH TIME ZONE,
    end_time               TIMESTAMP WITH TIME ZONE,
    duration               BIGINT,
    price                  NUMERIC(12, 5),
    price_unit             VARCHAR(3),
    answered_by            VARCHAR(32),
    caller_name            VARCHAR(255),
    forwarded_from         VARCHAR(255),
    group_sid              VARCHAR(34),
    queue_time_ms          BIGINT,
    trunk_sid              VARCHAR(34),
    status_callback        VARCHAR(4096),
    status_callback_method VARCHAR(4),
    status_callback_event  VARCHAR(255),
    callback_sequence      INTEGER       NOT NULL,
    node_id                VARCHAR(64)   NOT NULL,
    date_created           TIMESTAMP WITH TIME ZONE NOT NULL,
    date_updated           TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX calls_by_account ON calls (account_sid, date_created, sid);
CREATE INDEX calls_by_parent ON calls (parent_call_sid);
CREATE INDEX calls_by_node_and_status ON calls (node_id, status);

-- The audio is in the media store, not here.
CREATE TABLE recordings (
    sid            VARCHAR(34)  NOT NULL PRIMARY KEY,
    account_sid    VARCHAR(34)  NOT NULL REFERENCES accounts (sid),
    call_sid       VARCHAR(34),
    conference_sid VARCHAR(34),
    status         VARCHAR(16)  NOT NULL,
    source         VARCHAR(32)  NOT NULL,
    channels       INTEGER      NOT NULL,
    start_time     TIMESTAMP WITH TIME ZONE NOT NULL,
    duration       BIGINT,
    price          NUMERIC(12, 5),
    price_unit     VARCHAR(3),
    error_code     INTEGER,
    date_created   TIMESTAMP WITH TIME ZONE NOT NULL,
    date_updated   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX recordings_by_account ON recordings (account_sid, date_created, sid);
CREATE INDEX recordings_by_call ON recordings (call_sid);

CREATE TABLE alerts (
    sid               VARCHAR(34)  NOT NULL PRIMARY KEY,
    account_sid       VARCHAR(34)  NOT NULL REFERENCES accounts (sid),
    resource_sid      VARCHAR(34),
    service_sid       VARCHAR(34),
    error_code        INTEGER      NOT NULL,
    log_level         VARCHAR(8)   NOT NULL,
    alert_text        VARCHAR      NOT NULL,
    request_method    VARCHAR(8),
    request_url       VARCHAR(4096),
    request_variables VARCHAR,
    request_headers   VARCHAR,
    response_body     VARCHAR,
    response_headers  VARCHAR,
    date_generated    TIMESTAMP WITH TIME ZONE NOT NULL,
    date_created      TIMESTAMP WITH TIME ZONE NOT NULL,
    date_updated      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX alerts_by_account ON alerts (account_sid, date_created, sid);

-- Callbacks that must not be lost. params and headers are form-encoded (order and repeats kept). A claim sets
-- claimed_by (the node), claim_token and lease_until; the entry is claimable again when the lease ends.
CREATE TABLE webhook_outbox (
    id                BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    account_sid       VARCHAR(34)   NOT NULL REFERENCES accounts (sid),
    call_sid          VARCHAR(34),
    purpose           VARCHAR(255)  NOT NULL,
    method            VARCHAR(4)    NOT NULL,
    url               VARCHAR(4096) NOT NULL,
    params            VARCHAR       NOT NULL,
    headers           VARCHAR       NOT NULL,
    idempotency_token VARCHAR(64)   NOT NULL UNIQUE,
    attempts          INTEGER       NOT NULL,
    next_attempt_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error        VARCHAR,
    claimed_by        VARCHAR(64),
    claim_token       VARCHAR(36),
    lease_until       TIMESTAMP WITH TIME ZONE,
    date_created      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX webhook_outbox_due ON webhook_outbox (next_attempt_at, id);
CREATE INDEX webhook_outbox_by_account ON webhook_outbox (account_sid, id);
CREATE INDEX webhook_outbox_by_claimer ON webhook_outbox (claimed_by);
