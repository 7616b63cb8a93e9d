-- Core tables: regions (GB/T 2260), the enterprise registry (一企一档) and application users.
-- Written once for H2 (MySQL mode), MySQL 8 and MariaDB 10.11. Timestamps are UTC.

CREATE TABLE region (
  code        VARCHAR(12) NOT NULL,
  name        VARCHAR(64) NOT NULL,
  admin_level VARCHAR(16) NOT NULL,
  parent_code VARCHAR(12),
  CONSTRAINT pk_region PRIMARY KEY (code),
  CONSTRAINT fk_region_parent FOREIGN KEY (parent_code) REFERENCES region (code),
  CONSTRAINT ck_region_level CHECK (admin_level IN ('PROVINCE', 'PREFECTURE', 'COUNTY', 'TOWNSHIP'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_region_parent ON region (parent_code);

CREATE TABLE enterprise (
  id                    BIGINT       NOT NULL AUTO_INCREMENT,
  uscc                  CHAR(18)     NOT NULL,
  name                  VARCHAR(200) NOT NULL,
  region_code           VARCHAR(12)  NOT NULL,
  industry_category     VARCHAR(32)  NOT NULL,
  industry_code         VARCHAR(5),
  address               VARCHAR(300),
  longitude             DECIMAL(9, 6),
  latitude              DECIMAL(8, 6),
  employees             INT,
  standardization_level VARCHAR(16),
  legal_representative  VARCHAR(50),
  contact_phone         VARCHAR(30),
  version               INT          NOT NULL,
  created_at            DATETIME(3)  NOT NULL,
  updated_at            DATETIME(3)  NOT NULL,
  CONSTRAINT pk_enterprise PRIMARY KEY (id),
  CONSTRAINT uk_enterprise_uscc UNIQUE (uscc),
  CONSTRAINT fk_enterprise_region FOREIGN KEY (region_code) REFERENCES region (code),
  CONSTRAINT ck_enterprise_standardization CHECK (standardization_level IN ('LEVEL_1', 'LEVEL_2', 'LEVEL_3', 'NONE'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Jurisdiction scoping is a prefix match on region_code (a region and everything below it).
CREATE INDEX ix_enterprise_region ON enterprise (region_code);
CREATE INDEX ix_enterprise_industry ON enterprise (industry_category, region_code);

CREATE TABLE app_user (
  id            BIGINT       NOT NULL AUTO_INCREMENT,
  username      VARCHAR(64)  NOT NULL,
  password_hash VARCHAR(100) NOT NULL,
  role          VARCHAR(16)  NOT NULL,
  region_code   VARCHAR(12),
  uscc          CHAR(18),
  display_name  VARCHAR(64),
  enabled       BOOLEAN      NOT NULL,
  created_at    DATETIME(3)  NOT NULL,
  CONSTRAINT pk_app_user PRIMARY KEY (id),
  CONSTRAINT uk_app_user_username UNIQUE (username),
  CONSTRAINT fk_app_user_region FOREIGN KEY (region_code) REFERENCES region (code),
  CONSTRAINT fk_app_user_enterprise FOREIGN KEY (uscc) REFERENCES enterprise (uscc),
  CONSTRAINT ck_app_user_role CHECK (role IN ('ADMIN', 'REGULATOR', 'INSPECTOR', 'ENTERPRISE'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
