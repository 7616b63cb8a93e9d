-- 隐患排查治理: hidden dangers with their closed loop (整改中 → 待验收 → 已验收/销号), the append-only audit of every
-- transition, deadline extensions (延期), and ShedLock's table for scheduled jobs that must run once across replicas.
-- Overdue is derived from status and deadline in every query; it is never stored. Long texts are TEXT: InnoDB limits a
-- row's inline columns to 65,535 bytes, and utf8mb4 counts four bytes a character.

CREATE TABLE hidden_danger (
  id                     BIGINT         NOT NULL AUTO_INCREMENT,
  enterprise_id          BIGINT         NOT NULL,
  risk_point_id          BIGINT,
  checklist_item_code    VARCHAR(64),
  name                   VARCHAR(200)   NOT NULL,
  description            TEXT,
  location               VARCHAR(300),
  danger_level           VARCHAR(8)     NOT NULL,
  major_clause           VARCHAR(300),
  manage_type            VARCHAR(16)    NOT NULL,
  source                 VARCHAR(24)    NOT NULL,
  danger_type            VARCHAR(16)    NOT NULL,
  classification         VARCHAR(24),
  found_at               DATETIME(3)    NOT NULL,
  reported_by            VARCHAR(64)    NOT NULL,
  deadline               DATE           NOT NULL,
  original_deadline      DATE           NOT NULL,
  responsible_person     VARCHAR(50),
  rectification_measures TEXT,
  cost                   DECIMAL(14, 2),
  status                 VARCHAR(24)    NOT NULL,
  supervision_level      VARCHAR(16),
  plan_goals             TEXT,
  plan_methods           TEXT,
  plan_funding           TEXT,
  plan_organization      TEXT,
  plan_schedule          TEXT,
  plan_safety            TEXT,
  evidence               TEXT,
  accepted_by            VARCHAR(64),
  accepted_at            DATETIME(3),
  acceptance_comment     VARCHAR(1000),
  closed_at              DATETIME(3),
  cancel_reason          VARCHAR(1000),
  rule_set_version       CHAR(64)       NOT NULL,
  version                INT            NOT NULL,
  created_at             DATETIME(3)    NOT NULL,
  updated_at             DATETIME(3)    NOT NULL,
  CONSTRAINT pk_hidden_danger PRIMARY KEY (id),
  CONSTRAINT fk_hidden_danger_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id),
  CONSTRAINT fk_hidden_danger_risk_point FOREIGN KEY (risk_point_id) REFERENCES risk_point (id),
  CONSTRAINT ck_hidden_danger_level CHECK (danger_level IN ('GENERAL', 'MAJOR')),
  CONSTRAINT ck_hidden_danger_manage CHECK (manage_type IN ('IMMEDIATE', 'DEADLINE')),
  CONSTRAINT ck_hidden_danger_status CHECK (status IN ('RECTIFYING', 'PENDING_ACCEPTANCE', 'CLOSED', 'CANCELLED')),
  CONSTRAINT ck_hidden_danger_supervision CHECK (supervision_level IN ('PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The regulator's overdue query walks the enterprises of a region (enterprise.region_code) and, for each, its open
-- dangers by deadline; statistics group the same rows by found date. ix_hidden_danger_open also carries danger_level and
-- closed_at, every column the statistics of a region read, so they read this index alone and never the rows (a county
-- at 10 million dangers: 11 s → 0.1 s, see bench/OverdueBenchmark).
CREATE INDEX ix_hidden_danger_open ON hidden_danger (enterprise_id, status, deadline, danger_level, closed_at);
CREATE INDEX ix_hidden_danger_status_deadline ON hidden_danger (status, deadline);
CREATE INDEX ix_hidden_danger_found ON hidden_danger (found_at);

CREATE TABLE hidden_danger_event (
  id               BIGINT        NOT NULL AUTO_INCREMENT,
  hidden_danger_id BIGINT        NOT NULL,
  event_type       VARCHAR(24)   NOT NULL,
  from_status      VARCHAR(24),
  to_status        VARCHAR(24),
  actor            VARCHAR(64)   NOT NULL,
  note             TEXT,
  occurred_at      DATETIME(3)   NOT NULL,
  CONSTRAINT pk_hidden_danger_event PRIMARY KEY (id),
  CONSTRAINT fk_hidden_danger_event_danger FOREIGN KEY (hidden_danger_id) REFERENCES hidden_danger (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_hidden_danger_event_danger ON hidden_danger_event (hidden_danger_id, event_type);

CREATE TABLE hidden_danger_extension (
  id                 BIGINT        NOT NULL AUTO_INCREMENT,
  hidden_danger_id   BIGINT        NOT NULL,
  previous_deadline  DATE          NOT NULL,
  requested_deadline DATE          NOT NULL,
  reason             VARCHAR(1000) NOT NULL,
  requested_by       VARCHAR(64)   NOT NULL,
  requested_at       DATETIME(3)   NOT NULL,
  status             VARCHAR(16)   NOT NULL,
  decided_by         VARCHAR(64),
  decided_at         DATETIME(3),
  decision_comment   VARCHAR(1000),
  CONSTRAINT pk_hidden_danger_extension PRIMARY KEY (id),
  CONSTRAINT fk_hidden_danger_extension_danger FOREIGN KEY (hidden_danger_id) REFERENCES hidden_danger (id),
  CONSTRAINT ck_hidden_danger_extension_status CHECK (status IN ('PENDING', 'APPROVED', 'REFUSED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_hidden_danger_extension_danger ON hidden_danger_extension (hidden_danger_id, status);

-- ShedLock (JDBC provider): one row per scheduled job.
CREATE TABLE shedlock (
  name       VARCHAR(64)  NOT NULL,
  lock_until TIMESTAMP(3) NOT NULL,
  locked_at  TIMESTAMP(3) NOT NULL,
  locked_by  VARCHAR(255) NOT NULL,
  CONSTRAINT pk_shedlock PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
