-- 安全风险分级管控: an enterprise's risk points (with the national chain risk event → control measure),
-- its production/storage units with their hazardous chemicals (GB 18218-2018), regional geological hazard
-- points, and the history of every stored grade with the rule-set version that produced it.

CREATE TABLE risk_point (
  id                     BIGINT         NOT NULL AUTO_INCREMENT,
  enterprise_id          BIGINT         NOT NULL,
  name                   VARCHAR(200)   NOT NULL,
  location               VARCHAR(300),
  point_type             VARCHAR(16)    NOT NULL,
  analysis_object        VARCHAR(200),
  analysis_unit          VARCHAR(200),
  method                 VARCHAR(8)     NOT NULL,
  l_value                DECIMAL(6, 2),
  e_value                DECIMAL(6, 2),
  c_value                DECIMAL(6, 2),
  s_value                DECIMAL(6, 2),
  direct_flags           VARCHAR(400)   NOT NULL,
  control_level          VARCHAR(16)    NOT NULL,
  responsible_department VARCHAR(100),
  responsible_person     VARCHAR(50),
  grade                  VARCHAR(8)     NOT NULL,
  score                  DECIMAL(12, 4),
  rule_set_version       CHAR(64)       NOT NULL,
  version                INT            NOT NULL,
  created_at             DATETIME(3)    NOT NULL,
  updated_at             DATETIME(3)    NOT NULL,
  CONSTRAINT pk_risk_point PRIMARY KEY (id),
  CONSTRAINT fk_risk_point_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id),
  CONSTRAINT ck_risk_point_type CHECK (point_type IN ('PLACE', 'EQUIPMENT', 'ACTIVITY')),
  CONSTRAINT ck_risk_point_method CHECK (method IN ('LEC', 'LS', 'DIRECT')),
  CONSTRAINT ck_risk_point_grade CHECK (grade IN ('RED', 'ORANGE', 'YELLOW', 'BLUE')),
  CONSTRAINT ck_risk_point_control_level CHECK (control_level IN ('COMPANY', 'DEPARTMENT', 'TEAM', 'POST'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_risk_point_enterprise ON risk_point (enterprise_id, grade);

CREATE TABLE risk_event (
  id            BIGINT       NOT NULL AUTO_INCREMENT,
  risk_point_id BIGINT       NOT NULL,
  position      INT          NOT NULL,
  name          VARCHAR(200) NOT NULL,
  CONSTRAINT pk_risk_event PRIMARY KEY (id),
  CONSTRAINT fk_risk_event_point FOREIGN KEY (risk_point_id) REFERENCES risk_point (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_risk_event_point ON risk_event (risk_point_id, position);

CREATE TABLE control_measure (
  id             BIGINT       NOT NULL AUTO_INCREMENT,
  risk_event_id  BIGINT       NOT NULL,
  position       INT          NOT NULL,
  description    VARCHAR(500) NOT NULL,
  data_source    VARCHAR(16),
  classification VARCHAR(16),
  CONSTRAINT pk_control_measure PRIMARY KEY (id),
  CONSTRAINT fk_control_measure_event FOREIGN KEY (risk_event_id) REFERENCES risk_event (id) ON DELETE CASCADE,
  CONSTRAINT ck_control_measure_source CHECK (data_source IN ('AUTOMATIC', 'INSPECTION')),
  CONSTRAINT ck_control_measure_class CHECK (classification IN ('ENGINEERING', 'MAINTENANCE', 'OPERATION', 'EMERGENCY'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_control_measure_event ON control_measure (risk_event_id, position);

-- A production or storage unit (GB 18218-2018 §3.2) and its identification result.
CREATE TABLE chemical_unit (
  id                  BIGINT         NOT NULL AUTO_INCREMENT,
  enterprise_id       BIGINT         NOT NULL,
  name                VARCHAR(200)   NOT NULL,
  location            VARCHAR(300),
  unit_type           VARCHAR(16)    NOT NULL,
  exposed_people      INT            NOT NULL,
  major_hazard_source BOOLEAN        NOT NULL,
  s_value             DECIMAL(24, 10) NOT NULL,
  r_value             DECIMAL(24, 10) NOT NULL,
  hazard_level        VARCHAR(8),
  grade               VARCHAR(8)     NOT NULL,
  rule_set_version    CHAR(64)       NOT NULL,
  version             INT            NOT NULL,
  created_at          DATETIME(3)    NOT NULL,
  updated_at          DATETIME(3)    NOT NULL,
  CONSTRAINT pk_chemical_unit PRIMARY KEY (id),
  CONSTRAINT fk_chemical_unit_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id),
  CONSTRAINT ck_chemical_unit_type CHECK (unit_type IN ('PRODUCTION', 'STORAGE')),
  CONSTRAINT ck_chemical_unit_level CHECK (hazard_level IN ('LEVEL_1', 'LEVEL_2', 'LEVEL_3', 'LEVEL_4')),
  CONSTRAINT ck_chemical_unit_grade CHECK (grade IN ('RED', 'ORANGE', 'YELLOW', 'BLUE'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_chemical_unit_enterprise ON chemical_unit (enterprise_id, major_hazard_source);

CREATE TABLE chemical_inventory (
  id               BIGINT         NOT NULL AUTO_INCREMENT,
  unit_id          BIGINT         NOT NULL,
  position         INT            NOT NULL,
  name             VARCHAR(200),
  cas              VARCHAR(40),
  hazard_symbols   VARCHAR(100)   NOT NULL,
  quantity_tonnes  DECIMAL(18, 6) NOT NULL,
  CONSTRAINT pk_chemical_inventory PRIMARY KEY (id),
  CONSTRAINT fk_chemical_inventory_unit FOREIGN KEY (unit_id) REFERENCES chemical_unit (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_chemical_inventory_unit ON chemical_inventory (unit_id, position);

-- A regional geological hazard point (地质灾害隐患点), owned by a region and its regulators.
CREATE TABLE hazard_point (
  id                  BIGINT         NOT NULL AUTO_INCREMENT,
  region_code         VARCHAR(12)    NOT NULL,
  name                VARCHAR(200)   NOT NULL,
  hazard_type         VARCHAR(24)    NOT NULL,
  location            VARCHAR(300),
  longitude           DECIMAL(9, 6),
  latitude            DECIMAL(8, 6),
  threatened_people   INT            NOT NULL,
  potential_loss_yuan DECIMAL(16, 2) NOT NULL,
  monitoring_person   VARCHAR(50),
  status              VARCHAR(8)     NOT NULL,
  closure_reason      VARCHAR(16),
  closure_note        VARCHAR(500),
  closed_at           DATETIME(3),
  danger_scale        VARCHAR(8)     NOT NULL,
  grade               VARCHAR(8)     NOT NULL,
  rule_set_version    CHAR(64)       NOT NULL,
  version             INT            NOT NULL,
  created_at          DATETIME(3)    NOT NULL,
  updated_at          DATETIME(3)    NOT NULL,
  CONSTRAINT pk_hazard_point PRIMARY KEY (id),
  CONSTRAINT fk_hazard_point_region FOREIGN KEY (region_code) REFERENCES region (code),
  CONSTRAINT ck_hazard_point_status CHECK (status IN ('ACTIVE', 'CLOSED')),
  CONSTRAINT ck_hazard_point_closure CHECK (closure_reason IN ('RELOCATION', 'ENGINEERING', 'OTHER')),
  CONSTRAINT ck_hazard_point_grade CHECK (grade IN ('RED', 'ORANGE', 'YELLOW', 'BLUE'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_hazard_point_region ON hazard_point (region_code, status);

-- Every stored grade, with what it was computed from and which rule-set version computed it.
CREATE TABLE grade_history (
  id               BIGINT        NOT NULL AUTO_INCREMENT,
  subject_type     VARCHAR(16)   NOT NULL,
  subject_id       BIGINT        NOT NULL,
  rule_set         VARCHAR(32)   NOT NULL,
  rule_set_version CHAR(64)      NOT NULL,
  grade            VARCHAR(8)    NOT NULL,
  score            DECIMAL(24, 10),
  inputs           MEDIUMTEXT    NOT NULL,
  result           MEDIUMTEXT    NOT NULL,
  cause            VARCHAR(16)   NOT NULL,
  graded_by        VARCHAR(64)   NOT NULL,
  graded_at        DATETIME(3)   NOT NULL,
  CONSTRAINT pk_grade_history PRIMARY KEY (id),
  CONSTRAINT ck_grade_history_subject CHECK (subject_type IN ('RISK_POINT', 'CHEMICAL_UNIT', 'HAZARD_POINT', 'ENTERPRISE')),
  CONSTRAINT ck_grade_history_grade CHECK (grade IN ('RED', 'ORANGE', 'YELLOW', 'BLUE'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_grade_history_subject ON grade_history (subject_type, subject_id, graded_at);
