-- 企业安全风险等级: the inputs the seeds name beside risk points and hidden dangers (历史事故, 行政执法, 行政许可,
-- 风险监测, 质量检测), each enterprise's current colour, and the versions of the enterprise rule set (the built-in one,
-- uploaded candidates, the one in force and those retired, kept so that any past grade can be reproduced).

CREATE TABLE accident (
  id                BIGINT         NOT NULL AUTO_INCREMENT,
  enterprise_id     BIGINT         NOT NULL,
  occurred_on       DATE           NOT NULL,
  accident_type     VARCHAR(32)    NOT NULL,
  deaths            INT            NOT NULL,
  serious_injuries  INT            NOT NULL,
  direct_loss_yuan  DECIMAL(16, 2) NOT NULL,
  description       VARCHAR(2000)  NOT NULL,
  recorded_by       VARCHAR(64)    NOT NULL,
  version           INT            NOT NULL,
  created_at        DATETIME(3)    NOT NULL,
  updated_at        DATETIME(3)    NOT NULL,
  CONSTRAINT pk_accident PRIMARY KEY (id),
  CONSTRAINT fk_accident_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id),
  CONSTRAINT ck_accident_counts CHECK (deaths >= 0 AND serious_injuries >= 0 AND direct_loss_yuan >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_accident_enterprise ON accident (enterprise_id, occurred_on);

-- 行政执法: an administrative penalty or order decided against the enterprise.
CREATE TABLE enforcement_action (
  id               BIGINT         NOT NULL AUTO_INCREMENT,
  enterprise_id    BIGINT         NOT NULL,
  decided_on       DATE           NOT NULL,
  kind             VARCHAR(24)    NOT NULL,
  amount_yuan      DECIMAL(16, 2),
  reason           VARCHAR(2000)  NOT NULL,
  document_number  VARCHAR(100),
  recorded_by      VARCHAR(64)    NOT NULL,
  version          INT            NOT NULL,
  created_at       DATETIME(3)    NOT NULL,
  updated_at       DATETIME(3)    NOT NULL,
  CONSTRAINT pk_enforcement_action PRIMARY KEY (id),
  CONSTRAINT fk_enforcement_action_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id),
  CONSTRAINT ck_enforcement_action_kind CHECK (kind IN ('WARNING', 'FINE', 'CONFISCATION', 'SUSPENSION', 'LICENCE_SUSPENSION',
                                                        'LICENCE_REVOCATION', 'CLOSURE', 'DETENTION', 'OTHER')),
  CONSTRAINT ck_enforcement_action_amount CHECK (amount_yuan IS NULL OR amount_yuan >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_enforcement_action_enterprise ON enforcement_action (enterprise_id, decided_on);

-- 行政许可: a licence the enterprise holds; expired is derived from valid_to, never stored.
CREATE TABLE licence (
  id             BIGINT        NOT NULL AUTO_INCREMENT,
  enterprise_id  BIGINT        NOT NULL,
  kind           VARCHAR(32)   NOT NULL,
  number         VARCHAR(100)  NOT NULL,
  issuer         VARCHAR(200),
  valid_from     DATE          NOT NULL,
  valid_to       DATE          NOT NULL,
  recorded_by    VARCHAR(64)   NOT NULL,
  version        INT           NOT NULL,
  created_at     DATETIME(3)   NOT NULL,
  updated_at     DATETIME(3)   NOT NULL,
  CONSTRAINT pk_licence PRIMARY KEY (id),
  CONSTRAINT fk_licence_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id),
  CONSTRAINT uk_licence_number UNIQUE (enterprise_id, kind, number),
  CONSTRAINT ck_licence_kind CHECK (kind IN ('SAFETY_PRODUCTION', 'HAZCHEM_OPERATION', 'HAZCHEM_USE', 'FIREWORKS_OPERATION', 'OTHER')),
  CONSTRAINT ck_licence_validity CHECK (valid_to >= valid_from)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- 风险监测: an alarm of the enterprise's monitoring (gas concentration, level, pressure, …) until it is cleared.
CREATE TABLE monitoring_alarm (
  id             BIGINT        NOT NULL AUTO_INCREMENT,
  enterprise_id  BIGINT        NOT NULL,
  occurred_at    DATETIME(3)   NOT NULL,
  kind           VARCHAR(24)   NOT NULL,
  alarm_level    VARCHAR(8)    NOT NULL,
  description    VARCHAR(1000),
  cleared        BOOLEAN       NOT NULL,
  cleared_at     DATETIME(3),
  clear_note     VARCHAR(1000),
  recorded_by    VARCHAR(64)   NOT NULL,
  version        INT           NOT NULL,
  created_at     DATETIME(3)   NOT NULL,
  updated_at     DATETIME(3)   NOT NULL,
  CONSTRAINT pk_monitoring_alarm PRIMARY KEY (id),
  CONSTRAINT fk_monitoring_alarm_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id),
  CONSTRAINT ck_monitoring_alarm_kind CHECK (kind IN ('GAS_CONCENTRATION', 'LIQUID_LEVEL', 'PRESSURE', 'TEMPERATURE', 'VIDEO_ANALYTICS', 'OTHER')),
  CONSTRAINT ck_monitoring_alarm_level CHECK (alarm_level IN ('LEVEL_1', 'LEVEL_2'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_monitoring_alarm_enterprise ON monitoring_alarm (enterprise_id, occurred_at);

-- 质量检测: a finding of inspection and testing (e.g. a special-equipment periodic inspection overdue or failed).
CREATE TABLE quality_finding (
  id             BIGINT        NOT NULL AUTO_INCREMENT,
  enterprise_id  BIGINT        NOT NULL,
  found_on       DATE          NOT NULL,
  kind           VARCHAR(32)   NOT NULL,
  subject        VARCHAR(200)  NOT NULL,
  description    VARCHAR(1000),
  resolved       BOOLEAN       NOT NULL,
  resolved_on    DATE,
  recorded_by    VARCHAR(64)   NOT NULL,
  version        INT           NOT NULL,
  created_at     DATETIME(3)   NOT NULL,
  updated_at     DATETIME(3)   NOT NULL,
  CONSTRAINT pk_quality_finding PRIMARY KEY (id),
  CONSTRAINT fk_quality_finding_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id),
  CONSTRAINT ck_quality_finding_kind CHECK (kind IN ('SPECIAL_EQUIPMENT_OVERDUE', 'SPECIAL_EQUIPMENT_FAILED', 'SAFETY_ACCESSORY_OVERDUE',
                                                     'SAFETY_ACCESSORY_FAILED', 'PRODUCT_SAMPLING_FAILED', 'OTHER'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_quality_finding_enterprise ON quality_finding (enterprise_id, resolved);

-- Each enterprise's colour in force: the last result of the enterprise rule set (its history is in grade_history).
CREATE TABLE enterprise_grade (
  enterprise_id     BIGINT         NOT NULL,
  grade             VARCHAR(8)     NOT NULL,
  score             DECIMAL(12, 2) NOT NULL,
  rule_set_version  CHAR(64)       NOT NULL,
  result            MEDIUMTEXT     NOT NULL,
  cause             VARCHAR(32)    NOT NULL,
  graded_at         DATETIME(3)    NOT NULL,
  CONSTRAINT pk_enterprise_grade PRIMARY KEY (enterprise_id),
  CONSTRAINT fk_enterprise_grade_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id),
  CONSTRAINT ck_enterprise_grade_grade CHECK (grade IN ('RED', 'ORANGE', 'YELLOW', 'BLUE'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_enterprise_grade_grade ON enterprise_grade (grade, enterprise_id);

-- The versions of a rule set's editable decision table: the built-in one, candidates uploaded by an administrator
-- (with their impact preview), the one in force (one ACTIVE per rule set) and those it replaced.
CREATE TABLE rule_set_release (
  id               BIGINT        NOT NULL AUTO_INCREMENT,
  rule_set         VARCHAR(32)   NOT NULL,
  rule_set_version CHAR(64)      NOT NULL,
  status           VARCHAR(16)   NOT NULL,
  origin           VARCHAR(16)   NOT NULL,
  file_name        VARCHAR(255)  NOT NULL,
  content          LONGBLOB      NOT NULL,
  impact           MEDIUMTEXT,
  uploaded_by      VARCHAR(64)   NOT NULL,
  uploaded_at      DATETIME(3)   NOT NULL,
  activated_by     VARCHAR(64),
  activated_at     DATETIME(3),
  retired_at       DATETIME(3),
  version          INT           NOT NULL,
  CONSTRAINT pk_rule_set_release PRIMARY KEY (id),
  CONSTRAINT uk_rule_set_release_version UNIQUE (rule_set, rule_set_version),
  CONSTRAINT ck_rule_set_release_status CHECK (status IN ('CANDIDATE', 'ACTIVE', 'RETIRED')),
  CONSTRAINT ck_rule_set_release_origin CHECK (origin IN ('BUILT_IN', 'UPLOADED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_rule_set_release_status ON rule_set_release (rule_set, status);

-- Causes of an enterprise's re-grading are longer than those of a risk point's.
ALTER TABLE grade_history MODIFY COLUMN cause VARCHAR(32) NOT NULL;
