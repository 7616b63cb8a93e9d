-- 统一检查表单 and registry imports: every upload (import_job: the file's SHA-256, the outcome, what an accepted
-- import did (summary, JSON), the problems found and, for a refused
-- file with problems in its cells, the file itself so that its error report can be drawn), and the inspections saved
-- from accepted checklists with a result per item. accepted_sha256 is the file's hash when it was accepted and NULL
-- otherwise: unique per kind and target (the enterprise a path-scoped import writes to, else ''), so the same file is
-- never imported twice into the same place, not even by two requests at the same time. An inspection's content_key is
-- the SHA-256 of what it says (enterprise, checklist, day, inspectors, type, every result): the same checklist saved
-- again by Excel or WPS (new bytes, same content) is the same inspection.

CREATE TABLE import_job (
  id              BIGINT         NOT NULL AUTO_INCREMENT,
  kind            VARCHAR(24)    NOT NULL,
  file_name       VARCHAR(255),
  file_sha256     CHAR(64)       NOT NULL,
  file_size       BIGINT         NOT NULL,
  outcome         VARCHAR(16)    NOT NULL,
  target          VARCHAR(64)    NOT NULL DEFAULT '',
  accepted_sha256 CHAR(64),
  uploaded_by     VARCHAR(64)    NOT NULL,
  uploaded_at     DATETIME(3)    NOT NULL,
  summary         VARCHAR(1000),
  errors          MEDIUMTEXT,
  content         LONGBLOB,
  CONSTRAINT pk_import_job PRIMARY KEY (id),
  CONSTRAINT uq_import_job_accepted UNIQUE (kind, target, accepted_sha256),
  CONSTRAINT ck_import_job_outcome CHECK (outcome IN ('ACCEPTED', 'REJECTED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE inspection (
  id                BIGINT         NOT NULL AUTO_INCREMENT,
  enterprise_id     BIGINT         NOT NULL,
  import_job_id     BIGINT         NOT NULL,
  checklist_code    VARCHAR(32)    NOT NULL,
  checklist_version CHAR(64)       NOT NULL,
  inspected_on      DATE           NOT NULL,
  inspectors        VARCHAR(200)   NOT NULL,
  inspection_type   VARCHAR(24)    NOT NULL,
  uploaded_by       VARCHAR(64)    NOT NULL,
  uploaded_at       DATETIME(3)    NOT NULL,
  content_key       CHAR(64)       NOT NULL,
  passed            INT            NOT NULL,
  failed            INT            NOT NULL,
  not_applicable    INT            NOT NULL,
  CONSTRAINT pk_inspection PRIMARY KEY (id),
  CONSTRAINT uq_inspection_import UNIQUE (import_job_id),
  CONSTRAINT uq_inspection_content UNIQUE (content_key),
  CONSTRAINT fk_inspection_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id),
  CONSTRAINT fk_inspection_import FOREIGN KEY (import_job_id) REFERENCES import_job (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_inspection_enterprise ON inspection (enterprise_id, inspected_on);

CREATE TABLE inspection_result (
  id               BIGINT         NOT NULL AUTO_INCREMENT,
  inspection_id    BIGINT         NOT NULL,
  sheet_row        INT            NOT NULL,
  item_code        VARCHAR(64)    NOT NULL,
  item_text        TEXT           NOT NULL,
  item_major       BOOLEAN        NOT NULL,
  outcome          VARCHAR(16)    NOT NULL,
  problem          TEXT,
  location         VARCHAR(300),
  deadline         DATE,
  hidden_danger_id BIGINT,
  CONSTRAINT pk_inspection_result PRIMARY KEY (id),
  CONSTRAINT uq_inspection_result_item UNIQUE (inspection_id, item_code),
  CONSTRAINT fk_inspection_result_inspection FOREIGN KEY (inspection_id) REFERENCES inspection (id),
  CONSTRAINT fk_inspection_result_danger FOREIGN KEY (hidden_danger_id) REFERENCES hidden_danger (id),
  CONSTRAINT ck_inspection_result_outcome CHECK (outcome IN ('PASS', 'FAIL', 'NOT_APPLICABLE'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
