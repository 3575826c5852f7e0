-- PrivacyDesk's Magento 2.4 + Amazon Pay schema for SQLite (demo database, fast tests): the same tables,
-- columns, nullability, defaults, primary keys, unique keys, indexes and foreign keys as schema/mysql.sql
-- (tests/sources/magento/test_schema.py parses both files and compares them).
--
-- Translation rules:
-- * AUTO_INCREMENT primary keys become INTEGER PRIMARY KEY AUTOINCREMENT (ids are never reused, as in InnoDB).
-- * Integer display widths and UNSIGNED have no SQLite equivalent and are dropped.
-- * Text columns get COLLATE NOCASE: Magento's tables use utf8mb4_general_ci, so MariaDB compares e-mails and
--   names case-insensitively; NOCASE gives SQLite the same behaviour for ASCII (general_ci also ignores
--   trailing spaces, NOCASE does not).
-- * Index names are global in SQLite and table-local in MySQL; Magento's names are unique anyway, so they are kept.
-- * Foreign keys are declared inline (SQLite cannot add them later). They only act with PRAGMA foreign_keys=ON,
--   which Django's SQLite backend sets on every connection; erasure relies on the ON DELETE CASCADE / SET NULL rules.
-- * FULLTEXT indexes (the grids' search indexes) have no SQLite equivalent and are left out.
-- * ON UPDATE CURRENT_TIMESTAMP becomes an AFTER UPDATE trigger that stamps the column when the UPDATE did
--   not set it itself.

CREATE TABLE "amazon_customer" (
  "entity_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "customer_id" int NOT NULL,
  "amazon_id" varchar(255) NOT NULL COLLATE NOCASE,
  CONSTRAINT "AMAZON_CUSTOMER_CUSTOMER_ID_CUSTOMER_ENTITY_ENTITY_ID" FOREIGN KEY ("customer_id") REFERENCES "customer_entity" ("entity_id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "AMAZON_CUSTOMER_CUSTOMER_ID_AMAZON_ID" ON "amazon_customer" ("customer_id", "amazon_id");
CREATE UNIQUE INDEX "AMAZON_CUSTOMER_CUSTOMER_ID" ON "amazon_customer" ("customer_id");

CREATE TABLE "amazon_payv2_async" (
  "entity_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "order_id" int NULL,
  "is_pending" tinyint NOT NULL DEFAULT 1,
  "pending_action" varchar(20) NOT NULL COLLATE NOCASE,
  "pending_id" varchar(50) NULL COLLATE NOCASE,
  "created_at" datetime NULL,
  "updated_at" datetime NULL
);
CREATE INDEX "AMAZON_PAYV2_ASYNC_IS_PENDING" ON "amazon_payv2_async" ("is_pending");
CREATE INDEX "AMAZON_PAYV2_ASYNC_CUSTOMER_ID_AMAZON_ID" ON "amazon_payv2_async" ("is_pending");

CREATE TABLE "captcha_log" (
  "type" varchar(32) NOT NULL COLLATE NOCASE,
  "value" varchar(32) NOT NULL COLLATE NOCASE,
  "count" int NOT NULL DEFAULT 0,
  "updated_at" timestamp NULL,
  PRIMARY KEY ("type", "value")
);

CREATE TABLE "catalog_product_entity" (
  "entity_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "attribute_set_id" smallint NOT NULL DEFAULT 0,
  "type_id" varchar(32) NOT NULL DEFAULT 'simple' COLLATE NOCASE,
  "sku" varchar(64) NOT NULL COLLATE NOCASE,
  "has_options" smallint NOT NULL DEFAULT 0,
  "required_options" smallint NOT NULL DEFAULT 0,
  "created_at" timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX "CATALOG_PRODUCT_ENTITY_ATTRIBUTE_SET_ID" ON "catalog_product_entity" ("attribute_set_id");
CREATE INDEX "CATALOG_PRODUCT_ENTITY_SKU" ON "catalog_product_entity" ("sku");
CREATE TRIGGER "catalog_product_entity_updated_at_on_update" AFTER UPDATE ON "catalog_product_entity" FOR EACH ROW
WHEN NEW."updated_at" IS OLD."updated_at"
BEGIN
  UPDATE "catalog_product_entity" SET "updated_at" = CURRENT_TIMESTAMP WHERE rowid = NEW.rowid;
END;

CREATE TABLE "customer_address_entity" (
  "entity_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "increment_id" varchar(50) NULL COLLATE NOCASE,
  "parent_id" int NULL,
  "created_at" timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "is_active" smallint NOT NULL DEFAULT 1,
  "city" varchar(255) NOT NULL COLLATE NOCASE,
  "company" varchar(255) NULL COLLATE NOCASE,
  "country_id" varchar(255) NOT NULL COLLATE NOCASE,
  "fax" varchar(255) NULL COLLATE NOCASE,
  "firstname" varchar(255) NOT NULL COLLATE NOCASE,
  "lastname" varchar(255) NOT NULL COLLATE NOCASE,
  "middlename" varchar(255) NULL COLLATE NOCASE,
  "postcode" varchar(255) NULL COLLATE NOCASE,
  "prefix" varchar(40) NULL COLLATE NOCASE,
  "region" varchar(255) NULL COLLATE NOCASE,
  "region_id" int NULL,
  "street" text NOT NULL COLLATE NOCASE,
  "suffix" varchar(40) NULL COLLATE NOCASE,
  "telephone" varchar(255) NOT NULL COLLATE NOCASE,
  "vat_id" varchar(255) NULL COLLATE NOCASE,
  "vat_is_valid" int NULL,
  "vat_request_date" varchar(255) NULL COLLATE NOCASE,
  "vat_request_id" varchar(255) NULL COLLATE NOCASE,
  "vat_request_success" int NULL,
  CONSTRAINT "CUSTOMER_ADDRESS_ENTITY_PARENT_ID_CUSTOMER_ENTITY_ENTITY_ID" FOREIGN KEY ("parent_id") REFERENCES "customer_entity" ("entity_id") ON DELETE CASCADE
);
CREATE INDEX "CUSTOMER_ADDRESS_ENTITY_PARENT_ID" ON "customer_address_entity" ("parent_id");
CREATE TRIGGER "customer_address_entity_updated_at_on_update" AFTER UPDATE ON "customer_address_entity" FOR EACH ROW
WHEN NEW."updated_at" IS OLD."updated_at"
BEGIN
  UPDATE "customer_address_entity" SET "updated_at" = CURRENT_TIMESTAMP WHERE rowid = NEW.rowid;
END;

CREATE TABLE "customer_address_entity_datetime" (
  "value_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "attribute_id" smallint NOT NULL DEFAULT 0,
  "entity_id" int NOT NULL DEFAULT 0,
  "value" datetime NULL,
  CONSTRAINT "CSTR_ADDR_ENTT_DTIME_ATTR_ID_EAV_ATTR_ATTR_ID" FOREIGN KEY ("attribute_id") REFERENCES "eav_attribute" ("attribute_id") ON DELETE CASCADE,
  CONSTRAINT "CSTR_ADDR_ENTT_DTIME_ENTT_ID_CSTR_ADDR_ENTT_ENTT_ID" FOREIGN KEY ("entity_id") REFERENCES "customer_address_entity" ("entity_id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "CUSTOMER_ADDRESS_ENTITY_DATETIME_ENTITY_ID_ATTRIBUTE_ID" ON "customer_address_entity_datetime" ("entity_id", "attribute_id");
CREATE INDEX "CUSTOMER_ADDRESS_ENTITY_DATETIME_ATTRIBUTE_ID" ON "customer_address_entity_datetime" ("attribute_id");
CREATE INDEX "CUSTOMER_ADDRESS_ENTITY_DATETIME_ENTITY_ID_ATTRIBUTE_ID_VALUE" ON "customer_address_entity_datetime" ("entity_id", "attribute_id", "value");

CREATE TABLE "customer_address_entity_decimal" (
  "value_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "attribute_id" smallint NOT NULL DEFAULT 0,
  "entity_id" int NOT NULL DEFAULT 0,
  "value" decimal(12,4) NOT NULL DEFAULT 0,
  CONSTRAINT "CSTR_ADDR_ENTT_DEC_ATTR_ID_EAV_ATTR_ATTR_ID" FOREIGN KEY ("attribute_id") REFERENCES "eav_attribute" ("attribute_id") ON DELETE CASCADE,
  CONSTRAINT "CSTR_ADDR_ENTT_DEC_ENTT_ID_CSTR_ADDR_ENTT_ENTT_ID" FOREIGN KEY ("entity_id") REFERENCES "customer_address_entity" ("entity_id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "CUSTOMER_ADDRESS_ENTITY_DECIMAL_ENTITY_ID_ATTRIBUTE_ID" ON "customer_address_entity_decimal" ("entity_id", "attribute_id");
CREATE INDEX "CUSTOMER_ADDRESS_ENTITY_DECIMAL_ATTRIBUTE_ID" ON "customer_address_entity_decimal" ("attribute_id");
CREATE INDEX "CUSTOMER_ADDRESS_ENTITY_DECIMAL_ENTITY_ID_ATTRIBUTE_ID_VALUE" ON "customer_address_entity_decimal" ("entity_id", "attribute_id", "value");

CREATE TABLE "customer_address_entity_int" (
  "value_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "attribute_id" smallint NOT NULL DEFAULT 0,
  "entity_id" int NOT NULL DEFAULT 0,
  "value" int NOT NULL DEFAULT 0,
  CONSTRAINT "CSTR_ADDR_ENTT_INT_ATTR_ID_EAV_ATTR_ATTR_ID" FOREIGN KEY ("attribute_id") REFERENCES "eav_attribute" ("attribute_id") ON DELETE CASCADE,
  CONSTRAINT "CSTR_ADDR_ENTT_INT_ENTT_ID_CSTR_ADDR_ENTT_ENTT_ID" FOREIGN KEY ("entity_id") REFERENCES "customer_address_entity" ("entity_id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "CUSTOMER_ADDRESS_ENTITY_INT_ENTITY_ID_ATTRIBUTE_ID" ON "customer_address_entity_int" ("entity_id", "attribute_id");
CREATE INDEX "CUSTOMER_ADDRESS_ENTITY_INT_ATTRIBUTE_ID" ON "customer_address_entity_int" ("attribute_id");
CREATE INDEX "CUSTOMER_ADDRESS_ENTITY_INT_ENTITY_ID_ATTRIBUTE_ID_VALUE" ON "customer_address_entity_int" ("entity_id", "attribute_id", "value");

CREATE TABLE "customer_address_entity_text" (
  "value_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "attribute_id" smallint NOT NULL DEFAULT 0,
  "entity_id" int NOT NULL DEFAULT 0,
  "value" text NOT NULL COLLATE NOCASE,
  CONSTRAINT "CSTR_ADDR_ENTT_TEXT_ATTR_ID_EAV_ATTR_ATTR_ID" FOREIGN KEY ("attribute_id") REFERENCES "eav_attribute" ("attribute_id") ON DELETE CASCADE,
  CONSTRAINT "CSTR_ADDR_ENTT_TEXT_ENTT_ID_CSTR_ADDR_ENTT_ENTT_ID" FOREIGN KEY ("entity_id") REFERENCES "customer_address_entity" ("entity_id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "CUSTOMER_ADDRESS_ENTITY_TEXT_ENTITY_ID_ATTRIBUTE_ID" ON "customer_address_entity_text" ("entity_id", "attribute_id");
CREATE INDEX "CUSTOMER_ADDRESS_ENTITY_TEXT_ATTRIBUTE_ID" ON "customer_address_entity_text" ("attribute_id");

CREATE TABLE "customer_address_entity_varchar" (
  "value_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "attribute_id" smallint NOT NULL DEFAULT 0,
  "entity_id" int NOT NULL DEFAULT 0,
  "value" varchar(255) NULL COLLATE NOCASE,
  CONSTRAINT "CSTR_ADDR_ENTT_VCHR_ATTR_ID_EAV_ATTR_ATTR_ID" FOREIGN KEY ("attribute_id") REFERENCES "eav_attribute" ("attribute_id") ON DELETE CASCADE,
  CONSTRAINT "CSTR_ADDR_ENTT_VCHR_ENTT_ID_CSTR_ADDR_ENTT_ENTT_ID" FOREIGN KEY ("entity_id") REFERENCES "customer_address_entity" ("entity_id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "CUSTOMER_ADDRESS_ENTITY_VARCHAR_ENTITY_ID_ATTRIBUTE_ID" ON "customer_address_entity_varchar" ("entity_id", "attribute_id");
CREATE INDEX "CUSTOMER_ADDRESS_ENTITY_VARCHAR_ATTRIBUTE_ID" ON "customer_address_entity_varchar" ("attribute_id");
CREATE INDEX "CUSTOMER_ADDRESS_ENTITY_VARCHAR_ENTITY_ID_ATTRIBUTE_ID_VALUE" ON "customer_address_entity_varchar" ("entity_id", "attribute_id", "value");

CREATE TABLE "customer_entity" (
  "entity_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "website_id" smallint NULL,
  "email" varchar(255) NULL COLLATE NOCASE,
  "group_id" smallint NOT NULL DEFAULT 0,
  "increment_id" varchar(50) NULL COLLATE NOCASE,
  "store_id" smallint NULL DEFAULT 0,
  "created_at" timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "is_active" smallint NOT NULL DEFAULT 1,
  "disable_auto_group_change" smallint NOT NULL DEFAULT 0,
  "created_in" varchar(255) NULL COLLATE NOCASE,
  "prefix" varchar(40) NULL COLLATE NOCASE,
  "firstname" varchar(255) NULL COLLATE NOCASE,
  "middlename" varchar(255) NULL COLLATE NOCASE,
  "lastname" varchar(255) NULL COLLATE NOCASE,
  "suffix" varchar(40) NULL COLLATE NOCASE,
  "dob" date NULL,
  "password_hash" varchar(128) NULL COLLATE NOCASE,
  "rp_token" varchar(128) NULL COLLATE NOCASE,
  "rp_token_created_at" datetime NULL,
  "default_billing" int NULL,
  "default_shipping" int NULL,
  "taxvat" varchar(50) NULL COLLATE NOCASE,
  "confirmation" varchar(64) NULL COLLATE NOCASE,
  "gender" smallint NULL,
  "failures_num" smallint NULL DEFAULT 0,
  "first_failure" timestamp NULL,
  "lock_expires" timestamp NULL,
  "session_cutoff" timestamp NULL,
  CONSTRAINT "CUSTOMER_ENTITY_STORE_ID_STORE_STORE_ID" FOREIGN KEY ("store_id") REFERENCES "store" ("store_id") ON DELETE SET NULL,
  CONSTRAINT "CUSTOMER_ENTITY_WEBSITE_ID_STORE_WEBSITE_WEBSITE_ID" FOREIGN KEY ("website_id") REFERENCES "store_website" ("website_id") ON DELETE SET NULL
);
CREATE UNIQUE INDEX "CUSTOMER_ENTITY_EMAIL_WEBSITE_ID" ON "customer_entity" ("email", "website_id");
CREATE INDEX "CUSTOMER_ENTITY_STORE_ID" ON "customer_entity" ("store_id");
CREATE INDEX "CUSTOMER_ENTITY_WEBSITE_ID" ON "customer_entity" ("website_id");
CREATE INDEX "CUSTOMER_ENTITY_FIRSTNAME" ON "customer_entity" ("firstname");
CREATE INDEX "CUSTOMER_ENTITY_LASTNAME" ON "customer_entity" ("lastname");
CREATE TRIGGER "customer_entity_updated_at_on_update" AFTER UPDATE ON "customer_entity" FOR EACH ROW
WHEN NEW."updated_at" IS OLD."updated_at"
BEGIN
  UPDATE "customer_entity" SET "updated_at" = CURRENT_TIMESTAMP WHERE rowid = NEW.rowid;
END;

CREATE TABLE "customer_entity_datetime" (
  "value_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "attribute_id" smallint NOT NULL DEFAULT 0,
  "entity_id" int NOT NULL DEFAULT 0,
  "value" datetime NULL,
  CONSTRAINT "CUSTOMER_ENTITY_DATETIME_ATTRIBUTE_ID_EAV_ATTRIBUTE_ATTRIBUTE_ID" FOREIGN KEY ("attribute_id") REFERENCES "eav_attribute" ("attribute_id") ON DELETE CASCADE,
  CONSTRAINT "CUSTOMER_ENTITY_DATETIME_ENTITY_ID_CUSTOMER_ENTITY_ENTITY_ID" FOREIGN KEY ("entity_id") REFERENCES "customer_entity" ("entity_id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "CUSTOMER_ENTITY_DATETIME_ENTITY_ID_ATTRIBUTE_ID" ON "customer_entity_datetime" ("entity_id", "attribute_id");
CREATE INDEX "CUSTOMER_ENTITY_DATETIME_ATTRIBUTE_ID" ON "customer_entity_datetime" ("attribute_id");
CREATE INDEX "CUSTOMER_ENTITY_DATETIME_ENTITY_ID_ATTRIBUTE_ID_VALUE" ON "customer_entity_datetime" ("entity_id", "attribute_id", "value");

CREATE TABLE "customer_entity_decimal" (
  "value_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "attribute_id" smallint NOT NULL DEFAULT 0,
  "entity_id" int NOT NULL DEFAULT 0,
  "value" decimal(12,4) NOT NULL DEFAULT 0,
  CONSTRAINT "CUSTOMER_ENTITY_DECIMAL_ATTRIBUTE_ID_EAV_ATTRIBUTE_ATTRIBUTE_ID" FOREIGN KEY ("attribute_id") REFERENCES "eav_attribute" ("attribute_id") ON DELETE CASCADE,
  CONSTRAINT "CUSTOMER_ENTITY_DECIMAL_ENTITY_ID_CUSTOMER_ENTITY_ENTITY_ID" FOREIGN KEY ("entity_id") REFERENCES "customer_entity" ("entity_id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "CUSTOMER_ENTITY_DECIMAL_ENTITY_ID_ATTRIBUTE_ID" ON "customer_entity_decimal" ("entity_id", "attribute_id");
CREATE INDEX "CUSTOMER_ENTITY_DECIMAL_ATTRIBUTE_ID" ON "customer_entity_decimal" ("attribute_id");
CREATE INDEX "CUSTOMER_ENTITY_DECIMAL_ENTITY_ID_ATTRIBUTE_ID_VALUE" ON "customer_entity_decimal" ("entity_id", "attribute_id", "value");

CREATE TABLE "customer_entity_int" (
  "value_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "attribute_id" smallint NOT NULL DEFAULT 0,
  "entity_id" int NOT NULL DEFAULT 0,
  "value" int NOT NULL DEFAULT 0,
  CONSTRAINT "CUSTOMER_ENTITY_INT_ATTRIBUTE_ID_EAV_ATTRIBUTE_ATTRIBUTE_ID" FOREIGN KEY ("attribute_id") REFERENCES "eav_attribute" ("attribute_id") ON DELETE CASCADE,
  CONSTRAINT "CUSTOMER_ENTITY_INT_ENTITY_ID_CUSTOMER_ENTITY_ENTITY_ID" FOREIGN KEY ("entity_id") REFERENCES "customer_entity" ("entity_id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "CUSTOMER_ENTITY_INT_ENTITY_ID_ATTRIBUTE_ID" ON "customer_entity_int" ("entity_id", "attribute_id");
CREATE INDEX "CUSTOMER_ENTITY_INT_ATTRIBUTE_ID" ON "customer_entity_int" ("attribute_id");
CREATE INDEX "CUSTOMER_ENTITY_INT_ENTITY_ID_ATTRIBUTE_ID_VALUE" ON "customer_entity_int" ("entity_id", "attribute_id", "value");

CREATE TABLE "customer_entity_text" (
  "value_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "attribute_id" smallint NOT NULL DEFAULT 0,
  "entity_id" int NOT NULL DEFAULT 0,
  "value" text NOT NULL COLLATE NOCASE,
  CONSTRAINT "CUSTOMER_ENTITY_TEXT_ATTRIBUTE_ID_EAV_ATTRIBUTE_ATTRIBUTE_ID" FOREIGN KEY ("attribute_id") REFERENCES "eav_attribute" ("attribute_id") ON DELETE CASCADE,
  CONSTRAINT "CUSTOMER_ENTITY_TEXT_ENTITY_ID_CUSTOMER_ENTITY_ENTITY_ID" FOREIGN KEY ("entity_id") REFERENCES "customer_entity" ("entity_id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "CUSTOMER_ENTITY_TEXT_ENTITY_ID_ATTRIBUTE_ID" ON "customer_entity_text" ("entity_id", "attribute_id");
CREATE INDEX "CUSTOMER_ENTITY_TEXT_ATTRIBUTE_ID" ON "customer_entity_text" ("attribute_id");

CREATE TABLE "customer_entity_varchar" (
  "value_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "attribute_id" smallint NOT NULL DEFAULT 0,
  "entity_id" int NOT NULL DEFAULT 0,
  "value" varchar(255) NULL COLLATE NOCASE,
  CONSTRAINT "CUSTOMER_ENTITY_VARCHAR_ATTRIBUTE_ID_EAV_ATTRIBUTE_ATTRIBUTE_ID" FOREIGN KEY ("attribute_id") REFERENCES "eav_attribute" ("attribute_id") ON DELETE CASCADE,
  CONSTRAINT "CUSTOMER_ENTITY_VARCHAR_ENTITY_ID_CUSTOMER_ENTITY_ENTITY_ID" FOREIGN KEY ("entity_id") REFERENCES "customer_entity" ("entity_id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "CUSTOMER_ENTITY_VARCHAR_ENTITY_ID_ATTRIBUTE_ID" ON "customer_entity_varchar" ("entity_id", "attribute_id");
CREATE INDEX "CUSTOMER_ENTITY_VARCHAR_ATTRIBUTE_ID" ON "customer_entity_varchar" ("attribute_id");
CREATE INDEX "CUSTOMER_ENTITY_VARCHAR_ENTITY_ID_ATTRIBUTE_ID_VALUE" ON "customer_entity_varchar" ("entity_id", "attribute_id", "value");

CREATE TABLE "customer_grid_flat" (
  "entity_id" int NOT NULL,
  "name" text NULL COLLATE NOCASE,
  "email" varchar(255) NULL COLLATE NOCASE,
  "group_id" int NULL,
  "created_at" timestamp NULL,
  "website_id" int NULL,
  "confirmation" varchar(255) NULL COLLATE NOCASE,
  "created_in" text NULL COLLATE NOCASE,
  "dob" date NULL,
  "gender" int NULL,
  "taxvat" varchar(255) NULL COLLATE NOCASE,
  "lock_expires" timestamp NULL,
  "shipping_full" text NULL COLLATE NOCASE,
  "billing_full" text NULL COLLATE NOCASE,
  "billing_firstname" varchar(255) NULL COLLATE NOCASE,
  "billing_lastname" varchar(255) NULL COLLATE NOCASE,
  "billing_telephone" varchar(255) NULL COLLATE NOCASE,
  "billing_postcode" varchar(255) NULL COLLATE NOCASE,
  "billing_country_id" varchar(255) NULL COLLATE NOCASE,
  "billing_region" varchar(255) NULL COLLATE NOCASE,
  "billing_region_id" int NULL,
  "billing_street" varchar(255) NULL COLLATE NOCASE,
  "billing_city" varchar(255) NULL COLLATE NOCASE,
  "billing_fax" varchar(255) NULL COLLATE NOCASE,
  "billing_vat_id" varchar(255) NULL COLLATE NOCASE,
  "billing_company" varchar(255) NULL COLLATE NOCASE,
  PRIMARY KEY ("entity_id")
);
CREATE INDEX "CUSTOMER_GRID_FLAT_GROUP_ID" ON "customer_grid_flat" ("group_id");
CREATE INDEX "CUSTOMER_GRID_FLAT_CREATED_AT" ON "customer_grid_flat" ("created_at");
CREATE INDEX "CUSTOMER_GRID_FLAT_WEBSITE_ID" ON "customer_grid_flat" ("website_id");
CREATE INDEX "CUSTOMER_GRID_FLAT_CONFIRMATION" ON "customer_grid_flat" ("confirmation");
CREATE INDEX "CUSTOMER_GRID_FLAT_DOB" ON "customer_grid_flat" ("dob");
CREATE INDEX "CUSTOMER_GRID_FLAT_GENDER" ON "customer_grid_flat" ("gender");
CREATE INDEX "CUSTOMER_GRID_FLAT_LOCK_EXPIRES" ON "customer_grid_flat" ("lock_expires");
CREATE INDEX "CUSTOMER_GRID_FLAT_BILLING_COUNTRY_ID" ON "customer_grid_flat" ("billing_country_id");

CREATE TABLE "customer_log" (
  "log_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "customer_id" int NOT NULL,
  "last_login_at" timestamp NULL,
  "last_logout_at" timestamp NULL
);
CREATE UNIQUE INDEX "CUSTOMER_LOG_CUSTOMER_ID" ON "customer_log" ("customer_id");

CREATE TABLE "customer_visitor" (
  "visitor_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "customer_id" int NULL,
  "session_id" varchar(1) NULL COLLATE NOCASE,
  "created_at" timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "last_visit_at" timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX "CUSTOMER_VISITOR_CUSTOMER_ID" ON "customer_visitor" ("customer_id");
CREATE INDEX "CUSTOMER_VISITOR_LAST_VISIT_AT" ON "customer_visitor" ("last_visit_at");
CREATE TRIGGER "customer_visitor_last_visit_at_on_update" AFTER UPDATE ON "customer_visitor" FOR EACH ROW
WHEN NEW."last_visit_at" IS OLD."last_visit_at"
BEGIN
  UPDATE "customer_visitor" SET "last_visit_at" = CURRENT_TIMESTAMP WHERE rowid = NEW.rowid;
END;

CREATE TABLE "downloadable_link_purchased" (
  "purchased_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "order_id" int NULL DEFAULT 0,
  "order_increment_id" varchar(50) NULL COLLATE NOCASE,
  "order_item_id" int NOT NULL DEFAULT 0,
  "created_at" timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "customer_id" int NULL DEFAULT 0,
  "product_name" varchar(255) NULL COLLATE NOCASE,
  "product_sku" varchar(255) NULL COLLATE NOCASE,
  "link_section_title" varchar(255) NULL COLLATE NOCASE,
  CONSTRAINT "DL_LNK_PURCHASED_CSTR_ID_CSTR_ENTT_ENTT_ID" FOREIGN KEY ("customer_id") REFERENCES "customer_entity" ("entity_id") ON DELETE SET NULL,
  CONSTRAINT "DOWNLOADABLE_LINK_PURCHASED_ORDER_ID_SALES_ORDER_ENTITY_ID" FOREIGN KEY ("order_id") REFERENCES "sales_order" ("entity_id") ON DELETE SET NULL
);
CREATE INDEX "DOWNLOADABLE_LINK_PURCHASED_ORDER_ID" ON "downloadable_link_purchased" ("order_id");
CREATE INDEX "DOWNLOADABLE_LINK_PURCHASED_ORDER_ITEM_ID" ON "downloadable_link_purchased" ("order_item_id");
CREATE INDEX "DOWNLOADABLE_LINK_PURCHASED_CUSTOMER_ID" ON "downloadable_link_purchased" ("customer_id");
CREATE TRIGGER "downloadable_link_purchased_updated_at_on_update" AFTER UPDATE ON "downloadable_link_purchased" FOR EACH ROW
WHEN NEW."updated_at" IS OLD."updated_at"
BEGIN
  UPDATE "downloadable_link_purchased" SET "updated_at" = CURRENT_TIMESTAMP WHERE rowid = NEW.rowid;
END;

CREATE TABLE "downloadable_link_purchased_item" (
  "item_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "purchased_id" int NOT NULL DEFAULT 0,
  "order_item_id" int NULL DEFAULT 0,
  "product_id" int NULL DEFAULT 0,
  "link_hash" varchar(255) NULL COLLATE NOCASE,
  "number_of_downloads_bought" int NOT NULL DEFAULT 0,
  "number_of_downloads_used" int NOT NULL DEFAULT 0,
  "link_id" int NOT NULL DEFAULT 0,
  "link_title" varchar(255) NULL COLLATE NOCASE,
  "is_shareable" smallint NOT NULL DEFAULT 0,
  "link_url" varchar(255) NULL COLLATE NOCASE,
  "link_file" varchar(255) NULL COLLATE NOCASE,
  "link_type" varchar(255) NULL COLLATE NOCASE,
  "status" varchar(50) NULL COLLATE NOCASE,
  "created_at" timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "DL_LNK_PURCHASED_ITEM_ORDER_ITEM_ID_SALES_ORDER_ITEM_ITEM_ID" FOREIGN KEY ("order_item_id") REFERENCES "sales_order_item" ("item_id") ON DELETE SET NULL,
  CONSTRAINT "DL_LNK_PURCHASED_ITEM_PURCHASED_ID_DL_LNK_PURCHASED_PURCHASED_ID" FOREIGN KEY ("purchased_id") REFERENCES "downloadable_link_purchased" ("purchased_id") ON DELETE CASCADE
);
CREATE INDEX "DOWNLOADABLE_LINK_PURCHASED_ITEM_LINK_HASH" ON "downloadable_link_purchased_item" ("link_hash");
CREATE INDEX "DOWNLOADABLE_LINK_PURCHASED_ITEM_ORDER_ITEM_ID" ON "downloadable_link_purchased_item" ("order_item_id");
CREATE INDEX "DOWNLOADABLE_LINK_PURCHASED_ITEM_PURCHASED_ID" ON "downloadable_link_purchased_item" ("purchased_id");
CREATE TRIGGER "downloadable_link_purchased_item_updated_at_on_update" AFTER UPDATE ON "downloadable_link_purchased_item" FOR EACH ROW
WHEN NEW."updated_at" IS OLD."updated_at"
BEGIN
  UPDATE "downloadable_link_purchased_item" SET "updated_at" = CURRENT_TIMESTAMP WHERE rowid = NEW.rowid;
END;

CREATE TABLE "eav_attribute" (
  "attribute_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "entity_type_id" smallint NOT NULL DEFAULT 0,
  "attribute_code" varchar(255) NOT NULL COLLATE NOCASE,
  "attribute_model" varchar(255) NULL COLLATE NOCASE,
  "backend_model" varchar(255) NULL COLLATE NOCASE,
  "backend_type" varchar(8) NOT NULL DEFAULT 'static' COLLATE NOCASE,
  "backend_table" varchar(255) NULL COLLATE NOCASE,
  "frontend_model" varchar(255) NULL COLLATE NOCASE,
  "frontend_input" varchar(50) NULL COLLATE NOCASE,
  "frontend_label" varchar(255) NULL COLLATE NOCASE,
  "frontend_class" varchar(255) NULL COLLATE NOCASE,
  "source_model" varchar(255) NULL COLLATE NOCASE,
  "is_required" smallint NOT NULL DEFAULT 0,
  "is_user_defined" smallint NOT NULL DEFAULT 0,
  "default_value" text NULL COLLATE NOCASE,
  "is_unique" smallint NOT NULL DEFAULT 0,
  "note" varchar(255) NULL COLLATE NOCASE,
  CONSTRAINT "EAV_ATTRIBUTE_ENTITY_TYPE_ID_EAV_ENTITY_TYPE_ENTITY_TYPE_ID" FOREIGN KEY ("entity_type_id") REFERENCES "eav_entity_type" ("entity_type_id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "EAV_ATTRIBUTE_ENTITY_TYPE_ID_ATTRIBUTE_CODE" ON "eav_attribute" ("entity_type_id", "attribute_code");
CREATE INDEX "EAV_ATTRIBUTE_FRONTEND_INPUT_ENTITY_TYPE_ID_IS_USER_DEFINED" ON "eav_attribute" ("frontend_input", "entity_type_id", "is_user_defined");

CREATE TABLE "eav_entity_type" (
  "entity_type_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "entity_type_code" varchar(50) NOT NULL COLLATE NOCASE,
  "entity_model" varchar(255) NOT NULL COLLATE NOCASE,
  "attribute_model" varchar(255) NULL COLLATE NOCASE,
  "entity_table" varchar(255) NULL COLLATE NOCASE,
  "value_table_prefix" varchar(255) NULL COLLATE NOCASE,
  "entity_id_field" varchar(255) NULL COLLATE NOCASE,
  "is_data_sharing" smallint NOT NULL DEFAULT 1,
  "data_sharing_key" varchar(100) NULL DEFAULT 'default' COLLATE NOCASE,
  "default_attribute_set_id" smallint NOT NULL DEFAULT 0,
  "increment_model" varchar(255) NULL COLLATE NOCASE,
  "increment_per_store" smallint NOT NULL DEFAULT 0,
  "increment_pad_length" smallint NOT NULL DEFAULT 8,
  "increment_pad_char" varchar(1) NOT NULL DEFAULT 0 COLLATE NOCASE,
  "additional_attribute_table" varchar(255) NULL COLLATE NOCASE,
  "entity_attribute_collection" varchar(255) NULL COLLATE NOCASE
);
CREATE INDEX "EAV_ENTITY_TYPE_ENTITY_TYPE_CODE" ON "eav_entity_type" ("entity_type_code");

CREATE TABLE "gift_message" (
  "gift_message_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "customer_id" int NOT NULL DEFAULT 0,
  "sender" varchar(255) NULL COLLATE NOCASE,
  "recipient" varchar(255) NULL COLLATE NOCASE,
  "message" text NULL COLLATE NOCASE
);

CREATE TABLE "jwt_auth_revoked" (
  "user_type_id" int NOT NULL,
  "user_id" int NOT NULL,
  "revoke_before" bigint NOT NULL,
  PRIMARY KEY ("user_type_id", "user_id")
);

CREATE TABLE "login_as_customer_assistance_allowed" (
  "customer_id" int NOT NULL,
  PRIMARY KEY ("customer_id"),
  CONSTRAINT "FK_68EEBFE60295A14966BEFDDE57D0812B" FOREIGN KEY ("customer_id") REFERENCES "customer_entity" ("entity_id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "LOGIN_AS_CUSTOMER_ASSISTANCE_ALLOWED_CUSTOMER_ID" ON "login_as_customer_assistance_allowed" ("customer_id");

CREATE TABLE "login_as_customer_log" (
  "login_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "customer_id" int NULL,
  "admin_id" int NULL,
  "secret" varchar(64) NULL COLLATE NOCASE,
  "used" smallint NOT NULL DEFAULT 1,
  "created_at" timestamp NULL
);
CREATE INDEX "LOGIN_AS_CUSTOMER_LOG_CUSTOMER_ID" ON "login_as_customer_log" ("customer_id");
CREATE INDEX "LOGIN_AS_CUSTOMER_LOG_ADMIN_ID" ON "login_as_customer_log" ("admin_id");

CREATE TABLE "magento_login_as_customer_log" (
  "log_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "time" timestamp NULL,
  "user_id" int NULL,
  "user_name" varchar(40) NULL COLLATE NOCASE,
  "customer_id" int NULL,
  "customer_email" varchar(40) NULL COLLATE NOCASE
);
CREATE INDEX "MAGENTO_LOGIN_AS_CUSTOMER_LOG_USER_ID" ON "magento_login_as_customer_log" ("user_id");

CREATE TABLE "newsletter_problem" (
  "problem_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "subscriber_id" int NULL,
  "queue_id" int NOT NULL DEFAULT 0,
  "problem_error_code" int NULL DEFAULT 0,
  "problem_error_text" varchar(200) NULL COLLATE NOCASE,
  CONSTRAINT "NEWSLETTER_PROBLEM_QUEUE_ID_NEWSLETTER_QUEUE_QUEUE_ID" FOREIGN KEY ("queue_id") REFERENCES "newsletter_queue" ("queue_id") ON DELETE CASCADE,
  CONSTRAINT "NLTTR_PROBLEM_SUBSCRIBER_ID_NLTTR_SUBSCRIBER_SUBSCRIBER_ID" FOREIGN KEY ("subscriber_id") REFERENCES "newsletter_subscriber" ("subscriber_id") ON DELETE CASCADE
);
CREATE INDEX "NEWSLETTER_PROBLEM_SUBSCRIBER_ID" ON "newsletter_problem" ("subscriber_id");
CREATE INDEX "NEWSLETTER_PROBLEM_QUEUE_ID" ON "newsletter_problem" ("queue_id");

CREATE TABLE "newsletter_queue" (
  "queue_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "template_id" int NOT NULL DEFAULT 0,
  "newsletter_type" int NULL,
  "newsletter_text" text NULL COLLATE NOCASE,
  "newsletter_styles" text NULL COLLATE NOCASE,
  "newsletter_subject" varchar(200) NULL COLLATE NOCASE,
  "newsletter_sender_name" varchar(200) NULL COLLATE NOCASE,
  "newsletter_sender_email" varchar(200) NULL COLLATE NOCASE,
  "queue_status" int NOT NULL DEFAULT 0,
  "queue_start_at" timestamp NULL,
  "queue_finish_at" timestamp NULL,
  CONSTRAINT "NEWSLETTER_QUEUE_TEMPLATE_ID_NEWSLETTER_TEMPLATE_TEMPLATE_ID" FOREIGN KEY ("template_id") REFERENCES "newsletter_template" ("template_id") ON DELETE CASCADE
);
CREATE INDEX "NEWSLETTER_QUEUE_TEMPLATE_ID" ON "newsletter_queue" ("template_id");

CREATE TABLE "newsletter_queue_link" (
  "queue_link_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "queue_id" int NOT NULL DEFAULT 0,
  "subscriber_id" int NOT NULL DEFAULT 0,
  "letter_sent_at" timestamp NULL,
  CONSTRAINT "NEWSLETTER_QUEUE_LINK_QUEUE_ID_NEWSLETTER_QUEUE_QUEUE_ID" FOREIGN KEY ("queue_id") REFERENCES "newsletter_queue" ("queue_id") ON DELETE CASCADE,
  CONSTRAINT "NLTTR_QUEUE_LNK_SUBSCRIBER_ID_NLTTR_SUBSCRIBER_SUBSCRIBER_ID" FOREIGN KEY ("subscriber_id") REFERENCES "newsletter_subscriber" ("subscriber_id") ON DELETE CASCADE
);
CREATE INDEX "NEWSLETTER_QUEUE_LINK_SUBSCRIBER_ID" ON "newsletter_queue_link" ("subscriber_id");
CREATE INDEX "NEWSLETTER_QUEUE_LINK_QUEUE_ID_LETTER_SENT_AT" ON "newsletter_queue_link" ("queue_id", "letter_sent_at");

CREATE TABLE "newsletter_subscriber" (
  "subscriber_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "store_id" smallint NULL DEFAULT 0,
  "change_status_at" timestamp NULL,
  "customer_id" int NOT NULL DEFAULT 0,
  "subscriber_email" varchar(150) NULL COLLATE NOCASE,
  "subscriber_status" int NOT NULL DEFAULT 0,
  "subscriber_confirm_code" varchar(32) NULL COLLATE NOCASE,
  CONSTRAINT "NEWSLETTER_SUBSCRIBER_STORE_ID_STORE_STORE_ID" FOREIGN KEY ("store_id") REFERENCES "store" ("store_id") ON DELETE SET NULL
);
CREATE INDEX "NEWSLETTER_SUBSCRIBER_CUSTOMER_ID" ON "newsletter_subscriber" ("customer_id");
CREATE INDEX "NEWSLETTER_SUBSCRIBER_STORE_ID" ON "newsletter_subscriber" ("store_id");
CREATE INDEX "NEWSLETTER_SUBSCRIBER_SUBSCRIBER_EMAIL" ON "newsletter_subscriber" ("subscriber_email");

CREATE TABLE "newsletter_template" (
  "template_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "template_code" varchar(150) NULL COLLATE NOCASE,
  "template_text" text NULL COLLATE NOCASE,
  "template_styles" text NULL COLLATE NOCASE,
  "template_type" int NULL,
  "template_subject" varchar(200) NULL COLLATE NOCASE,
  "template_sender_name" varchar(200) NULL COLLATE NOCASE,
  "template_sender_email" varchar(200) NULL COLLATE NOCASE,
  "template_actual" smallint NULL DEFAULT 1,
  "added_at" timestamp NULL,
  "modified_at" timestamp NULL,
  "is_legacy" tinyint NOT NULL DEFAULT 0
);
CREATE INDEX "NEWSLETTER_TEMPLATE_TEMPLATE_ACTUAL" ON "newsletter_template" ("template_actual");
CREATE INDEX "NEWSLETTER_TEMPLATE_ADDED_AT" ON "newsletter_template" ("added_at");
CREATE INDEX "NEWSLETTER_TEMPLATE_MODIFIED_AT" ON "newsletter_template" ("modified_at");

CREATE TABLE "oauth_consumer" (
  "entity_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "created_at" timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamp NULL DEFAULT '0000-00-00 00:00:00',
  "name" varchar(255) NOT NULL COLLATE NOCASE,
  "key" varchar(32) NOT NULL COLLATE NOCASE,
  "secret" varchar(32) NOT NULL COLLATE NOCASE,
  "callback_url" text NULL COLLATE NOCASE,
  "rejected_callback_url" text NOT NULL COLLATE NOCASE
);
CREATE UNIQUE INDEX "OAUTH_CONSUMER_KEY" ON "oauth_consumer" ("key");
CREATE UNIQUE INDEX "OAUTH_CONSUMER_SECRET" ON "oauth_consumer" ("secret");
CREATE INDEX "OAUTH_CONSUMER_CREATED_AT" ON "oauth_consumer" ("created_at");
CREATE INDEX "OAUTH_CONSUMER_UPDATED_AT" ON "oauth_consumer" ("updated_at");
CREATE TRIGGER "oauth_consumer_updated_at_on_update" AFTER UPDATE ON "oauth_consumer" FOR EACH ROW
WHEN NEW."updated_at" IS OLD."updated_at"
BEGIN
  UPDATE "oauth_consumer" SET "updated_at" = CURRENT_TIMESTAMP WHERE rowid = NEW.rowid;
END;

CREATE TABLE "oauth_token" (
  "entity_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "consumer_id" int NULL,
  "admin_id" int NULL,
  "customer_id" int NULL,
  "type" varchar(16) NOT NULL COLLATE NOCASE,
  "token" varchar(32) NOT NULL COLLATE NOCASE,
  "secret" varchar(32) NOT NULL COLLATE NOCASE,
  "verifier" varchar(32) NULL COLLATE NOCASE,
  "callback_url" text NOT NULL COLLATE NOCASE,
  "revoked" smallint NOT NULL DEFAULT 0,
  "authorized" smallint NOT NULL DEFAULT 0,
  "user_type" int NULL,
  "created_at" timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "OAUTH_TOKEN_CONSUMER_ID_OAUTH_CONSUMER_ENTITY_ID" FOREIGN KEY ("consumer_id") REFERENCES "oauth_consumer" ("entity_id") ON DELETE CASCADE,
  CONSTRAINT "OAUTH_TOKEN_CUSTOMER_ID_CUSTOMER_ENTITY_ENTITY_ID" FOREIGN KEY ("customer_id") REFERENCES "customer_entity" ("entity_id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "OAUTH_TOKEN_TOKEN" ON "oauth_token" ("token");
CREATE INDEX "OAUTH_TOKEN_CONSUMER_ID" ON "oauth_token" ("consumer_id");

CREATE TABLE "oauth_token_request_log" (
  "log_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "user_name" varchar(255) NOT NULL COLLATE NOCASE,
  "user_type" smallint NOT NULL,
  "failures_count" smallint NULL DEFAULT 0,
  "lock_expires_at" timestamp NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX "OAUTH_TOKEN_REQUEST_LOG_USER_NAME_USER_TYPE" ON "oauth_token_request_log" ("user_name", "user_type");
CREATE TRIGGER "oauth_token_request_log_lock_expires_at_on_update" AFTER UPDATE ON "oauth_token_request_log" FOR EACH ROW
WHEN NEW."lock_expires_at" IS OLD."lock_expires_at"
BEGIN
  UPDATE "oauth_token_request_log" SET "lock_expires_at" = CURRENT_TIMESTAMP WHERE rowid = NEW.rowid;
END;

CREATE TABLE "password_reset_request_event" (
  "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "request_type" smallint NOT NULL,
  "account_reference" varchar(255) NULL COLLATE NOCASE,
  "created_at" timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "ip" varchar(15) NOT NULL COLLATE NOCASE
);
CREATE INDEX "PASSWORD_RESET_REQUEST_EVENT_ACCOUNT_REFERENCE" ON "password_reset_request_event" ("account_reference");
CREATE INDEX "PASSWORD_RESET_REQUEST_EVENT_CREATED_AT" ON "password_reset_request_event" ("created_at");

CREATE TABLE "paypal_billing_agreement" (
  "agreement_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "customer_id" int NOT NULL,
  "method_code" varchar(32) NOT NULL COLLATE NOCASE,
  "reference_id" varchar(32) NOT NULL COLLATE NOCASE,
  "status" varchar(20) NOT NULL COLLATE NOCASE,
  "created_at" timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamp NULL,
  "store_id" smallint NULL,
  "agreement_label" varchar(255) NULL COLLATE NOCASE,
  CONSTRAINT "PAYPAL_BILLING_AGREEMENT_CUSTOMER_ID_CUSTOMER_ENTITY_ENTITY_ID" FOREIGN KEY ("customer_id") REFERENCES "customer_entity" ("entity_id") ON DELETE CASCADE,
  CONSTRAINT "PAYPAL_BILLING_AGREEMENT_STORE_ID_STORE_STORE_ID" FOREIGN KEY ("store_id") REFERENCES "store" ("store_id") ON DELETE SET NULL
);
CREATE INDEX "PAYPAL_BILLING_AGREEMENT_CUSTOMER_ID" ON "paypal_billing_agreement" ("customer_id");
CREATE INDEX "PAYPAL_BILLING_AGREEMENT_STORE_ID" ON "paypal_billing_agreement" ("store_id");

CREATE TABLE "paypal_billing_agreement_order" (
  "agreement_id" int NOT NULL,
  "order_id" int NOT NULL,
  PRIMARY KEY ("agreement_id", "order_id"),
  CONSTRAINT "PAYPAL_BILLING_AGREEMENT_ORDER_ORDER_ID_SALES_ORDER_ENTITY_ID" FOREIGN KEY ("order_id") REFERENCES "sales_order" ("entity_id") ON DELETE CASCADE,
  CONSTRAINT "PAYPAL_BILLING_AGRT_ORDER_AGRT_ID_PAYPAL_BILLING_AGRT_AGRT_ID" FOREIGN KEY ("agreement_id") REFERENCES "paypal_billing_agreement" ("agreement_id") ON DELETE CASCADE
);
CREATE INDEX "PAYPAL_BILLING_AGREEMENT_ORDER_ORDER_ID" ON "paypal_billing_agreement_order" ("order_id");

CREATE TABLE "persistent_session" (
  "persistent_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "key" varchar(50) NOT NULL COLLATE NOCASE,
  "customer_id" int NULL,
  "website_id" smallint NOT NULL DEFAULT 0,
  "info" text NULL COLLATE NOCASE,
  "updated_at" timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "PERSISTENT_SESSION_CUSTOMER_ID_CUSTOMER_ENTITY_ENTITY_ID" FOREIGN KEY ("customer_id") REFERENCES "customer_entity" ("entity_id") ON DELETE CASCADE,
  CONSTRAINT "PERSISTENT_SESSION_WEBSITE_ID_STORE_WEBSITE_WEBSITE_ID" FOREIGN KEY ("website_id") REFERENCES "store_website" ("website_id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "PERSISTENT_SESSION_KEY" ON "persistent_session" ("key");
CREATE UNIQUE INDEX "PERSISTENT_SESSION_CUSTOMER_ID" ON "persistent_session" ("customer_id");
CREATE INDEX "PERSISTENT_SESSION_UPDATED_AT" ON "persistent_session" ("updated_at");
CREATE TRIGGER "persistent_session_updated_at_on_update" AFTER UPDATE ON "persistent_session" FOR EACH ROW
WHEN NEW."updated_at" IS OLD."updated_at"
BEGIN
  UPDATE "persistent_session" SET "updated_at" = CURRENT_TIMESTAMP WHERE rowid = NEW.rowid;
END;

CREATE TABLE "product_alert_price" (
  "alert_price_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "customer_id" int NOT NULL DEFAULT 0,
  "product_id" int NOT NULL DEFAULT 0,
  "price" decimal(12,4) NOT NULL DEFAULT 0,
  "website_id" smallint NOT NULL DEFAULT 0,
  "store_id" smallint NULL DEFAULT 0,
  "add_date" timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "last_send_date" timestamp NULL,
  "send_count" smallint NOT NULL DEFAULT 0,
  "status" smallint NOT NULL DEFAULT 0,
  CONSTRAINT "PRODUCT_ALERT_PRICE_CUSTOMER_ID_CUSTOMER_ENTITY_ENTITY_ID" FOREIGN KEY ("customer_id") REFERENCES "customer_entity" ("entity_id") ON DELETE CASCADE,
  CONSTRAINT "PRODUCT_ALERT_PRICE_PRODUCT_ID_CATALOG_PRODUCT_ENTITY_ENTITY_ID" FOREIGN KEY ("product_id") REFERENCES "catalog_product_entity" ("entity_id") ON DELETE CASCADE,
  CONSTRAINT "PRODUCT_ALERT_PRICE_STORE_ID_STORE_STORE_ID" FOREIGN KEY ("store_id") REFERENCES "store" ("store_id") ON DELETE CASCADE,
  CONSTRAINT "PRODUCT_ALERT_PRICE_WEBSITE_ID_STORE_WEBSITE_WEBSITE_ID" FOREIGN KEY ("website_id") REFERENCES "store_website" ("website_id") ON DELETE CASCADE
);
CREATE INDEX "PRODUCT_ALERT_PRICE_CUSTOMER_ID" ON "product_alert_price" ("customer_id");
CREATE INDEX "PRODUCT_ALERT_PRICE_PRODUCT_ID" ON "product_alert_price" ("product_id");
CREATE INDEX "PRODUCT_ALERT_PRICE_WEBSITE_ID" ON "product_alert_price" ("website_id");
CREATE INDEX "PRODUCT_ALERT_PRICE_STORE_ID" ON "product_alert_price" ("store_id");

CREATE TABLE "product_alert_stock" (
  "alert_stock_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "customer_id" int NOT NULL DEFAULT 0,
  "product_id" int NOT NULL DEFAULT 0,
  "website_id" smallint NOT NULL DEFAULT 0,
  "store_id" smallint NULL DEFAULT 0,
  "add_date" timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "send_date" timestamp NULL,
  "send_count" smallint NOT NULL DEFAULT 0,
  "status" smallint NOT NULL DEFAULT 0,
  CONSTRAINT "PRODUCT_ALERT_STOCK_CUSTOMER_ID_CUSTOMER_ENTITY_ENTITY_ID" FOREIGN KEY ("customer_id") REFERENCES "customer_entity" ("entity_id") ON DELETE CASCADE,
  CONSTRAINT "PRODUCT_ALERT_STOCK_PRODUCT_ID_CATALOG_PRODUCT_ENTITY_ENTITY_ID" FOREIGN KEY ("product_id") REFERENCES "catalog_product_entity" ("entity_id") ON DELETE CASCADE,
  CONSTRAINT "PRODUCT_ALERT_STOCK_STORE_ID_STORE_STORE_ID" FOREIGN KEY ("store_id") REFERENCES "store" ("store_id") ON DELETE CASCADE,
  CONSTRAINT "PRODUCT_ALERT_STOCK_WEBSITE_ID_STORE_WEBSITE_WEBSITE_ID" FOREIGN KEY ("website_id") REFERENCES "store_website" ("website_id") ON DELETE CASCADE
);
CREATE INDEX "PRODUCT_ALERT_STOCK_CUSTOMER_ID" ON "product_alert_stock" ("customer_id");
CREATE INDEX "PRODUCT_ALERT_STOCK_PRODUCT_ID" ON "product_alert_stock" ("product_id");
CREATE INDEX "PRODUCT_ALERT_STOCK_WEBSITE_ID" ON "product_alert_stock" ("website_id");
CREATE INDEX "PRODUCT_ALERT_STOCK_STORE_ID" ON "product_alert_stock" ("store_id");

CREATE TABLE "quote" (
  "entity_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "store_id" smallint NOT NULL DEFAULT 0,
  "created_at" timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "converted_at" timestamp NULL,
  "is_active" smallint NULL DEFAULT 1,
  "is_virtual" smallint NULL DEFAULT 0,
  "is_multi_shipping" smallint NULL DEFAULT 0,
  "items_count" int NULL DEFAULT 0,
  "items_qty" decimal(12,4) NULL DEFAULT 0,
  "orig_order_id" int NULL DEFAULT 0,
  "store_to_base_rate" decimal(12,4) NULL DEFAULT 0,
  "store_to_quote_rate" decimal(12,4) NULL DEFAULT 0,
  "base_currency_code" varchar(255) NULL COLLATE NOCASE,
  "store_currency_code" varchar(255) NULL COLLATE NOCASE,
  "quote_currency_code" varchar(255) NULL COLLATE NOCASE,
  "grand_total" decimal(20,4) NULL DEFAULT 0,
  "base_grand_total" decimal(20,4) NULL DEFAULT 0,
  "checkout_method" varchar(255) NULL COLLATE NOCASE,
  "customer_id" int NULL,
  "customer_tax_class_id" int NULL,
  "customer_group_id" int NULL DEFAULT 0,
  "customer_email" varchar(255) NULL COLLATE NOCASE,
  "customer_prefix" varchar(40) NULL COLLATE NOCASE,
  "customer_firstname" varchar(255) NULL COLLATE NOCASE,
  "customer_middlename" varchar(40) NULL COLLATE NOCASE,
  "customer_lastname" varchar(255) NULL COLLATE NOCASE,
  "customer_suffix" varchar(40) NULL COLLATE NOCASE,
  "customer_dob" datetime NULL,
  "customer_note" varchar(255) NULL COLLATE NOCASE,
  "customer_note_notify" smallint NULL DEFAULT 1,
  "customer_is_guest" smallint NULL DEFAULT 0,
  "remote_ip" varchar(45) NULL COLLATE NOCASE,
  "applied_rule_ids" varchar(255) NULL COLLATE NOCASE,
  "reserved_order_id" varchar(64) NULL COLLATE NOCASE,
  "password_hash" varchar(255) NULL COLLATE NOCASE,
  "coupon_code" varchar(255) NULL COLLATE NOCASE,
  "global_currency_code" varchar(255) NULL COLLATE NOCASE,
  "base_to_global_rate" decimal(20,4) NULL,
  "base_to_quote_rate" decimal(20,4) NULL,
  "customer_taxvat" varchar(255) NULL COLLATE NOCASE,
  "customer_gender" varchar(255) NULL COLLATE NOCASE,
  "subtotal" decimal(20,4) NULL,
  "base_subtotal" decimal(20,4) NULL,
  "subtotal_with_discount" decimal(20,4) NULL,
  "base_subtotal_with_discount" decimal(20,4) NULL,
  "is_changed" int NULL,
  "trigger_recollect" smallint NOT NULL DEFAULT 0,
  "ext_shipping_info" text NULL COLLATE NOCASE,
  "gift_message_id" int NULL,
  "is_persistent" smallint NULL DEFAULT 0,
  CONSTRAINT "QUOTE_STORE_ID_STORE_STORE_ID" FOREIGN KEY ("store_id") REFERENCES "store" ("store_id") ON DELETE CASCADE
);
CREATE INDEX "QUOTE_CUSTOMER_ID_STORE_ID_IS_ACTIVE" ON "quote" ("customer_id", "store_id", "is_active");
CREATE INDEX "QUOTE_STORE_ID" ON "quote" ("store_id");
CREATE TRIGGER "quote_updated_at_on_update" AFTER UPDATE ON "quote" FOR EACH ROW
WHEN NEW."updated_at" IS OLD."updated_at"
BEGIN
  UPDATE "quote" SET "updated_at" = CURRENT_TIMESTAMP WHERE rowid = NEW.rowid;
END;

CREATE TABLE "quote_address" (
  "address_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "quote_id" int NOT NULL DEFAULT 0,
  "created_at" timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "customer_id" int NULL,
  "save_in_address_book" smallint NULL DEFAULT 0,
  "customer_address_id" int NULL,
  "address_type" varchar(10) NULL COLLATE NOCASE,
  "email" varchar(255) NULL COLLATE NOCASE,
  "prefix" varchar(40) NULL COLLATE NOCASE,
  "firstname" varchar(255) NULL COLLATE NOCASE,
  "middlename" varchar(40) NULL COLLATE NOCASE,
  "lastname" varchar(255) NULL COLLATE NOCASE,
  "suffix" varchar(40) NULL COLLATE NOCASE,
  "company" varchar(255) NULL COLLATE NOCASE,
  "street" varchar(255) NULL COLLATE NOCASE,
  "city" varchar(255) NULL COLLATE NOCASE,
  "region" varchar(255) NULL COLLATE NOCASE,
  "region_id" int NULL,
  "postcode" varchar(20) NULL COLLATE NOCASE,
  "country_id" varchar(30) NULL COLLATE NOCASE,
  "telephone" varchar(255) NULL COLLATE NOCASE,
  "fax" varchar(255) NULL COLLATE NOCASE,
  "same_as_billing" smallint NOT NULL DEFAULT 0,
  "collect_shipping_rates" smallint NOT NULL DEFAULT 0,
  "shipping_method" varchar(120) NULL COLLATE NOCASE,
  "shipping_description" varchar(255) NULL COLLATE NOCASE,
  "weight" decimal(12,4) NOT NULL DEFAULT 0,
  "subtotal" decimal(20,4) NOT NULL DEFAULT 0,
  "base_subtotal" decimal(20,4) NOT NULL DEFAULT 0,
  "subtotal_with_discount" decimal(20,4) NOT NULL DEFAULT 0,
  "base_subtotal_with_discount" decimal(20,4) NOT NULL DEFAULT 0,
  "tax_amount" decimal(20,4) NOT NULL DEFAULT 0,
  "base_tax_amount" decimal(20,4) NOT NULL DEFAULT 0,
  "shipping_amount" decimal(20,4) NOT NULL DEFAULT 0,
  "base_shipping_amount" decimal(20,4) NOT NULL DEFAULT 0,
  "shipping_tax_amount" decimal(20,4) NULL,
  "base_shipping_tax_amount" decimal(20,4) NULL,
  "discount_amount" decimal(20,4) NOT NULL DEFAULT 0,
  "base_discount_amount" decimal(20,4) NOT NULL DEFAULT 0,
  "grand_total" decimal(20,4) NOT NULL DEFAULT 0,
  "base_grand_total" decimal(20,4) NOT NULL DEFAULT 0,
  "customer_notes" text NULL COLLATE NOCASE,
  "applied_taxes" text NULL COLLATE NOCASE,
  "discount_description" varchar(255) NULL COLLATE NOCASE,
  "shipping_discount_amount" decimal(20,4) NULL,
  "base_shipping_discount_amount" decimal(20,4) NULL,
  "subtotal_incl_tax" decimal(20,4) NULL,
  "base_subtotal_total_incl_tax" decimal(20,4) NULL,
  "discount_tax_compensation_amount" decimal(20,4) NULL,
  "base_discount_tax_compensation_amount" decimal(20,4) NULL,
  "shipping_discount_tax_compensation_amount" decimal(20,4) NULL,
  "base_shipping_discount_tax_compensation_amnt" decimal(20,4) NULL,
  "shipping_incl_tax" decimal(20,4) NULL,
  "base_shipping_incl_tax" decimal(20,4) NULL,
  "vat_id" text NULL COLLATE NOCASE,
  "vat_is_valid" smallint NULL,
  "vat_request_id" text NULL COLLATE NOCASE,
  "vat_request_date" text NULL COLLATE NOCASE,
  "vat_request_success" smallint NULL,
  "validated_country_code" text NULL COLLATE NOCASE,
  "validated_vat_number" text NULL COLLATE NOCASE,
  "gift_message_id" int NULL,
  "free_shipping" smallint NOT NULL DEFAULT 0,
  CONSTRAINT "QUOTE_ADDRESS_QUOTE_ID_QUOTE_ENTITY_ID" FOREIGN KEY ("quote_id") REFERENCES "quote" ("entity_id") ON DELETE CASCADE
);
CREATE INDEX "QUOTE_ADDRESS_QUOTE_ID" ON "quote_address" ("quote_id");
CREATE TRIGGER "quote_address_updated_at_on_update" AFTER UPDATE ON "quote_address" FOR EACH ROW
WHEN NEW."updated_at" IS OLD."updated_at"
BEGIN
  UPDATE "quote_address" SET "updated_at" = CURRENT_TIMESTAMP WHERE rowid = NEW.rowid;
END;

CREATE TABLE "quote_id_mask" (
  "entity_id" int NOT NULL,
  "quote_id" int NOT NULL,
  "masked_id" varchar(32) NULL COLLATE NOCASE,
  PRIMARY KEY ("entity_id", "quote_id"),
  CONSTRAINT "QUOTE_ID_MASK_QUOTE_ID_QUOTE_ENTITY_ID" FOREIGN KEY ("quote_id") REFERENCES "quote" ("entity_id") ON DELETE CASCADE
);
CREATE INDEX "QUOTE_ID_MASK_QUOTE_ID" ON "quote_id_mask" ("quote_id");
CREATE INDEX "QUOTE_ID_MASK_MASKED_ID" ON "quote_id_mask" ("masked_id");

CREATE TABLE "quote_item" (
  "item_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "quote_id" int NOT NULL DEFAULT 0,
  "created_at" timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "product_id" int NULL,
  "store_id" smallint NULL,
  "parent_item_id" int NULL,
  "is_virtual" smallint NULL,
  "sku" varchar(255) NULL COLLATE NOCASE,
  "name" varchar(255) NULL COLLATE NOCASE,
  "description" text NULL COLLATE NOCASE,
  "applied_rule_ids" text NULL COLLATE NOCASE,
  "additional_data" text NULL COLLATE NOCASE,
  "is_qty_decimal" smallint NULL,
  "no_discount" smallint NULL DEFAULT 0,
  "weight" decimal(12,4) NULL DEFAULT 0,
  "qty" decimal(12,4) NOT NULL DEFAULT 0,
  "price" decimal(12,4) NOT NULL DEFAULT 0,
  "base_price" decimal(12,4) NOT NULL DEFAULT 0,
  "custom_price" decimal(12,4) NULL,
  "discount_percent" decimal(12,4) NULL DEFAULT 0,
  "discount_amount" decimal(20,4) NULL DEFAULT 0,
  "base_discount_amount" decimal(20,4) NULL DEFAULT 0,
  "tax_percent" decimal(12,4) NULL DEFAULT 0,
  "tax_amount" decimal(20,4) NULL DEFAULT 0,
  "base_tax_amount" decimal(20,4) NULL DEFAULT 0,
  "row_total" decimal(20,4) NOT NULL DEFAULT 0,
  "base_row_total" decimal(20,4) NOT NULL DEFAULT 0,
  "row_total_with_discount" decimal(20,4) NULL DEFAULT 0,
  "row_weight" decimal(12,4) NULL DEFAULT 0,
  "product_type" varchar(255) NULL COLLATE NOCASE,
  "base_tax_before_discount" decimal(20,4) NULL,
  "tax_before_discount" decimal(20,4) NULL,
  "original_custom_price" decimal(12,4) NULL,
  "redirect_url" varchar(255) NULL COLLATE NOCASE,
  "base_cost" decimal(12,4) NULL,
  "price_incl_tax" decimal(20,4) NULL,
  "base_price_incl_tax" decimal(20,4) NULL,
  "row_total_incl_tax" decimal(20,4) NULL,
  "base_row_total_incl_tax" decimal(20,4) NULL,
  "discount_tax_compensation_amount" decimal(20,4) NULL,
  "base_discount_tax_compensation_amount" decimal(20,4) NULL,
  "gift_message_id" int NULL,
  "free_shipping" smallint NOT NULL DEFAULT 0,
  "weee_tax_applied" text NULL COLLATE NOCASE,
  "weee_tax_applied_amount" decimal(12,4) NULL,
  "weee_tax_applied_row_amount" decimal(12,4) NULL,
  "weee_tax_disposition" decimal(12,4) NULL,
  "weee_tax_row_disposition" decimal(12,4) NULL,
  "base_weee_tax_applied_amount" decimal(12,4) NULL,
  "base_weee_tax_applied_row_amnt" decimal(12,4) NULL,
  "base_weee_tax_disposition" decimal(12,4) NULL,
  "base_weee_tax_row_disposition" decimal(12,4) NULL,
  CONSTRAINT "QUOTE_ITEM_PARENT_ITEM_ID_QUOTE_ITEM_ITEM_ID" FOREIGN KEY ("parent_item_id") REFERENCES "quote_item" ("item_id") ON DELETE CASCADE,
  CONSTRAINT "QUOTE_ITEM_QUOTE_ID_QUOTE_ENTITY_ID" FOREIGN KEY ("quote_id") REFERENCES "quote" ("entity_id") ON DELETE CASCADE,
  CONSTRAINT "QUOTE_ITEM_STORE_ID_STORE_STORE_ID" FOREIGN KEY ("store_id") REFERENCES "store" ("store_id") ON DELETE SET NULL
);
CREATE INDEX "QUOTE_ITEM_PARENT_ITEM_ID" ON "quote_item" ("parent_item_id");
CREATE INDEX "QUOTE_ITEM_PRODUCT_ID" ON "quote_item" ("product_id");
CREATE INDEX "QUOTE_ITEM_QUOTE_ID" ON "quote_item" ("quote_id");
CREATE INDEX "QUOTE_ITEM_STORE_ID" ON "quote_item" ("store_id");
CREATE TRIGGER "quote_item_updated_at_on_update" AFTER UPDATE ON "quote_item" FOR EACH ROW
WHEN NEW."updated_at" IS OLD."updated_at"
BEGIN
  UPDATE "quote_item" SET "updated_at" = CURRENT_TIMESTAMP WHERE rowid = NEW.rowid;
END;

CREATE TABLE "quote_payment" (
  "payment_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "quote_id" int NOT NULL DEFAULT 0,
  "created_at" timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "method" varchar(255) NULL COLLATE NOCASE,
  "cc_type" varchar(255) NULL COLLATE NOCASE,
  "cc_number_enc" varchar(255) NULL COLLATE NOCASE,
  "cc_last_4" varchar(255) NULL COLLATE NOCASE,
  "cc_cid_enc" varchar(255) NULL COLLATE NOCASE,
  "cc_owner" varchar(255) NULL COLLATE NOCASE,
  "cc_exp_month" varchar(255) NULL COLLATE NOCASE,
  "cc_exp_year" smallint NULL DEFAULT 0,
  "cc_ss_owner" varchar(255) NULL COLLATE NOCASE,
  "cc_ss_start_month" smallint NULL DEFAULT 0,
  "cc_ss_start_year" smallint NULL DEFAULT 0,
  "po_number" varchar(255) NULL COLLATE NOCASE,
  "additional_data" text NULL COLLATE NOCASE,
  "cc_ss_issue" varchar(255) NULL COLLATE NOCASE,
  "additional_information" text NULL COLLATE NOCASE,
  "paypal_payer_id" varchar(255) NULL COLLATE NOCASE,
  "paypal_payer_status" varchar(255) NULL COLLATE NOCASE,
  "paypal_correlation_id" varchar(255) NULL COLLATE NOCASE,
  CONSTRAINT "QUOTE_PAYMENT_QUOTE_ID_QUOTE_ENTITY_ID" FOREIGN KEY ("quote_id") REFERENCES "quote" ("entity_id") ON DELETE CASCADE
);
CREATE INDEX "QUOTE_PAYMENT_QUOTE_ID" ON "quote_payment" ("quote_id");
CREATE TRIGGER "quote_payment_updated_at_on_update" AFTER UPDATE ON "quote_payment" FOR EACH ROW
WHEN NEW."updated_at" IS OLD."updated_at"
BEGIN
  UPDATE "quote_payment" SET "updated_at" = CURRENT_TIMESTAMP WHERE rowid = NEW.rowid;
END;

CREATE TABLE "rating" (
  "rating_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "entity_id" smallint NOT NULL DEFAULT 0,
  "rating_code" varchar(64) NOT NULL COLLATE NOCASE,
  "position" smallint NOT NULL DEFAULT 0,
  "is_active" smallint NOT NULL DEFAULT 1,
  CONSTRAINT "RATING_ENTITY_ID_RATING_ENTITY_ENTITY_ID" FOREIGN KEY ("entity_id") REFERENCES "rating_entity" ("entity_id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "RATING_RATING_CODE" ON "rating" ("rating_code");
CREATE INDEX "RATING_ENTITY_ID" ON "rating" ("entity_id");

CREATE TABLE "rating_entity" (
  "entity_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "entity_code" varchar(64) NOT NULL COLLATE NOCASE
);
CREATE UNIQUE INDEX "RATING_ENTITY_ENTITY_CODE" ON "rating_entity" ("entity_code");

CREATE TABLE "rating_option" (
  "option_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "rating_id" smallint NOT NULL DEFAULT 0,
  "code" varchar(32) NOT NULL COLLATE NOCASE,
  "value" smallint NOT NULL DEFAULT 0,
  "position" smallint NOT NULL DEFAULT 0,
  CONSTRAINT "RATING_OPTION_RATING_ID_RATING_RATING_ID" FOREIGN KEY ("rating_id") REFERENCES "rating" ("rating_id") ON DELETE CASCADE
);
CREATE INDEX "RATING_OPTION_RATING_ID" ON "rating_option" ("rating_id");

CREATE TABLE "rating_option_vote" (
  "vote_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "option_id" int NOT NULL DEFAULT 0,
  "remote_ip" varchar(16) NOT NULL COLLATE NOCASE,
  "remote_ip_long" bigint NOT NULL DEFAULT 0,
  "customer_id" int NULL DEFAULT 0,
  "entity_pk_value" bigint NOT NULL DEFAULT 0,
  "rating_id" smallint NOT NULL DEFAULT 0,
  "review_id" bigint NULL,
  "percent" smallint NOT NULL DEFAULT 0,
  "value" smallint NOT NULL DEFAULT 0,
  CONSTRAINT "RATING_OPTION_VOTE_OPTION_ID_RATING_OPTION_OPTION_ID" FOREIGN KEY ("option_id") REFERENCES "rating_option" ("option_id") ON DELETE CASCADE,
  CONSTRAINT "RATING_OPTION_VOTE_REVIEW_ID_REVIEW_REVIEW_ID" FOREIGN KEY ("review_id") REFERENCES "review" ("review_id") ON DELETE CASCADE
);
CREATE INDEX "RATING_OPTION_VOTE_OPTION_ID" ON "rating_option_vote" ("option_id");

CREATE TABLE "report_compared_product_index" (
  "index_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "visitor_id" int NULL,
  "customer_id" int NULL,
  "product_id" int NOT NULL,
  "store_id" smallint NULL,
  "added_at" timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "REPORT_CMPD_PRD_IDX_CSTR_ID_CSTR_ENTT_ENTT_ID" FOREIGN KEY ("customer_id") REFERENCES "customer_entity" ("entity_id") ON DELETE CASCADE,
  CONSTRAINT "REPORT_CMPD_PRD_IDX_PRD_ID_CAT_PRD_ENTT_ENTT_ID" FOREIGN KEY ("product_id") REFERENCES "catalog_product_entity" ("entity_id") ON DELETE CASCADE,
  CONSTRAINT "REPORT_COMPARED_PRODUCT_INDEX_STORE_ID_STORE_STORE_ID" FOREIGN KEY ("store_id") REFERENCES "store" ("store_id") ON DELETE SET NULL
);
CREATE UNIQUE INDEX "REPORT_COMPARED_PRODUCT_INDEX_VISITOR_ID_PRODUCT_ID" ON "report_compared_product_index" ("visitor_id", "product_id");
CREATE UNIQUE INDEX "REPORT_COMPARED_PRODUCT_INDEX_CUSTOMER_ID_PRODUCT_ID" ON "report_compared_product_index" ("customer_id", "product_id");
CREATE INDEX "REPORT_COMPARED_PRODUCT_INDEX_STORE_ID" ON "report_compared_product_index" ("store_id");
CREATE INDEX "REPORT_COMPARED_PRODUCT_INDEX_ADDED_AT" ON "report_compared_product_index" ("added_at");
CREATE INDEX "REPORT_COMPARED_PRODUCT_INDEX_PRODUCT_ID" ON "report_compared_product_index" ("product_id");

CREATE TABLE "report_event" (
  "event_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "logged_at" timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "event_type_id" smallint NOT NULL DEFAULT 0,
  "object_id" int NOT NULL DEFAULT 0,
  "subject_id" int NOT NULL DEFAULT 0,
  "subtype" smallint NOT NULL DEFAULT 0,
  "store_id" smallint NOT NULL,
  CONSTRAINT "REPORT_EVENT_EVENT_TYPE_ID_REPORT_EVENT_TYPES_EVENT_TYPE_ID" FOREIGN KEY ("event_type_id") REFERENCES "report_event_types" ("event_type_id") ON DELETE CASCADE,
  CONSTRAINT "REPORT_EVENT_STORE_ID_STORE_STORE_ID" FOREIGN KEY ("store_id") REFERENCES "store" ("store_id") ON DELETE CASCADE
);
CREATE INDEX "REPORT_EVENT_EVENT_TYPE_ID" ON "report_event" ("event_type_id");
CREATE INDEX "REPORT_EVENT_SUBJECT_ID" ON "report_event" ("subject_id");
CREATE INDEX "REPORT_EVENT_OBJECT_ID" ON "report_event" ("object_id");
CREATE INDEX "REPORT_EVENT_SUBTYPE" ON "report_event" ("subtype");
CREATE INDEX "REPORT_EVENT_STORE_ID" ON "report_event" ("store_id");

CREATE TABLE "report_event_types" (
  "event_type_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "event_name" varchar(64) NOT NULL COLLATE NOCASE,
  "customer_login" smallint NOT NULL DEFAULT 0
);

CREATE TABLE "report_viewed_product_index" (
  "index_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "visitor_id" int NULL,
  "customer_id" int NULL,
  "product_id" int NOT NULL,
  "store_id" smallint NULL,
  "added_at" timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "REPORT_VIEWED_PRD_IDX_CSTR_ID_CSTR_ENTT_ENTT_ID" FOREIGN KEY ("customer_id") REFERENCES "customer_entity" ("entity_id") ON DELETE CASCADE,
  CONSTRAINT "REPORT_VIEWED_PRD_IDX_PRD_ID_CAT_PRD_ENTT_ENTT_ID" FOREIGN KEY ("product_id") REFERENCES "catalog_product_entity" ("entity_id") ON DELETE CASCADE,
  CONSTRAINT "REPORT_VIEWED_PRODUCT_INDEX_STORE_ID_STORE_STORE_ID" FOREIGN KEY ("store_id") REFERENCES "store" ("store_id") ON DELETE SET NULL
);
CREATE UNIQUE INDEX "REPORT_VIEWED_PRODUCT_INDEX_VISITOR_ID_PRODUCT_ID" ON "report_viewed_product_index" ("visitor_id", "product_id");
CREATE UNIQUE INDEX "REPORT_VIEWED_PRODUCT_INDEX_CUSTOMER_ID_PRODUCT_ID" ON "report_viewed_product_index" ("customer_id", "product_id");
CREATE INDEX "REPORT_VIEWED_PRODUCT_INDEX_STORE_ID" ON "report_viewed_product_index" ("store_id");
CREATE INDEX "REPORT_VIEWED_PRODUCT_INDEX_ADDED_AT" ON "report_viewed_product_index" ("added_at");
CREATE INDEX "REPORT_VIEWED_PRODUCT_INDEX_PRODUCT_ID" ON "report_viewed_product_index" ("product_id");

CREATE TABLE "review" (
  "review_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "created_at" timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "entity_id" smallint NOT NULL DEFAULT 0,
  "entity_pk_value" int NOT NULL DEFAULT 0,
  "status_id" smallint NOT NULL DEFAULT 0,
  CONSTRAINT "REVIEW_ENTITY_ID_REVIEW_ENTITY_ENTITY_ID" FOREIGN KEY ("entity_id") REFERENCES "review_entity" ("entity_id") ON DELETE CASCADE,
  CONSTRAINT "REVIEW_STATUS_ID_REVIEW_STATUS_STATUS_ID" FOREIGN KEY ("status_id") REFERENCES "review_status" ("status_id") ON DELETE NO ACTION
);
CREATE INDEX "REVIEW_ENTITY_ID" ON "review" ("entity_id");
CREATE INDEX "REVIEW_STATUS_ID" ON "review" ("status_id");
CREATE INDEX "REVIEW_ENTITY_PK_VALUE" ON "review" ("entity_pk_value");

CREATE TABLE "review_detail" (
  "detail_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "review_id" bigint NOT NULL DEFAULT 0,
  "store_id" smallint NULL DEFAULT 0,
  "title" varchar(255) NOT NULL COLLATE NOCASE,
  "detail" text NOT NULL COLLATE NOCASE,
  "nickname" varchar(128) NOT NULL COLLATE NOCASE,
  "customer_id" int NULL,
  CONSTRAINT "REVIEW_DETAIL_CUSTOMER_ID_CUSTOMER_ENTITY_ENTITY_ID" FOREIGN KEY ("customer_id") REFERENCES "customer_entity" ("entity_id") ON DELETE SET NULL,
  CONSTRAINT "REVIEW_DETAIL_REVIEW_ID_REVIEW_REVIEW_ID" FOREIGN KEY ("review_id") REFERENCES "review" ("review_id") ON DELETE CASCADE,
  CONSTRAINT "REVIEW_DETAIL_STORE_ID_STORE_STORE_ID" FOREIGN KEY ("store_id") REFERENCES "store" ("store_id") ON DELETE SET NULL
);
CREATE INDEX "REVIEW_DETAIL_REVIEW_ID" ON "review_detail" ("review_id");
CREATE INDEX "REVIEW_DETAIL_STORE_ID" ON "review_detail" ("store_id");
CREATE INDEX "REVIEW_DETAIL_CUSTOMER_ID" ON "review_detail" ("customer_id");

CREATE TABLE "review_entity" (
  "entity_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "entity_code" varchar(32) NOT NULL COLLATE NOCASE
);

CREATE TABLE "review_status" (
  "status_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "status_code" varchar(32) NOT NULL COLLATE NOCASE
);

CREATE TABLE "sales_creditmemo" (
  "entity_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "store_id" smallint NULL,
  "adjustment_positive" decimal(20,4) NULL,
  "base_shipping_tax_amount" decimal(20,4) NULL,
  "store_to_order_rate" decimal(20,4) NULL,
  "base_discount_amount" decimal(20,4) NULL,
  "base_to_order_rate" decimal(20,4) NULL,
  "grand_total" decimal(20,4) NULL,
  "base_adjustment_negative" decimal(20,4) NULL,
  "base_subtotal_incl_tax" decimal(20,4) NULL,
  "shipping_amount" decimal(20,4) NULL,
  "subtotal_incl_tax" decimal(20,4) NULL,
  "adjustment_negative" decimal(20,4) NULL,
  "base_shipping_amount" decimal(20,4) NULL,
  "store_to_base_rate" decimal(20,4) NULL,
  "base_to_global_rate" decimal(20,4) NULL,
  "base_adjustment" decimal(20,4) NULL,
  "base_subtotal" decimal(20,4) NULL,
  "discount_amount" decimal(20,4) NULL,
  "subtotal" decimal(20,4) NULL,
  "adjustment" decimal(20,4) NULL,
  "base_grand_total" decimal(20,4) NULL,
  "base_adjustment_positive" decimal(20,4) NULL,
  "base_tax_amount" decimal(20,4) NULL,
  "shipping_tax_amount" decimal(20,4) NULL,
  "tax_amount" decimal(20,4) NULL,
  "order_id" int NOT NULL,
  "email_sent" smallint NULL,
  "send_email" smallint NULL,
  "creditmemo_status" int NULL,
  "state" int NULL,
  "shipping_address_id" int NULL,
  "billing_address_id" int NULL,
  "invoice_id" int NULL,
  "store_currency_code" varchar(3) NULL COLLATE NOCASE,
  "order_currency_code" varchar(3) NULL COLLATE NOCASE,
  "base_currency_code" varchar(3) NULL COLLATE NOCASE,
  "global_currency_code" varchar(3) NULL COLLATE NOCASE,
  "transaction_id" varchar(255) NULL COLLATE NOCASE,
  "increment_id" varchar(50) NULL COLLATE NOCASE,
  "created_at" timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "discount_tax_compensation_amount" decimal(20,4) NULL,
  "base_discount_tax_compensation_amount" decimal(20,4) NULL,
  "shipping_discount_tax_compensation_amount" decimal(20,4) NULL,
  "base_shipping_discount_tax_compensation_amnt" decimal(20,4) NULL,
  "shipping_incl_tax" decimal(20,4) NULL,
  "base_shipping_incl_tax" decimal(20,4) NULL,
  "discount_description" varchar(255) NULL COLLATE NOCASE,
  "customer_note" text NULL COLLATE NOCASE,
  "customer_note_notify" smallint NULL,
  CONSTRAINT "SALES_CREDITMEMO_ORDER_ID_SALES_ORDER_ENTITY_ID" FOREIGN KEY ("order_id") REFERENCES "sales_order" ("entity_id") ON DELETE CASCADE,
  CONSTRAINT "SALES_CREDITMEMO_STORE_ID_STORE_STORE_ID" FOREIGN KEY ("store_id") REFERENCES "store" ("store_id") ON DELETE SET NULL
);
CREATE UNIQUE INDEX "SALES_CREDITMEMO_INCREMENT_ID_STORE_ID" ON "sales_creditmemo" ("increment_id", "store_id");
CREATE INDEX "SALES_CREDITMEMO_STORE_ID" ON "sales_creditmemo" ("store_id");
CREATE INDEX "SALES_CREDITMEMO_ORDER_ID" ON "sales_creditmemo" ("order_id");
CREATE INDEX "SALES_CREDITMEMO_CREDITMEMO_STATUS" ON "sales_creditmemo" ("creditmemo_status");
CREATE INDEX "SALES_CREDITMEMO_STATE" ON "sales_creditmemo" ("state");
CREATE INDEX "SALES_CREDITMEMO_CREATED_AT" ON "sales_creditmemo" ("created_at");
CREATE INDEX "SALES_CREDITMEMO_UPDATED_AT" ON "sales_creditmemo" ("updated_at");
CREATE INDEX "SALES_CREDITMEMO_SEND_EMAIL" ON "sales_creditmemo" ("send_email");
CREATE INDEX "SALES_CREDITMEMO_EMAIL_SENT" ON "sales_creditmemo" ("email_sent");
CREATE TRIGGER "sales_creditmemo_updated_at_on_update" AFTER UPDATE ON "sales_creditmemo" FOR EACH ROW
WHEN NEW."updated_at" IS OLD."updated_at"
BEGIN
  UPDATE "sales_creditmemo" SET "updated_at" = CURRENT_TIMESTAMP WHERE rowid = NEW.rowid;
END;

CREATE TABLE "sales_creditmemo_comment" (
  "entity_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "parent_id" int NOT NULL,
  "is_customer_notified" int NULL,
  "is_visible_on_front" smallint NOT NULL DEFAULT 0,
  "comment" text NULL COLLATE NOCASE,
  "created_at" timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamp NULL DEFAULT CURRENT_TIMESTAMP,
  "user_id" int NOT NULL DEFAULT 0,
  "user_type" int NOT NULL DEFAULT 0,
  CONSTRAINT "SALES_CREDITMEMO_COMMENT_PARENT_ID_SALES_CREDITMEMO_ENTITY_ID" FOREIGN KEY ("parent_id") REFERENCES "sales_creditmemo" ("entity_id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "SALES_CREDITMEMO_COMMENT_ENTITY_ID_USER_ID_USER_TYPE" ON "sales_creditmemo_comment" ("entity_id", "user_id", "user_type");
CREATE INDEX "SALES_CREDITMEMO_COMMENT_CREATED_AT" ON "sales_creditmemo_comment" ("created_at");
CREATE INDEX "SALES_CREDITMEMO_COMMENT_PARENT_ID" ON "sales_creditmemo_comment" ("parent_id");
CREATE TRIGGER "sales_creditmemo_comment_updated_at_on_update" AFTER UPDATE ON "sales_creditmemo_comment" FOR EACH ROW
WHEN NEW."updated_at" IS OLD."updated_at"
BEGIN
  UPDATE "sales_creditmemo_comment" SET "updated_at" = CURRENT_TIMESTAMP WHERE rowid = NEW.rowid;
END;

CREATE TABLE "sales_creditmemo_grid" (
  "entity_id" int NOT NULL,
  "increment_id" varchar(50) NULL COLLATE NOCASE,
  "created_at" timestamp NULL,
  "updated_at" timestamp NULL,
  "order_id" int NOT NULL,
  "order_increment_id" varchar(50) NULL COLLATE NOCASE,
  "order_created_at" timestamp NULL,
  "billing_name" varchar(255) NULL COLLATE NOCASE,
  "state" int NULL,
  "base_grand_total" decimal(20,4) NULL,
  "order_status" varchar(32) NULL COLLATE NOCASE,
  "store_id" smallint NULL,
  "billing_address" varchar(255) NULL COLLATE NOCASE,
  "shipping_address" varchar(255) NULL COLLATE NOCASE,
  "customer_name" varchar(128) NOT NULL COLLATE NOCASE,
  "customer_email" varchar(128) NULL COLLATE NOCASE,
  "customer_group_id" smallint NULL,
  "payment_method" varchar(32) NULL COLLATE NOCASE,
  "shipping_information" varchar(255) NULL COLLATE NOCASE,
  "subtotal" decimal(20,4) NULL,
  "shipping_and_handling" decimal(20,4) NULL,
  "adjustment_positive" decimal(20,4) NULL,
  "adjustment_negative" decimal(20,4) NULL,
  "order_base_grand_total" decimal(20,4) NULL,
  PRIMARY KEY ("entity_id")
);
CREATE UNIQUE INDEX "SALES_CREDITMEMO_GRID_INCREMENT_ID_STORE_ID" ON "sales_creditmemo_grid" ("increment_id", "store_id");
CREATE INDEX "SALES_CREDITMEMO_GRID_ORDER_INCREMENT_ID" ON "sales_creditmemo_grid" ("order_increment_id");
CREATE INDEX "SALES_CREDITMEMO_GRID_CREATED_AT" ON "sales_creditmemo_grid" ("created_at");
CREATE INDEX "SALES_CREDITMEMO_GRID_UPDATED_AT" ON "sales_creditmemo_grid" ("updated_at");
CREATE INDEX "SALES_CREDITMEMO_GRID_ORDER_CREATED_AT" ON "sales_creditmemo_grid" ("order_created_at");
CREATE INDEX "SALES_CREDITMEMO_GRID_STATE" ON "sales_creditmemo_grid" ("state");
CREATE INDEX "SALES_CREDITMEMO_GRID_BILLING_NAME" ON "sales_creditmemo_grid" ("billing_name");
CREATE INDEX "SALES_CREDITMEMO_GRID_ORDER_STATUS" ON "sales_creditmemo_grid" ("order_status");
CREATE INDEX "SALES_CREDITMEMO_GRID_BASE_GRAND_TOTAL" ON "sales_creditmemo_grid" ("base_grand_total");
CREATE INDEX "SALES_CREDITMEMO_GRID_STORE_ID" ON "sales_creditmemo_grid" ("store_id");
CREATE INDEX "SALES_CREDITMEMO_GRID_ORDER_BASE_GRAND_TOTAL" ON "sales_creditmemo_grid" ("order_base_grand_total");
CREATE INDEX "SALES_CREDITMEMO_GRID_ORDER_ID" ON "sales_creditmemo_grid" ("order_id");

CREATE TABLE "sales_invoice" (
  "entity_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "store_id" smallint NULL,
  "base_grand_total" decimal(20,4) NULL,
  "shipping_tax_amount" decimal(20,4) NULL,
  "tax_amount" decimal(20,4) NULL,
  "base_tax_amount" decimal(20,4) NULL,
  "store_to_order_rate" decimal(20,4) NULL,
  "base_shipping_tax_amount" decimal(20,4) NULL,
  "base_discount_amount" decimal(20,4) NULL,
  "base_to_order_rate" decimal(20,4) NULL,
  "grand_total" decimal(20,4) NULL,
  "shipping_amount" decimal(20,4) NULL,
  "subtotal_incl_tax" decimal(20,4) NULL,
  "base_subtotal_incl_tax" decimal(20,4) NULL,
  "store_to_base_rate" decimal(20,4) NULL,
  "base_shipping_amount" decimal(20,4) NULL,
  "total_qty" decimal(12,4) NULL,
  "base_to_global_rate" decimal(20,4) NULL,
  "subtotal" decimal(20,4) NULL,
  "base_subtotal" decimal(20,4) NULL,
  "discount_amount" decimal(20,4) NULL,
  "billing_address_id" int NULL,
  "is_used_for_refund" smallint NULL,
  "order_id" int NOT NULL,
  "email_sent" smallint NULL,
  "send_email" smallint NULL,
  "can_void_flag" smallint NULL,
  "state" int NULL,
  "shipping_address_id" int NULL,
  "store_currency_code" varchar(3) NULL COLLATE NOCASE,
  "transaction_id" varchar(255) NULL COLLATE NOCASE,
  "order_currency_code" varchar(3) NULL COLLATE NOCASE,
  "base_currency_code" varchar(3) NULL COLLATE NOCASE,
  "global_currency_code" varchar(3) NULL COLLATE NOCASE,
  "increment_id" varchar(50) NULL COLLATE NOCASE,
  "created_at" timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "discount_tax_compensation_amount" decimal(20,4) NULL,
  "base_discount_tax_compensation_amount" decimal(20,4) NULL,
  "shipping_discount_tax_compensation_amount" decimal(20,4) NULL,
  "base_shipping_discount_tax_compensation_amnt" decimal(20,4) NULL,
  "shipping_incl_tax" decimal(20,4) NULL,
  "base_shipping_incl_tax" decimal(20,4) NULL,
  "base_total_refunded" decimal(20,4) NULL,
  "discount_description" varchar(255) NULL COLLATE NOCASE,
  "customer_note" text NULL COLLATE NOCASE,
  "customer_note_notify" smallint NULL,
  CONSTRAINT "SALES_INVOICE_ORDER_ID_SALES_ORDER_ENTITY_ID" FOREIGN KEY ("order_id") REFERENCES "sales_order" ("entity_id") ON DELETE CASCADE,
  CONSTRAINT "SALES_INVOICE_STORE_ID_STORE_STORE_ID" FOREIGN KEY ("store_id") REFERENCES "store" ("store_id") ON DELETE SET NULL
);
CREATE UNIQUE INDEX "SALES_INVOICE_INCREMENT_ID_STORE_ID" ON "sales_invoice" ("increment_id", "store_id");
CREATE INDEX "SALES_INVOICE_STORE_ID" ON "sales_invoice" ("store_id");
CREATE INDEX "SALES_INVOICE_GRAND_TOTAL" ON "sales_invoice" ("grand_total");
CREATE INDEX "SALES_INVOICE_ORDER_ID" ON "sales_invoice" ("order_id");
CREATE INDEX "SALES_INVOICE_STATE" ON "sales_invoice" ("state");
CREATE INDEX "SALES_INVOICE_CREATED_AT" ON "sales_invoice" ("created_at");
CREATE INDEX "SALES_INVOICE_UPDATED_AT" ON "sales_invoice" ("updated_at");
CREATE INDEX "SALES_INVOICE_SEND_EMAIL" ON "sales_invoice" ("send_email");
CREATE INDEX "SALES_INVOICE_EMAIL_SENT" ON "sales_invoice" ("email_sent");
CREATE TRIGGER "sales_invoice_updated_at_on_update" AFTER UPDATE ON "sales_invoice" FOR EACH ROW
WHEN NEW."updated_at" IS OLD."updated_at"
BEGIN
  UPDATE "sales_invoice" SET "updated_at" = CURRENT_TIMESTAMP WHERE rowid = NEW.rowid;
END;

CREATE TABLE "sales_invoice_comment" (
  "entity_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "parent_id" int NOT NULL,
  "is_customer_notified" smallint NULL,
  "is_visible_on_front" smallint NOT NULL DEFAULT 0,
  "comment" text NULL COLLATE NOCASE,
  "created_at" timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamp NULL DEFAULT CURRENT_TIMESTAMP,
  "user_id" int NOT NULL DEFAULT 0,
  "user_type" int NOT NULL DEFAULT 0,
  CONSTRAINT "SALES_INVOICE_COMMENT_PARENT_ID_SALES_INVOICE_ENTITY_ID" FOREIGN KEY ("parent_id") REFERENCES "sales_invoice" ("entity_id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "SALES_INVOICE_COMMENT_ENTITY_ID_USER_ID_USER_TYPE" ON "sales_invoice_comment" ("entity_id", "user_id", "user_type");
CREATE INDEX "SALES_INVOICE_COMMENT_CREATED_AT" ON "sales_invoice_comment" ("created_at");
CREATE INDEX "SALES_INVOICE_COMMENT_PARENT_ID" ON "sales_invoice_comment" ("parent_id");
CREATE TRIGGER "sales_invoice_comment_updated_at_on_update" AFTER UPDATE ON "sales_invoice_comment" FOR EACH ROW
WHEN NEW."updated_at" IS OLD."updated_at"
BEGIN
  UPDATE "sales_invoice_comment" SET "updated_at" = CURRENT_TIMESTAMP WHERE rowid = NEW.rowid;
END;

CREATE TABLE "sales_invoice_grid" (
  "entity_id" int NOT NULL,
  "increment_id" varchar(50) NULL COLLATE NOCASE,
  "state" int NULL,
  "store_id" smallint NULL,
  "store_name" varchar(255) NULL COLLATE NOCASE,
  "order_id" int NOT NULL,
  "order_increment_id" varchar(50) NULL COLLATE NOCASE,
  "order_created_at" timestamp NULL,
  "customer_name" varchar(255) NULL COLLATE NOCASE,
  "customer_email" varchar(255) NULL COLLATE NOCASE,
  "customer_group_id" int NULL,
  "payment_method" varchar(128) NULL COLLATE NOCASE,
  "store_currency_code" varchar(3) NULL COLLATE NOCASE,
  "order_currency_code" varchar(3) NULL COLLATE NOCASE,
  "base_currency_code" varchar(3) NULL COLLATE NOCASE,
  "global_currency_code" varchar(3) NULL COLLATE NOCASE,
  "billing_name" varchar(255) NULL COLLATE NOCASE,
  "billing_address" varchar(255) NULL COLLATE NOCASE,
  "shipping_address" varchar(255) NULL COLLATE NOCASE,
  "shipping_information" varchar(255) NULL COLLATE NOCASE,
  "subtotal" decimal(20,4) NULL,
  "shipping_and_handling" decimal(20,4) NULL,
  "grand_total" decimal(20,4) NULL,
  "created_at" timestamp NULL,
  "updated_at" timestamp NULL,
  "base_grand_total" decimal(20,4) NULL,
  PRIMARY KEY ("entity_id")
);
CREATE UNIQUE INDEX "SALES_INVOICE_GRID_INCREMENT_ID_STORE_ID" ON "sales_invoice_grid" ("increment_id", "store_id");
CREATE INDEX "SALES_INVOICE_GRID_STORE_ID" ON "sales_invoice_grid" ("store_id");
CREATE INDEX "SALES_INVOICE_GRID_GRAND_TOTAL" ON "sales_invoice_grid" ("grand_total");
CREATE INDEX "SALES_INVOICE_GRID_ORDER_ID" ON "sales_invoice_grid" ("order_id");
CREATE INDEX "SALES_INVOICE_GRID_STATE" ON "sales_invoice_grid" ("state");
CREATE INDEX "SALES_INVOICE_GRID_ORDER_INCREMENT_ID" ON "sales_invoice_grid" ("order_increment_id");
CREATE INDEX "SALES_INVOICE_GRID_CREATED_AT" ON "sales_invoice_grid" ("created_at");
CREATE INDEX "SALES_INVOICE_GRID_UPDATED_AT" ON "sales_invoice_grid" ("updated_at");
CREATE INDEX "SALES_INVOICE_GRID_ORDER_CREATED_AT" ON "sales_invoice_grid" ("order_created_at");
CREATE INDEX "SALES_INVOICE_GRID_BILLING_NAME" ON "sales_invoice_grid" ("billing_name");
CREATE INDEX "SALES_INVOICE_GRID_BASE_GRAND_TOTAL" ON "sales_invoice_grid" ("base_grand_total");

CREATE TABLE "sales_order" (
  "entity_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "state" varchar(32) NULL COLLATE NOCASE,
  "status" varchar(32) NULL COLLATE NOCASE,
  "coupon_code" varchar(255) NULL COLLATE NOCASE,
  "protect_code" varchar(255) NULL COLLATE NOCASE,
  "shipping_description" varchar(255) NULL COLLATE NOCASE,
  "is_virtual" smallint NULL,
  "store_id" smallint NULL,
  "customer_id" int NULL,
  "base_discount_amount" decimal(20,4) NULL,
  "base_discount_canceled" decimal(20,4) NULL,
  "base_discount_invoiced" decimal(20,4) NULL,
  "base_discount_refunded" decimal(20,4) NULL,
  "base_grand_total" decimal(20,4) NULL,
  "base_shipping_amount" decimal(20,4) NULL,
  "base_shipping_canceled" decimal(20,4) NULL,
  "base_shipping_invoiced" decimal(20,4) NULL,
  "base_shipping_refunded" decimal(20,4) NULL,
  "base_shipping_tax_amount" decimal(20,4) NULL,
  "base_shipping_tax_refunded" decimal(20,4) NULL,
  "base_subtotal" decimal(20,4) NULL,
  "base_subtotal_canceled" decimal(20,4) NULL,
  "base_subtotal_invoiced" decimal(20,4) NULL,
  "base_subtotal_refunded" decimal(20,4) NULL,
  "base_tax_amount" decimal(20,4) NULL,
  "base_tax_canceled" decimal(20,4) NULL,
  "base_tax_invoiced" decimal(20,4) NULL,
  "base_tax_refunded" decimal(20,4) NULL,
  "base_to_global_rate" decimal(20,4) NULL,
  "base_to_order_rate" decimal(20,4) NULL,
  "base_total_canceled" decimal(20,4) NULL,
  "base_total_invoiced" decimal(20,4) NULL,
  "base_total_invoiced_cost" decimal(20,4) NULL,
  "base_total_offline_refunded" decimal(20,4) NULL,
  "base_total_online_refunded" decimal(20,4) NULL,
  "base_total_paid" decimal(20,4) NULL,
  "base_total_qty_ordered" decimal(12,4) NULL,
  "base_total_refunded" decimal(20,4) NULL,
  "discount_amount" decimal(20,4) NULL,
  "discount_canceled" decimal(20,4) NULL,
  "discount_invoiced" decimal(20,4) NULL,
  "discount_refunded" decimal(20,4) NULL,
  "grand_total" decimal(20,4) NULL,
  "shipping_amount" decimal(20,4) NULL,
  "shipping_canceled" decimal(20,4) NULL,
  "shipping_invoiced" decimal(20,4) NULL,
  "shipping_refunded" decimal(20,4) NULL,
  "shipping_tax_amount" decimal(20,4) NULL,
  "shipping_tax_refunded" decimal(20,4) NULL,
  "store_to_base_rate" decimal(12,4) NULL,
  "store_to_order_rate" decimal(12,4) NULL,
  "subtotal" decimal(20,4) NULL,
  "subtotal_canceled" decimal(20,4) NULL,
  "subtotal_invoiced" decimal(20,4) NULL,
  "subtotal_refunded" decimal(20,4) NULL,
  "tax_amount" decimal(20,4) NULL,
  "tax_canceled" decimal(20,4) NULL,
  "tax_invoiced" decimal(20,4) NULL,
  "tax_refunded" decimal(20,4) NULL,
  "total_canceled" decimal(20,4) NULL,
  "total_invoiced" decimal(20,4) NULL,
  "total_offline_refunded" decimal(20,4) NULL,
  "total_online_refunded" decimal(20,4) NULL,
  "total_paid" decimal(20,4) NULL,
  "total_qty_ordered" decimal(12,4) NULL,
  "total_refunded" decimal(20,4) NULL,
  "can_ship_partially" smallint NULL,
  "can_ship_partially_item" smallint NULL,
  "customer_is_guest" smallint NULL,
  "customer_note_notify" smallint NULL,
  "billing_address_id" int NULL,
  "customer_group_id" int NULL,
  "edit_increment" int NULL,
  "email_sent" smallint NULL,
  "send_email" smallint NULL,
  "forced_shipment_with_invoice" smallint NULL,
  "payment_auth_expiration" int NULL,
  "quote_address_id" int NULL,
  "quote_id" int NULL,
  "shipping_address_id" int NULL,
  "adjustment_negative" decimal(20,4) NULL,
  "adjustment_positive" decimal(20,4) NULL,
  "base_adjustment_negative" decimal(20,4) NULL,
  "base_adjustment_positive" decimal(20,4) NULL,
  "base_shipping_discount_amount" decimal(20,4) NULL,
  "base_subtotal_incl_tax" decimal(20,4) NULL,
  "base_total_due" decimal(20,4) NULL,
  "payment_authorization_amount" decimal(20,4) NULL,
  "shipping_discount_amount" decimal(20,4) NULL,
  "subtotal_incl_tax" decimal(20,4) NULL,
  "total_due" decimal(20,4) NULL,
  "weight" decimal(12,4) NULL,
  "customer_dob" datetime NULL,
  "increment_id" varchar(50) NULL COLLATE NOCASE,
  "applied_rule_ids" varchar(128) NULL COLLATE NOCASE,
  "base_currency_code" varchar(3) NULL COLLATE NOCASE,
  "customer_email" varchar(128) NULL COLLATE NOCASE,
  "customer_firstname" varchar(128) NULL COLLATE NOCASE,
  "customer_lastname" varchar(128) NULL COLLATE NOCASE,
  "customer_middlename" varchar(128) NULL COLLATE NOCASE,
  "customer_prefix" varchar(32) NULL COLLATE NOCASE,
  "customer_suffix" varchar(32) NULL COLLATE NOCASE,
  "customer_taxvat" varchar(32) NULL COLLATE NOCASE,
  "discount_description" varchar(255) NULL COLLATE NOCASE,
  "ext_customer_id" varchar(32) NULL COLLATE NOCASE,
  "ext_order_id" varchar(32) NULL COLLATE NOCASE,
  "global_currency_code" varchar(3) NULL COLLATE NOCASE,
  "hold_before_state" varchar(32) NULL COLLATE NOCASE,
  "hold_before_status" varchar(32) NULL COLLATE NOCASE,
  "order_currency_code" varchar(3) NULL COLLATE NOCASE,
  "original_increment_id" varchar(50) NULL COLLATE NOCASE,
  "relation_child_id" varchar(32) NULL COLLATE NOCASE,
  "relation_child_real_id" varchar(32) NULL COLLATE NOCASE,
  "relation_parent_id" varchar(32) NULL COLLATE NOCASE,
  "relation_parent_real_id" varchar(32) NULL COLLATE NOCASE,
  "remote_ip" varchar(45) NULL COLLATE NOCASE,
  "shipping_method" varchar(120) NULL COLLATE NOCASE,
  "store_currency_code" varchar(3) NULL COLLATE NOCASE,
  "store_name" varchar(255) NULL COLLATE NOCASE,
  "x_forwarded_for" varchar(255) NULL COLLATE NOCASE,
  "customer_note" text NULL COLLATE NOCASE,
  "created_at" timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "total_item_count" smallint NOT NULL DEFAULT 0,
  "customer_gender" int NULL,
  "discount_tax_compensation_amount" decimal(20,4) NULL,
  "base_discount_tax_compensation_amount" decimal(20,4) NULL,
  "shipping_discount_tax_compensation_amount" decimal(20,4) NULL,
  "base_shipping_discount_tax_compensation_amnt" decimal(20,4) NULL,
  "discount_tax_compensation_invoiced" decimal(20,4) NULL,
  "base_discount_tax_compensation_invoiced" decimal(20,4) NULL,
  "discount_tax_compensation_refunded" decimal(20,4) NULL,
  "base_discount_tax_compensation_refunded" decimal(20,4) NULL,
  "shipping_incl_tax" decimal(20,4) NULL,
  "base_shipping_incl_tax" decimal(20,4) NULL,
  "coupon_rule_name" varchar(255) NULL COLLATE NOCASE,
  "gift_message_id" int NULL,
  "paypal_ipn_customer_notified" int NULL DEFAULT 0,
  CONSTRAINT "SALES_ORDER_CUSTOMER_ID_CUSTOMER_ENTITY_ENTITY_ID" FOREIGN KEY ("customer_id") REFERENCES "customer_entity" ("entity_id") ON DELETE SET NULL,
  CONSTRAINT "SALES_ORDER_STORE_ID_STORE_STORE_ID" FOREIGN KEY ("store_id") REFERENCES "store" ("store_id") ON DELETE SET NULL
);
CREATE UNIQUE INDEX "SALES_ORDER_INCREMENT_ID_STORE_ID" ON "sales_order" ("increment_id", "store_id");
CREATE INDEX "SALES_ORDER_STATUS" ON "sales_order" ("status");
CREATE INDEX "SALES_ORDER_STATE" ON "sales_order" ("state");
CREATE INDEX "SALES_ORDER_STORE_ID" ON "sales_order" ("store_id");
CREATE INDEX "SALES_ORDER_CREATED_AT" ON "sales_order" ("created_at");
CREATE INDEX "SALES_ORDER_CUSTOMER_ID" ON "sales_order" ("customer_id");
CREATE INDEX "SALES_ORDER_EXT_ORDER_ID" ON "sales_order" ("ext_order_id");
CREATE INDEX "SALES_ORDER_QUOTE_ID" ON "sales_order" ("quote_id");
CREATE INDEX "SALES_ORDER_UPDATED_AT" ON "sales_order" ("updated_at");
CREATE INDEX "SALES_ORDER_SEND_EMAIL" ON "sales_order" ("send_email");
CREATE INDEX "SALES_ORDER_EMAIL_SENT" ON "sales_order" ("email_sent");
CREATE INDEX "SALES_ORDER_STORE_STATE_CREATED" ON "sales_order" ("store_id", "state", "created_at");
CREATE TRIGGER "sales_order_updated_at_on_update" AFTER UPDATE ON "sales_order" FOR EACH ROW
WHEN NEW."updated_at" IS OLD."updated_at"
BEGIN
  UPDATE "sales_order" SET "updated_at" = CURRENT_TIMESTAMP WHERE rowid = NEW.rowid;
END;

CREATE TABLE "sales_order_address" (
  "entity_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "parent_id" int NULL,
  "customer_address_id" int NULL,
  "quote_address_id" int NULL,
  "region_id" int NULL,
  "customer_id" int NULL,
  "fax" varchar(255) NULL COLLATE NOCASE,
  "region" varchar(255) NULL COLLATE NOCASE,
  "postcode" varchar(255) NULL COLLATE NOCASE,
  "lastname" varchar(255) NULL COLLATE NOCASE,
  "street" varchar(255) NULL COLLATE NOCASE,
  "city" varchar(255) NULL COLLATE NOCASE,
  "email" varchar(255) NULL COLLATE NOCASE,
  "telephone" varchar(255) NULL COLLATE NOCASE,
  "country_id" varchar(2) NULL COLLATE NOCASE,
  "firstname" varchar(255) NULL COLLATE NOCASE,
  "address_type" varchar(255) NULL COLLATE NOCASE,
  "prefix" varchar(255) NULL COLLATE NOCASE,
  "middlename" varchar(255) NULL COLLATE NOCASE,
  "suffix" varchar(255) NULL COLLATE NOCASE,
  "company" varchar(255) NULL COLLATE NOCASE,
  "vat_id" text NULL COLLATE NOCASE,
  "vat_is_valid" smallint NULL,
  "vat_request_id" text NULL COLLATE NOCASE,
  "vat_request_date" text NULL COLLATE NOCASE,
  "vat_request_success" smallint NULL,
  CONSTRAINT "SALES_ORDER_ADDRESS_PARENT_ID_SALES_ORDER_ENTITY_ID" FOREIGN KEY ("parent_id") REFERENCES "sales_order" ("entity_id") ON DELETE CASCADE
);
CREATE INDEX "SALES_ORDER_ADDRESS_PARENT_ID" ON "sales_order_address" ("parent_id");

CREATE TABLE "sales_order_grid" (
  "entity_id" int NOT NULL,
  "status" varchar(32) NULL COLLATE NOCASE,
  "store_id" smallint NULL,
  "store_name" varchar(255) NULL COLLATE NOCASE,
  "customer_id" int NULL,
  "base_grand_total" decimal(20,4) NULL,
  "base_total_paid" decimal(20,4) NULL,
  "grand_total" decimal(20,4) NULL,
  "total_paid" decimal(20,4) NULL,
  "increment_id" varchar(50) NULL COLLATE NOCASE,
  "base_currency_code" varchar(3) NULL COLLATE NOCASE,
  "order_currency_code" varchar(255) NULL COLLATE NOCASE,
  "shipping_name" varchar(255) NULL COLLATE NOCASE,
  "billing_name" varchar(255) NULL COLLATE NOCASE,
  "created_at" timestamp NULL,
  "updated_at" timestamp NULL,
  "billing_address" varchar(255) NULL COLLATE NOCASE,
  "shipping_address" varchar(255) NULL COLLATE NOCASE,
  "shipping_information" varchar(255) NULL COLLATE NOCASE,
  "customer_email" varchar(255) NULL COLLATE NOCASE,
  "customer_group" varchar(255) NULL COLLATE NOCASE,
  "subtotal" decimal(20,4) NULL,
  "shipping_and_handling" decimal(20,4) NULL,
  "customer_name" varchar(255) NULL COLLATE NOCASE,
  "payment_method" varchar(255) NULL COLLATE NOCASE,
  "total_refunded" decimal(20,4) NULL,
  PRIMARY KEY ("entity_id")
);
CREATE UNIQUE INDEX "SALES_ORDER_GRID_INCREMENT_ID_STORE_ID" ON "sales_order_grid" ("increment_id", "store_id");
CREATE INDEX "SALES_ORDER_GRID_STATUS" ON "sales_order_grid" ("status");
CREATE INDEX "SALES_ORDER_GRID_STORE_ID" ON "sales_order_grid" ("store_id");
CREATE INDEX "SALES_ORDER_GRID_BASE_GRAND_TOTAL" ON "sales_order_grid" ("base_grand_total");
CREATE INDEX "SALES_ORDER_GRID_BASE_TOTAL_PAID" ON "sales_order_grid" ("base_total_paid");
CREATE INDEX "SALES_ORDER_GRID_GRAND_TOTAL" ON "sales_order_grid" ("grand_total");
CREATE INDEX "SALES_ORDER_GRID_TOTAL_PAID" ON "sales_order_grid" ("total_paid");
CREATE INDEX "SALES_ORDER_GRID_SHIPPING_NAME" ON "sales_order_grid" ("shipping_name");
CREATE INDEX "SALES_ORDER_GRID_BILLING_NAME" ON "sales_order_grid" ("billing_name");
CREATE INDEX "SALES_ORDER_GRID_CREATED_AT" ON "sales_order_grid" ("created_at");
CREATE INDEX "SALES_ORDER_GRID_CUSTOMER_ID" ON "sales_order_grid" ("customer_id");
CREATE INDEX "SALES_ORDER_GRID_UPDATED_AT" ON "sales_order_grid" ("updated_at");

CREATE TABLE "sales_order_item" (
  "item_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "order_id" int NOT NULL DEFAULT 0,
  "parent_item_id" int NULL,
  "quote_item_id" int NULL,
  "store_id" smallint NULL,
  "created_at" timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "product_id" int NULL,
  "product_type" varchar(255) NULL COLLATE NOCASE,
  "product_options" longtext NULL COLLATE NOCASE,
  "weight" decimal(12,4) NULL DEFAULT 0,
  "is_virtual" smallint NULL,
  "sku" varchar(255) NULL COLLATE NOCASE,
  "name" varchar(255) NULL COLLATE NOCASE,
  "description" text NULL COLLATE NOCASE,
  "applied_rule_ids" text NULL COLLATE NOCASE,
  "additional_data" text NULL COLLATE NOCASE,
  "is_qty_decimal" smallint NULL,
  "no_discount" smallint NOT NULL DEFAULT 0,
  "qty_backordered" decimal(12,4) NULL DEFAULT 0,
  "qty_canceled" decimal(12,4) NULL DEFAULT 0,
  "qty_invoiced" decimal(12,4) NULL DEFAULT 0,
  "qty_ordered" decimal(12,4) NULL DEFAULT 0,
  "qty_refunded" decimal(12,4) NULL DEFAULT 0,
  "qty_shipped" decimal(12,4) NULL DEFAULT 0,
  "base_cost" decimal(12,4) NULL DEFAULT 0,
  "price" decimal(20,4) NOT NULL DEFAULT 0,
  "base_price" decimal(20,4) NOT NULL DEFAULT 0,
  "original_price" decimal(20,4) NULL,
  "base_original_price" decimal(20,4) NULL,
  "tax_percent" decimal(12,4) NULL DEFAULT 0,
  "tax_amount" decimal(20,4) NULL DEFAULT 0,
  "base_tax_amount" decimal(20,4) NULL DEFAULT 0,
  "tax_invoiced" decimal(20,4) NULL DEFAULT 0,
  "base_tax_invoiced" decimal(20,4) NULL DEFAULT 0,
  "discount_percent" decimal(12,4) NULL DEFAULT 0,
  "discount_amount" decimal(20,4) NULL DEFAULT 0,
  "base_discount_amount" decimal(20,4) NULL DEFAULT 0,
  "discount_invoiced" decimal(20,4) NULL DEFAULT 0,
  "base_discount_invoiced" decimal(20,4) NULL DEFAULT 0,
  "amount_refunded" decimal(20,4) NULL DEFAULT 0,
  "base_amount_refunded" decimal(20,4) NULL DEFAULT 0,
  "row_total" decimal(20,4) NOT NULL DEFAULT 0,
  "base_row_total" decimal(20,4) NOT NULL DEFAULT 0,
  "row_invoiced" decimal(20,4) NOT NULL DEFAULT 0,
  "base_row_invoiced" decimal(20,4) NOT NULL DEFAULT 0,
  "row_weight" decimal(12,4) NULL DEFAULT 0,
  "base_tax_before_discount" decimal(20,4) NULL,
  "tax_before_discount" decimal(20,4) NULL,
  "ext_order_item_id" varchar(255) NULL COLLATE NOCASE,
  "locked_do_invoice" smallint NULL,
  "locked_do_ship" smallint NULL,
  "price_incl_tax" decimal(20,4) NULL,
  "base_price_incl_tax" decimal(20,4) NULL,
  "row_total_incl_tax" decimal(20,4) NULL,
  "base_row_total_incl_tax" decimal(20,4) NULL,
  "discount_tax_compensation_amount" decimal(20,4) NULL,
  "base_discount_tax_compensation_amount" decimal(20,4) NULL,
  "discount_tax_compensation_invoiced" decimal(20,4) NULL,
  "base_discount_tax_compensation_invoiced" decimal(20,4) NULL,
  "discount_tax_compensation_refunded" decimal(20,4) NULL,
  "base_discount_tax_compensation_refunded" decimal(20,4) NULL,
  "tax_canceled" decimal(12,4) NULL,
  "discount_tax_compensation_canceled" decimal(20,4) NULL,
  "tax_refunded" decimal(20,4) NULL,
  "base_tax_refunded" decimal(20,4) NULL,
  "discount_refunded" decimal(20,4) NULL,
  "base_discount_refunded" decimal(20,4) NULL,
  "gift_message_id" int NULL,
  "gift_message_available" int NULL,
  "free_shipping" smallint NOT NULL DEFAULT 0,
  "weee_tax_applied" text NULL COLLATE NOCASE,
  "weee_tax_applied_amount" decimal(12,4) NULL,
  "weee_tax_applied_row_amount" decimal(12,4) NULL,
  "weee_tax_disposition" decimal(12,4) NULL,
  "weee_tax_row_disposition" decimal(12,4) NULL,
  "base_weee_tax_applied_amount" decimal(12,4) NULL,
  "base_weee_tax_applied_row_amnt" decimal(12,4) NULL,
  "base_weee_tax_disposition" decimal(12,4) NULL,
  "base_weee_tax_row_disposition" decimal(12,4) NULL,
  CONSTRAINT "SALES_ORDER_ITEM_ORDER_ID_SALES_ORDER_ENTITY_ID" FOREIGN KEY ("order_id") REFERENCES "sales_order" ("entity_id") ON DELETE CASCADE,
  CONSTRAINT "SALES_ORDER_ITEM_STORE_ID_STORE_STORE_ID" FOREIGN KEY ("store_id") REFERENCES "store" ("store_id") ON DELETE SET NULL
);
CREATE INDEX "SALES_ORDER_ITEM_ORDER_ID" ON "sales_order_item" ("order_id");
CREATE INDEX "SALES_ORDER_ITEM_STORE_ID" ON "sales_order_item" ("store_id");
CREATE TRIGGER "sales_order_item_updated_at_on_update" AFTER UPDATE ON "sales_order_item" FOR EACH ROW
WHEN NEW."updated_at" IS OLD."updated_at"
BEGIN
  UPDATE "sales_order_item" SET "updated_at" = CURRENT_TIMESTAMP WHERE rowid = NEW.rowid;
END;

CREATE TABLE "sales_order_payment" (
  "entity_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "parent_id" int NOT NULL,
  "base_shipping_captured" decimal(20,4) NULL,
  "shipping_captured" decimal(20,4) NULL,
  "amount_refunded" decimal(20,4) NULL,
  "base_amount_paid" decimal(20,4) NULL,
  "amount_canceled" decimal(20,4) NULL,
  "base_amount_authorized" decimal(20,4) NULL,
  "base_amount_paid_online" decimal(20,4) NULL,
  "base_amount_refunded_online" decimal(20,4) NULL,
  "base_shipping_amount" decimal(20,4) NULL,
  "shipping_amount" decimal(20,4) NULL,
  "amount_paid" decimal(20,4) NULL,
  "amount_authorized" decimal(20,4) NULL,
  "base_amount_ordered" decimal(20,4) NULL,
  "base_shipping_refunded" decimal(20,4) NULL,
  "shipping_refunded" decimal(20,4) NULL,
  "base_amount_refunded" decimal(20,4) NULL,
  "amount_ordered" decimal(20,4) NULL,
  "base_amount_canceled" decimal(20,4) NULL,
  "quote_payment_id" int NULL,
  "additional_data" text NULL COLLATE NOCASE,
  "cc_exp_month" varchar(12) NULL COLLATE NOCASE,
  "cc_ss_start_year" varchar(12) NULL COLLATE NOCASE,
  "echeck_bank_name" varchar(128) NULL COLLATE NOCASE,
  "method" varchar(128) NULL COLLATE NOCASE,
  "cc_debug_request_body" varchar(32) NULL COLLATE NOCASE,
  "cc_secure_verify" varchar(32) NULL COLLATE NOCASE,
  "protection_eligibility" varchar(32) NULL COLLATE NOCASE,
  "cc_approval" varchar(32) NULL COLLATE NOCASE,
  "cc_last_4" varchar(100) NULL COLLATE NOCASE,
  "cc_status_description" varchar(32) NULL COLLATE NOCASE,
  "echeck_type" varchar(32) NULL COLLATE NOCASE,
  "cc_debug_response_serialized" varchar(32) NULL COLLATE NOCASE,
  "cc_ss_start_month" varchar(128) NULL COLLATE NOCASE,
  "echeck_account_type" varchar(255) NULL COLLATE NOCASE,
  "last_trans_id" varchar(255) NULL COLLATE NOCASE,
  "cc_cid_status" varchar(32) NULL COLLATE NOCASE,
  "cc_owner" varchar(128) NULL COLLATE NOCASE,
  "cc_type" varchar(32) NULL COLLATE NOCASE,
  "po_number" varchar(32) NULL COLLATE NOCASE,
  "cc_exp_year" varchar(4) NULL COLLATE NOCASE,
  "cc_status" varchar(4) NULL COLLATE NOCASE,
  "echeck_routing_number" varchar(32) NULL COLLATE NOCASE,
  "account_status" varchar(32) NULL COLLATE NOCASE,
  "anet_trans_method" varchar(32) NULL COLLATE NOCASE,
  "cc_debug_response_body" varchar(32) NULL COLLATE NOCASE,
  "cc_ss_issue" varchar(32) NULL COLLATE NOCASE,
  "echeck_account_name" varchar(32) NULL COLLATE NOCASE,
  "cc_avs_status" varchar(32) NULL COLLATE NOCASE,
  "cc_number_enc" varchar(128) NULL COLLATE NOCASE,
  "cc_trans_id" varchar(32) NULL COLLATE NOCASE,
  "address_status" varchar(32) NULL COLLATE NOCASE,
  "additional_information" text NULL COLLATE NOCASE,
  CONSTRAINT "SALES_ORDER_PAYMENT_PARENT_ID_SALES_ORDER_ENTITY_ID" FOREIGN KEY ("parent_id") REFERENCES "sales_order" ("entity_id") ON DELETE CASCADE
);
CREATE INDEX "SALES_ORDER_PAYMENT_PARENT_ID" ON "sales_order_payment" ("parent_id");

CREATE TABLE "sales_order_status_history" (
  "entity_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "parent_id" int NOT NULL,
  "is_customer_notified" int NULL,
  "is_visible_on_front" smallint NOT NULL DEFAULT 0,
  "comment" text NULL COLLATE NOCASE,
  "status" varchar(32) NULL COLLATE NOCASE,
  "created_at" timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "entity_name" varchar(32) NULL COLLATE NOCASE,
  CONSTRAINT "SALES_ORDER_STATUS_HISTORY_PARENT_ID_SALES_ORDER_ENTITY_ID" FOREIGN KEY ("parent_id") REFERENCES "sales_order" ("entity_id") ON DELETE CASCADE
);
CREATE INDEX "SALES_ORDER_STATUS_HISTORY_PARENT_ID" ON "sales_order_status_history" ("parent_id");
CREATE INDEX "SALES_ORDER_STATUS_HISTORY_CREATED_AT" ON "sales_order_status_history" ("created_at");

CREATE TABLE "sales_payment_transaction" (
  "transaction_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "parent_id" int NULL,
  "order_id" int NOT NULL DEFAULT 0,
  "payment_id" int NOT NULL DEFAULT 0,
  "txn_id" varchar(100) NULL COLLATE NOCASE,
  "parent_txn_id" varchar(100) NULL COLLATE NOCASE,
  "txn_type" varchar(15) NULL COLLATE NOCASE,
  "is_closed" smallint NOT NULL DEFAULT 1,
  "additional_information" blob NULL,
  "created_at" timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "FK_B99FF1A06402D725EBDB0F3A7ECD47A2" FOREIGN KEY ("parent_id") REFERENCES "sales_payment_transaction" ("transaction_id") ON DELETE CASCADE,
  CONSTRAINT "SALES_PAYMENT_TRANSACTION_ORDER_ID_SALES_ORDER_ENTITY_ID" FOREIGN KEY ("order_id") REFERENCES "sales_order" ("entity_id") ON DELETE CASCADE,
  CONSTRAINT "SALES_PAYMENT_TRANSACTION_PAYMENT_ID_SALES_ORDER_PAYMENT_ENTT_ID" FOREIGN KEY ("payment_id") REFERENCES "sales_order_payment" ("entity_id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "SALES_PAYMENT_TRANSACTION_ORDER_ID_PAYMENT_ID_TXN_ID" ON "sales_payment_transaction" ("order_id", "payment_id", "txn_id");
CREATE INDEX "SALES_PAYMENT_TRANSACTION_PARENT_ID" ON "sales_payment_transaction" ("parent_id");
CREATE INDEX "SALES_PAYMENT_TRANSACTION_PAYMENT_ID" ON "sales_payment_transaction" ("payment_id");

CREATE TABLE "sales_shipment" (
  "entity_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "store_id" smallint NULL,
  "total_weight" decimal(12,4) NULL,
  "total_qty" decimal(12,4) NULL,
  "email_sent" smallint NULL,
  "send_email" smallint NULL,
  "order_id" int NOT NULL,
  "customer_id" int NULL,
  "shipping_address_id" int NULL,
  "billing_address_id" int NULL,
  "shipment_status" int NULL,
  "increment_id" varchar(50) NULL COLLATE NOCASE,
  "created_at" timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "packages" text NULL COLLATE NOCASE,
  "shipping_label" mediumblob NULL,
  "customer_note" text NULL COLLATE NOCASE,
  "customer_note_notify" smallint NULL,
  CONSTRAINT "SALES_SHIPMENT_ORDER_ID_SALES_ORDER_ENTITY_ID" FOREIGN KEY ("order_id") REFERENCES "sales_order" ("entity_id") ON DELETE CASCADE,
  CONSTRAINT "SALES_SHIPMENT_STORE_ID_STORE_STORE_ID" FOREIGN KEY ("store_id") REFERENCES "store" ("store_id") ON DELETE SET NULL
);
CREATE UNIQUE INDEX "SALES_SHIPMENT_INCREMENT_ID_STORE_ID" ON "sales_shipment" ("increment_id", "store_id");
CREATE INDEX "SALES_SHIPMENT_STORE_ID" ON "sales_shipment" ("store_id");
CREATE INDEX "SALES_SHIPMENT_TOTAL_QTY" ON "sales_shipment" ("total_qty");
CREATE INDEX "SALES_SHIPMENT_ORDER_ID" ON "sales_shipment" ("order_id");
CREATE INDEX "SALES_SHIPMENT_CREATED_AT" ON "sales_shipment" ("created_at");
CREATE INDEX "SALES_SHIPMENT_UPDATED_AT" ON "sales_shipment" ("updated_at");
CREATE INDEX "SALES_SHIPMENT_SEND_EMAIL" ON "sales_shipment" ("send_email");
CREATE INDEX "SALES_SHIPMENT_EMAIL_SENT" ON "sales_shipment" ("email_sent");
CREATE TRIGGER "sales_shipment_updated_at_on_update" AFTER UPDATE ON "sales_shipment" FOR EACH ROW
WHEN NEW."updated_at" IS OLD."updated_at"
BEGIN
  UPDATE "sales_shipment" SET "updated_at" = CURRENT_TIMESTAMP WHERE rowid = NEW.rowid;
END;

CREATE TABLE "sales_shipment_comment" (
  "entity_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "parent_id" int NOT NULL,
  "is_customer_notified" int NULL,
  "is_visible_on_front" smallint NOT NULL DEFAULT 0,
  "comment" text NULL COLLATE NOCASE,
  "created_at" timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamp NULL DEFAULT CURRENT_TIMESTAMP,
  "user_id" int NOT NULL DEFAULT 0,
  "user_type" int NOT NULL DEFAULT 0,
  CONSTRAINT "SALES_SHIPMENT_COMMENT_PARENT_ID_SALES_SHIPMENT_ENTITY_ID" FOREIGN KEY ("parent_id") REFERENCES "sales_shipment" ("entity_id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "SALES_SHIPMENT_COMMENT_ENTITY_ID_USER_ID_USER_TYPE" ON "sales_shipment_comment" ("entity_id", "user_id", "user_type");
CREATE INDEX "SALES_SHIPMENT_COMMENT_CREATED_AT" ON "sales_shipment_comment" ("created_at");
CREATE INDEX "SALES_SHIPMENT_COMMENT_PARENT_ID" ON "sales_shipment_comment" ("parent_id");
CREATE TRIGGER "sales_shipment_comment_updated_at_on_update" AFTER UPDATE ON "sales_shipment_comment" FOR EACH ROW
WHEN NEW."updated_at" IS OLD."updated_at"
BEGIN
  UPDATE "sales_shipment_comment" SET "updated_at" = CURRENT_TIMESTAMP WHERE rowid = NEW.rowid;
END;

CREATE TABLE "sales_shipment_grid" (
  "entity_id" int NOT NULL,
  "increment_id" varchar(50) NULL COLLATE NOCASE,
  "store_id" smallint NULL,
  "order_increment_id" varchar(32) NOT NULL COLLATE NOCASE,
  "order_id" int NOT NULL,
  "order_created_at" timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "customer_name" varchar(128) NOT NULL COLLATE NOCASE,
  "total_qty" decimal(12,4) NULL,
  "shipment_status" int NULL,
  "order_status" varchar(32) NULL COLLATE NOCASE,
  "billing_address" varchar(255) NULL COLLATE NOCASE,
  "shipping_address" varchar(255) NULL COLLATE NOCASE,
  "billing_name" varchar(128) NULL COLLATE NOCASE,
  "shipping_name" varchar(128) NULL COLLATE NOCASE,
  "customer_email" varchar(128) NULL COLLATE NOCASE,
  "customer_group_id" int NULL,
  "payment_method" varchar(32) NULL COLLATE NOCASE,
  "shipping_information" varchar(255) NULL COLLATE NOCASE,
  "created_at" timestamp NULL,
  "updated_at" timestamp NULL,
  PRIMARY KEY ("entity_id")
);
CREATE UNIQUE INDEX "SALES_SHIPMENT_GRID_INCREMENT_ID_STORE_ID" ON "sales_shipment_grid" ("increment_id", "store_id");
CREATE INDEX "SALES_SHIPMENT_GRID_STORE_ID" ON "sales_shipment_grid" ("store_id");
CREATE INDEX "SALES_SHIPMENT_GRID_TOTAL_QTY" ON "sales_shipment_grid" ("total_qty");
CREATE INDEX "SALES_SHIPMENT_GRID_ORDER_INCREMENT_ID" ON "sales_shipment_grid" ("order_increment_id");
CREATE INDEX "SALES_SHIPMENT_GRID_SHIPMENT_STATUS" ON "sales_shipment_grid" ("shipment_status");
CREATE INDEX "SALES_SHIPMENT_GRID_ORDER_STATUS" ON "sales_shipment_grid" ("order_status");
CREATE INDEX "SALES_SHIPMENT_GRID_CREATED_AT" ON "sales_shipment_grid" ("created_at");
CREATE INDEX "SALES_SHIPMENT_GRID_UPDATED_AT" ON "sales_shipment_grid" ("updated_at");
CREATE INDEX "SALES_SHIPMENT_GRID_ORDER_CREATED_AT" ON "sales_shipment_grid" ("order_created_at");
CREATE INDEX "SALES_SHIPMENT_GRID_SHIPPING_NAME" ON "sales_shipment_grid" ("shipping_name");
CREATE INDEX "SALES_SHIPMENT_GRID_BILLING_NAME" ON "sales_shipment_grid" ("billing_name");
CREATE INDEX "SALES_SHIPMENT_GRID_ORDER_ID" ON "sales_shipment_grid" ("order_id");

CREATE TABLE "sales_shipment_track" (
  "entity_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "parent_id" int NOT NULL,
  "weight" decimal(12,4) NULL,
  "qty" decimal(12,4) NULL,
  "order_id" int NOT NULL,
  "track_number" text NULL COLLATE NOCASE,
  "description" text NULL COLLATE NOCASE,
  "title" varchar(255) NULL COLLATE NOCASE,
  "carrier_code" varchar(32) NULL COLLATE NOCASE,
  "created_at" timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "SALES_SHIPMENT_TRACK_PARENT_ID_SALES_SHIPMENT_ENTITY_ID" FOREIGN KEY ("parent_id") REFERENCES "sales_shipment" ("entity_id") ON DELETE CASCADE
);
CREATE INDEX "SALES_SHIPMENT_TRACK_PARENT_ID" ON "sales_shipment_track" ("parent_id");
CREATE INDEX "SALES_SHIPMENT_TRACK_ORDER_ID" ON "sales_shipment_track" ("order_id");
CREATE INDEX "SALES_SHIPMENT_TRACK_CREATED_AT" ON "sales_shipment_track" ("created_at");
CREATE TRIGGER "sales_shipment_track_updated_at_on_update" AFTER UPDATE ON "sales_shipment_track" FOR EACH ROW
WHEN NEW."updated_at" IS OLD."updated_at"
BEGIN
  UPDATE "sales_shipment_track" SET "updated_at" = CURRENT_TIMESTAMP WHERE rowid = NEW.rowid;
END;

CREATE TABLE "sendfriend_log" (
  "log_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "ip" bigint NOT NULL DEFAULT 0,
  "time" int NOT NULL DEFAULT 0,
  "website_id" smallint NOT NULL DEFAULT 0
);
CREATE INDEX "SENDFRIEND_LOG_IP" ON "sendfriend_log" ("ip");
CREATE INDEX "SENDFRIEND_LOG_TIME" ON "sendfriend_log" ("time");

CREATE TABLE "store" (
  "store_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "code" varchar(32) NULL COLLATE NOCASE,
  "website_id" smallint NOT NULL DEFAULT 0,
  "group_id" smallint NOT NULL DEFAULT 0,
  "name" varchar(255) NOT NULL COLLATE NOCASE,
  "sort_order" smallint NOT NULL DEFAULT 0,
  "is_active" smallint NOT NULL DEFAULT 0,
  CONSTRAINT "STORE_GROUP_ID_STORE_GROUP_GROUP_ID" FOREIGN KEY ("group_id") REFERENCES "store_group" ("group_id") ON DELETE CASCADE,
  CONSTRAINT "STORE_WEBSITE_ID_STORE_WEBSITE_WEBSITE_ID" FOREIGN KEY ("website_id") REFERENCES "store_website" ("website_id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "STORE_CODE" ON "store" ("code");
CREATE INDEX "STORE_WEBSITE_ID" ON "store" ("website_id");
CREATE INDEX "STORE_IS_ACTIVE_SORT_ORDER" ON "store" ("is_active", "sort_order");
CREATE INDEX "STORE_GROUP_ID" ON "store" ("group_id");

CREATE TABLE "store_group" (
  "group_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "website_id" smallint NOT NULL DEFAULT 0,
  "name" varchar(255) NOT NULL COLLATE NOCASE,
  "root_category_id" int NOT NULL DEFAULT 0,
  "default_store_id" smallint NOT NULL DEFAULT 0,
  "code" varchar(32) NULL COLLATE NOCASE,
  CONSTRAINT "STORE_GROUP_WEBSITE_ID_STORE_WEBSITE_WEBSITE_ID" FOREIGN KEY ("website_id") REFERENCES "store_website" ("website_id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "STORE_GROUP_CODE" ON "store_group" ("code");
CREATE INDEX "STORE_GROUP_WEBSITE_ID" ON "store_group" ("website_id");
CREATE INDEX "STORE_GROUP_DEFAULT_STORE_ID" ON "store_group" ("default_store_id");

CREATE TABLE "store_website" (
  "website_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "code" varchar(32) NULL COLLATE NOCASE,
  "name" varchar(64) NULL COLLATE NOCASE,
  "sort_order" smallint NOT NULL DEFAULT 0,
  "default_group_id" smallint NOT NULL DEFAULT 0,
  "is_default" smallint NULL DEFAULT 0
);
CREATE UNIQUE INDEX "STORE_WEBSITE_CODE" ON "store_website" ("code");
CREATE INDEX "STORE_WEBSITE_SORT_ORDER" ON "store_website" ("sort_order");
CREATE INDEX "STORE_WEBSITE_DEFAULT_GROUP_ID" ON "store_website" ("default_group_id");

CREATE TABLE "vault_payment_token" (
  "entity_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "customer_id" int NULL,
  "public_hash" varchar(128) NOT NULL COLLATE NOCASE,
  "payment_method_code" varchar(128) NOT NULL COLLATE NOCASE,
  "type" varchar(128) NOT NULL COLLATE NOCASE,
  "created_at" timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "expires_at" timestamp NULL,
  "gateway_token" varchar(255) NOT NULL COLLATE NOCASE,
  "details" text NULL COLLATE NOCASE,
  "is_active" tinyint NOT NULL DEFAULT 1,
  "is_visible" tinyint NOT NULL DEFAULT 1,
  CONSTRAINT "VAULT_PAYMENT_TOKEN_CUSTOMER_ID_CUSTOMER_ENTITY_ENTITY_ID" FOREIGN KEY ("customer_id") REFERENCES "customer_entity" ("entity_id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "VAULT_PAYMENT_TOKEN_PAYMENT_METHOD_CODE_CSTR_ID_GATEWAY_TOKEN" ON "vault_payment_token" ("payment_method_code", "customer_id", "gateway_token");
CREATE UNIQUE INDEX "VAULT_PAYMENT_TOKEN_PUBLIC_HASH" ON "vault_payment_token" ("public_hash");

CREATE TABLE "vault_payment_token_order_payment_link" (
  "order_payment_id" int NOT NULL,
  "payment_token_id" int NOT NULL,
  PRIMARY KEY ("order_payment_id", "payment_token_id"),
  CONSTRAINT "FK_4ED894655446D385894580BECA993862" FOREIGN KEY ("payment_token_id") REFERENCES "vault_payment_token" ("entity_id") ON DELETE CASCADE,
  CONSTRAINT "FK_CF37B9D854256534BE23C818F6291CA2" FOREIGN KEY ("order_payment_id") REFERENCES "sales_order_payment" ("entity_id") ON DELETE CASCADE
);

CREATE TABLE "wishlist" (
  "wishlist_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "customer_id" int NOT NULL DEFAULT 0,
  "shared" smallint NOT NULL DEFAULT 0,
  "sharing_code" varchar(32) NULL COLLATE NOCASE,
  "updated_at" timestamp NULL,
  CONSTRAINT "WISHLIST_CUSTOMER_ID_CUSTOMER_ENTITY_ENTITY_ID" FOREIGN KEY ("customer_id") REFERENCES "customer_entity" ("entity_id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "WISHLIST_CUSTOMER_ID" ON "wishlist" ("customer_id");
CREATE INDEX "WISHLIST_SHARED" ON "wishlist" ("shared");

CREATE TABLE "wishlist_item" (
  "wishlist_item_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "wishlist_id" int NOT NULL DEFAULT 0,
  "product_id" int NOT NULL DEFAULT 0,
  "store_id" smallint NULL,
  "added_at" timestamp NULL,
  "description" text NULL COLLATE NOCASE,
  "qty" decimal(12,4) NOT NULL,
  CONSTRAINT "WISHLIST_ITEM_PRODUCT_ID_CATALOG_PRODUCT_ENTITY_ENTITY_ID" FOREIGN KEY ("product_id") REFERENCES "catalog_product_entity" ("entity_id") ON DELETE CASCADE,
  CONSTRAINT "WISHLIST_ITEM_STORE_ID_STORE_STORE_ID" FOREIGN KEY ("store_id") REFERENCES "store" ("store_id") ON DELETE SET NULL,
  CONSTRAINT "WISHLIST_ITEM_WISHLIST_ID_WISHLIST_WISHLIST_ID" FOREIGN KEY ("wishlist_id") REFERENCES "wishlist" ("wishlist_id") ON DELETE CASCADE
);
CREATE INDEX "WISHLIST_ITEM_WISHLIST_ID" ON "wishlist_item" ("wishlist_id");
CREATE INDEX "WISHLIST_ITEM_PRODUCT_ID" ON "wishlist_item" ("product_id");
CREATE INDEX "WISHLIST_ITEM_STORE_ID" ON "wishlist_item" ("store_id");

CREATE TABLE "wishlist_item_option" (
  "option_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "wishlist_item_id" int NOT NULL,
  "product_id" int NOT NULL,
  "code" varchar(255) NOT NULL COLLATE NOCASE,
  "value" text NULL COLLATE NOCASE,
  CONSTRAINT "FK_A014B30B04B72DD0EAB3EECD779728D6" FOREIGN KEY ("wishlist_item_id") REFERENCES "wishlist_item" ("wishlist_item_id") ON DELETE CASCADE,
  CONSTRAINT "WISHLIST_ITEM_OPTION_PRODUCT_ID_CATALOG_PRODUCT_ENTITY_ENTITY_ID" FOREIGN KEY ("product_id") REFERENCES "catalog_product_entity" ("entity_id") ON DELETE CASCADE
);
