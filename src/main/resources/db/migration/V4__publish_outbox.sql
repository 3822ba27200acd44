-- Versions still to publish to Redis. A row is written in the transaction that makes a version current (its
-- creation, or a supervisor's confirmation), so none is lost to a crash or a Redis outage; the publisher deletes it
-- once Redis holds the version, and records failed attempts meanwhile.
CREATE TABLE publish_outbox (
    isp_id       text        NOT NULL REFERENCES isp (id),
    number       bigint      NOT NULL,
    created_at   timestamptz NOT NULL,
    attempts     integer     NOT NULL DEFAULT 0,
    last_error   text,
    PRIMARY KEY (isp_id, number)
);
