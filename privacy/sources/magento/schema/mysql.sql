-- PrivacyDesk's own copy of the Magento 2.4 Open Source + Amazon Pay plugin (5.x) tables that hold
-- customer personal data or link to a customer, and their foreign-key parents. MariaDB 10.x / MySQL 8.
-- Generated from the modules' declarative schema files (etc/db_schema.xml) in magento/magento2 and
-- amzn/amazon-payments-magento-2-plugin; column comments removed.
--
-- As released in 2.4.8, sales_order has NO index on customer_email (newer Magento development code adds
-- KEY SALES_ORDER_CUSTOMER_EMAIL_CUSTOMER_IS_GUEST_STORE_ID; a shop may or may not have it). This file
-- keeps the stock schema: code must not assume that index exists.
--
-- customer_grid_flat is not declared in db_schema.xml: Magento's customer_grid indexer builds it
-- (Customer/etc/indexer.xml + Framework/Indexer/GridStructure.php, column types from the EAV grid flags):
-- a btree index on every filterable field (none on created_in, a TEXT column) and one FULLTEXT index over
-- the searchable fields, named as Magento names it.
--
-- Used only by `seed_magento --create-schema` and the test suite; PrivacyDesk never migrates or alters a
-- shop's database. schema/sqlite.sql is the same schema for SQLite (tests/sources/magento checks parity).

CREATE TABLE `amazon_customer` (
  `entity_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `customer_id` int(10) unsigned NOT NULL,
  `amazon_id` varchar(255) NOT NULL,
  PRIMARY KEY (`entity_id`),
  UNIQUE KEY `AMAZON_CUSTOMER_CUSTOMER_ID_AMAZON_ID` (`customer_id`, `amazon_id`),
  UNIQUE KEY `AMAZON_CUSTOMER_CUSTOMER_ID` (`customer_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Amazon PayV2 Customer Link';

CREATE TABLE `amazon_payv2_async` (
  `entity_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `order_id` int(10) unsigned NULL,
  `is_pending` tinyint(3) unsigned NOT NULL DEFAULT 1,
  `pending_action` varchar(20) NOT NULL,
  `pending_id` varchar(50) NULL,
  `created_at` datetime NULL,
  `updated_at` datetime NULL,
  PRIMARY KEY (`entity_id`),
  KEY `AMAZON_PAYV2_ASYNC_IS_PENDING` (`is_pending`),
  KEY `AMAZON_PAYV2_ASYNC_CUSTOMER_ID_AMAZON_ID` (`is_pending`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Amazon PayV2 Async Pending';

CREATE TABLE `captcha_log` (
  `type` varchar(32) NOT NULL,
  `value` varchar(32) NOT NULL,
  `count` int(10) unsigned NOT NULL DEFAULT 0,
  `updated_at` timestamp NULL DEFAULT NULL,
  PRIMARY KEY (`type`, `value`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Count Login Attempts';

CREATE TABLE `catalog_product_entity` (
  `entity_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `attribute_set_id` smallint(5) unsigned NOT NULL DEFAULT 0,
  `type_id` varchar(32) NOT NULL DEFAULT 'simple',
  `sku` varchar(64) NOT NULL,
  `has_options` smallint(6) NOT NULL DEFAULT 0,
  `required_options` smallint(5) unsigned NOT NULL DEFAULT 0,
  `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  PRIMARY KEY (`entity_id`),
  KEY `CATALOG_PRODUCT_ENTITY_ATTRIBUTE_SET_ID` (`attribute_set_id`),
  KEY `CATALOG_PRODUCT_ENTITY_SKU` (`sku`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Catalog Product Table';

CREATE TABLE `customer_address_entity` (
  `entity_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `increment_id` varchar(50) NULL,
  `parent_id` int(10) unsigned NULL,
  `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  `is_active` smallint(5) unsigned NOT NULL DEFAULT 1,
  `city` varchar(255) NOT NULL,
  `company` varchar(255) NULL,
  `country_id` varchar(255) NOT NULL,
  `fax` varchar(255) NULL,
  `firstname` varchar(255) NOT NULL,
  `lastname` varchar(255) NOT NULL,
  `middlename` varchar(255) NULL,
  `postcode` varchar(255) NULL,
  `prefix` varchar(40) NULL,
  `region` varchar(255) NULL,
  `region_id` int(10) unsigned NULL,
  `street` text NOT NULL,
  `suffix` varchar(40) NULL,
  `telephone` varchar(255) NOT NULL,
  `vat_id` varchar(255) NULL,
  `vat_is_valid` int(10) unsigned NULL,
  `vat_request_date` varchar(255) NULL,
  `vat_request_id` varchar(255) NULL,
  `vat_request_success` int(10) unsigned NULL,
  PRIMARY KEY (`entity_id`),
  KEY `CUSTOMER_ADDRESS_ENTITY_PARENT_ID` (`parent_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Customer Address Entity';

CREATE TABLE `customer_address_entity_datetime` (
  `value_id` int(11) NOT NULL AUTO_INCREMENT,
  `attribute_id` smallint(5) unsigned NOT NULL DEFAULT 0,
  `entity_id` int(10) unsigned NOT NULL DEFAULT 0,
  `value` datetime NULL,
  PRIMARY KEY (`value_id`),
  UNIQUE KEY `CUSTOMER_ADDRESS_ENTITY_DATETIME_ENTITY_ID_ATTRIBUTE_ID` (`entity_id`, `attribute_id`),
  KEY `CUSTOMER_ADDRESS_ENTITY_DATETIME_ATTRIBUTE_ID` (`attribute_id`),
  KEY `CUSTOMER_ADDRESS_ENTITY_DATETIME_ENTITY_ID_ATTRIBUTE_ID_VALUE` (`entity_id`, `attribute_id`, `value`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Customer Address Entity Datetime';

CREATE TABLE `customer_address_entity_decimal` (
  `value_id` int(11) NOT NULL AUTO_INCREMENT,
  `attribute_id` smallint(5) unsigned NOT NULL DEFAULT 0,
  `entity_id` int(10) unsigned NOT NULL DEFAULT 0,
  `value` decimal(12,4) NOT NULL DEFAULT 0,
  PRIMARY KEY (`value_id`),
  UNIQUE KEY `CUSTOMER_ADDRESS_ENTITY_DECIMAL_ENTITY_ID_ATTRIBUTE_ID` (`entity_id`, `attribute_id`),
  KEY `CUSTOMER_ADDRESS_ENTITY_DECIMAL_ATTRIBUTE_ID` (`attribute_id`),
  KEY `CUSTOMER_ADDRESS_ENTITY_DECIMAL_ENTITY_ID_ATTRIBUTE_ID_VALUE` (`entity_id`, `attribute_id`, `value`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Customer Address Entity Decimal';

CREATE TABLE `customer_address_entity_int` (
  `value_id` int(11) NOT NULL AUTO_INCREMENT,
  `attribute_id` smallint(5) unsigned NOT NULL DEFAULT 0,
  `entity_id` int(10) unsigned NOT NULL DEFAULT 0,
  `value` int(11) NOT NULL DEFAULT 0,
  PRIMARY KEY (`value_id`),
  UNIQUE KEY `CUSTOMER_ADDRESS_ENTITY_INT_ENTITY_ID_ATTRIBUTE_ID` (`entity_id`, `attribute_id`),
  KEY `CUSTOMER_ADDRESS_ENTITY_INT_ATTRIBUTE_ID` (`attribute_id`),
  KEY `CUSTOMER_ADDRESS_ENTITY_INT_ENTITY_ID_ATTRIBUTE_ID_VALUE` (`entity_id`, `attribute_id`, `value`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Customer Address Entity Int';

CREATE TABLE `customer_address_entity_text` (
  `value_id` int(11) NOT NULL AUTO_INCREMENT,
  `attribute_id` smallint(5) unsigned NOT NULL DEFAULT 0,
  `entity_id` int(10) unsigned NOT NULL DEFAULT 0,
  `value` text NOT NULL,
  PRIMARY KEY (`value_id`),
  UNIQUE KEY `CUSTOMER_ADDRESS_ENTITY_TEXT_ENTITY_ID_ATTRIBUTE_ID` (`entity_id`, `attribute_id`),
  KEY `CUSTOMER_ADDRESS_ENTITY_TEXT_ATTRIBUTE_ID` (`attribute_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Customer Address Entity Text';

CREATE TABLE `customer_address_entity_varchar` (
  `value_id` int(11) NOT NULL AUTO_INCREMENT,
  `attribute_id` smallint(5) unsigned NOT NULL DEFAULT 0,
  `entity_id` int(10) unsigned NOT NULL DEFAULT 0,
  `value` varchar(255) NULL,
  PRIMARY KEY (`value_id`),
  UNIQUE KEY `CUSTOMER_ADDRESS_ENTITY_VARCHAR_ENTITY_ID_ATTRIBUTE_ID` (`entity_id`, `attribute_id`),
  KEY `CUSTOMER_ADDRESS_ENTITY_VARCHAR_ATTRIBUTE_ID` (`attribute_id`),
  KEY `CUSTOMER_ADDRESS_ENTITY_VARCHAR_ENTITY_ID_ATTRIBUTE_ID_VALUE` (`entity_id`, `attribute_id`, `value`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Customer Address Entity Varchar';

CREATE TABLE `customer_entity` (
  `entity_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `website_id` smallint(5) unsigned NULL,
  `email` varchar(255) NULL,
  `group_id` smallint(5) unsigned NOT NULL DEFAULT 0,
  `increment_id` varchar(50) NULL,
  `store_id` smallint(5) unsigned NULL DEFAULT 0,
  `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  `is_active` smallint(5) unsigned NOT NULL DEFAULT 1,
  `disable_auto_group_change` smallint(5) unsigned NOT NULL DEFAULT 0,
  `created_in` varchar(255) NULL,
  `prefix` varchar(40) NULL,
  `firstname` varchar(255) NULL,
  `middlename` varchar(255) NULL,
  `lastname` varchar(255) NULL,
  `suffix` varchar(40) NULL,
  `dob` date NULL,
  `password_hash` varchar(128) NULL,
  `rp_token` varchar(128) NULL,
  `rp_token_created_at` datetime NULL,
  `default_billing` int(10) unsigned NULL,
  `default_shipping` int(10) unsigned NULL,
  `taxvat` varchar(50) NULL,
  `confirmation` varchar(64) NULL,
  `gender` smallint(5) unsigned NULL,
  `failures_num` smallint(6) NULL DEFAULT 0,
  `first_failure` timestamp NULL DEFAULT NULL,
  `lock_expires` timestamp NULL DEFAULT NULL,
  `session_cutoff` timestamp NULL DEFAULT NULL,
  PRIMARY KEY (`entity_id`),
  UNIQUE KEY `CUSTOMER_ENTITY_EMAIL_WEBSITE_ID` (`email`, `website_id`),
  KEY `CUSTOMER_ENTITY_STORE_ID` (`store_id`),
  KEY `CUSTOMER_ENTITY_WEBSITE_ID` (`website_id`),
  KEY `CUSTOMER_ENTITY_FIRSTNAME` (`firstname`),
  KEY `CUSTOMER_ENTITY_LASTNAME` (`lastname`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Customer Entity';

CREATE TABLE `customer_entity_datetime` (
  `value_id` int(11) NOT NULL AUTO_INCREMENT,
  `attribute_id` smallint(5) unsigned NOT NULL DEFAULT 0,
  `entity_id` int(10) unsigned NOT NULL DEFAULT 0,
  `value` datetime NULL,
  PRIMARY KEY (`value_id`),
  UNIQUE KEY `CUSTOMER_ENTITY_DATETIME_ENTITY_ID_ATTRIBUTE_ID` (`entity_id`, `attribute_id`),
  KEY `CUSTOMER_ENTITY_DATETIME_ATTRIBUTE_ID` (`attribute_id`),
  KEY `CUSTOMER_ENTITY_DATETIME_ENTITY_ID_ATTRIBUTE_ID_VALUE` (`entity_id`, `attribute_id`, `value`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Customer Entity Datetime';

CREATE TABLE `customer_entity_decimal` (
  `value_id` int(11) NOT NULL AUTO_INCREMENT,
  `attribute_id` smallint(5) unsigned NOT NULL DEFAULT 0,
  `entity_id` int(10) unsigned NOT NULL DEFAULT 0,
  `value` decimal(12,4) NOT NULL DEFAULT 0,
  PRIMARY KEY (`value_id`),
  UNIQUE KEY `CUSTOMER_ENTITY_DECIMAL_ENTITY_ID_ATTRIBUTE_ID` (`entity_id`, `attribute_id`),
  KEY `CUSTOMER_ENTITY_DECIMAL_ATTRIBUTE_ID` (`attribute_id`),
  KEY `CUSTOMER_ENTITY_DECIMAL_ENTITY_ID_ATTRIBUTE_ID_VALUE` (`entity_id`, `attribute_id`, `value`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Customer Entity Decimal';

CREATE TABLE `customer_entity_int` (
  `value_id` int(11) NOT NULL AUTO_INCREMENT,
  `attribute_id` smallint(5) unsigned NOT NULL DEFAULT 0,
  `entity_id` int(10) unsigned NOT NULL DEFAULT 0,
  `value` int(11) NOT NULL DEFAULT 0,
  PRIMARY KEY (`value_id`),
  UNIQUE KEY `CUSTOMER_ENTITY_INT_ENTITY_ID_ATTRIBUTE_ID` (`entity_id`, `attribute_id`),
  KEY `CUSTOMER_ENTITY_INT_ATTRIBUTE_ID` (`attribute_id`),
  KEY `CUSTOMER_ENTITY_INT_ENTITY_ID_ATTRIBUTE_ID_VALUE` (`entity_id`, `attribute_id`, `value`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Customer Entity Int';

CREATE TABLE `customer_entity_text` (
  `value_id` int(11) NOT NULL AUTO_INCREMENT,
  `attribute_id` smallint(5) unsigned NOT NULL DEFAULT 0,
  `entity_id` int(10) unsigned NOT NULL DEFAULT 0,
  `value` text NOT NULL,
  PRIMARY KEY (`value_id`),
  UNIQUE KEY `CUSTOMER_ENTITY_TEXT_ENTITY_ID_ATTRIBUTE_ID` (`entity_id`, `attribute_id`),
  KEY `CUSTOMER_ENTITY_TEXT_ATTRIBUTE_ID` (`attribute_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Customer Entity Text';

CREATE TABLE `customer_entity_varchar` (
  `value_id` int(11) NOT NULL AUTO_INCREMENT,
  `attribute_id` smallint(5) unsigned NOT NULL DEFAULT 0,
  `entity_id` int(10) unsigned NOT NULL DEFAULT 0,
  `value` varchar(255) NULL,
  PRIMARY KEY (`value_id`),
  UNIQUE KEY `CUSTOMER_ENTITY_VARCHAR_ENTITY_ID_ATTRIBUTE_ID` (`entity_id`, `attribute_id`),
  KEY `CUSTOMER_ENTITY_VARCHAR_ATTRIBUTE_ID` (`attribute_id`),
  KEY `CUSTOMER_ENTITY_VARCHAR_ENTITY_ID_ATTRIBUTE_ID_VALUE` (`entity_id`, `attribute_id`, `value`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Customer Entity Varchar';

CREATE TABLE `customer_grid_flat` (
  `entity_id` int(10) unsigned NOT NULL,
  `name` text NULL,
  `email` varchar(255) NULL,
  `group_id` int(11) NULL,
  `created_at` timestamp NULL DEFAULT NULL,
  `website_id` int(11) NULL,
  `confirmation` varchar(255) NULL,
  `created_in` text NULL,
  `dob` date NULL,
  `gender` int(11) NULL,
  `taxvat` varchar(255) NULL,
  `lock_expires` timestamp NULL DEFAULT NULL,
  `shipping_full` text NULL,
  `billing_full` text NULL,
  `billing_firstname` varchar(255) NULL,
  `billing_lastname` varchar(255) NULL,
  `billing_telephone` varchar(255) NULL,
  `billing_postcode` varchar(255) NULL,
  `billing_country_id` varchar(255) NULL,
  `billing_region` varchar(255) NULL,
  `billing_region_id` int(11) NULL,
  `billing_street` varchar(255) NULL,
  `billing_city` varchar(255) NULL,
  `billing_fax` varchar(255) NULL,
  `billing_vat_id` varchar(255) NULL,
  `billing_company` varchar(255) NULL,
  PRIMARY KEY (`entity_id`),
  KEY `CUSTOMER_GRID_FLAT_GROUP_ID` (`group_id`),
  KEY `CUSTOMER_GRID_FLAT_CREATED_AT` (`created_at`),
  KEY `CUSTOMER_GRID_FLAT_WEBSITE_ID` (`website_id`),
  KEY `CUSTOMER_GRID_FLAT_CONFIRMATION` (`confirmation`),
  KEY `CUSTOMER_GRID_FLAT_DOB` (`dob`),
  KEY `CUSTOMER_GRID_FLAT_GENDER` (`gender`),
  KEY `CUSTOMER_GRID_FLAT_LOCK_EXPIRES` (`lock_expires`),
  KEY `CUSTOMER_GRID_FLAT_BILLING_COUNTRY_ID` (`billing_country_id`),
  FULLTEXT KEY `FTI_8746F705702DD5F6D45B8C7CE7FE9F2F` (`name`, `email`, `created_in`, `taxvat`, `shipping_full`, `billing_full`, `billing_firstname`, `billing_lastname`, `billing_telephone`, `billing_postcode`, `billing_region`, `billing_city`, `billing_fax`, `billing_company`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `customer_log` (
  `log_id` int(11) NOT NULL AUTO_INCREMENT,
  `customer_id` int(11) NOT NULL,
  `last_login_at` timestamp NULL DEFAULT NULL,
  `last_logout_at` timestamp NULL DEFAULT NULL,
  PRIMARY KEY (`log_id`),
  UNIQUE KEY `CUSTOMER_LOG_CUSTOMER_ID` (`customer_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Customer Log Table';

CREATE TABLE `customer_visitor` (
  `visitor_id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `customer_id` int(11) NULL,
  `session_id` varchar(1) NULL,
  `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `last_visit_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  PRIMARY KEY (`visitor_id`),
  KEY `CUSTOMER_VISITOR_CUSTOMER_ID` (`customer_id`),
  KEY `CUSTOMER_VISITOR_LAST_VISIT_AT` (`last_visit_at`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Visitor Table';

CREATE TABLE `downloadable_link_purchased` (
  `purchased_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `order_id` int(10) unsigned NULL DEFAULT 0,
  `order_increment_id` varchar(50) NULL,
  `order_item_id` int(10) unsigned NOT NULL DEFAULT 0,
  `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  `customer_id` int(10) unsigned NULL DEFAULT 0,
  `product_name` varchar(255) NULL,
  `product_sku` varchar(255) NULL,
  `link_section_title` varchar(255) NULL,
  PRIMARY KEY (`purchased_id`),
  KEY `DOWNLOADABLE_LINK_PURCHASED_ORDER_ID` (`order_id`),
  KEY `DOWNLOADABLE_LINK_PURCHASED_ORDER_ITEM_ID` (`order_item_id`),
  KEY `DOWNLOADABLE_LINK_PURCHASED_CUSTOMER_ID` (`customer_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Downloadable Link Purchased Table';

CREATE TABLE `downloadable_link_purchased_item` (
  `item_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `purchased_id` int(10) unsigned NOT NULL DEFAULT 0,
  `order_item_id` int(10) unsigned NULL DEFAULT 0,
  `product_id` int(10) unsigned NULL DEFAULT 0,
  `link_hash` varchar(255) NULL,
  `number_of_downloads_bought` int(10) unsigned NOT NULL DEFAULT 0,
  `number_of_downloads_used` int(10) unsigned NOT NULL DEFAULT 0,
  `link_id` int(10) unsigned NOT NULL DEFAULT 0,
  `link_title` varchar(255) NULL,
  `is_shareable` smallint(5) unsigned NOT NULL DEFAULT 0,
  `link_url` varchar(255) NULL,
  `link_file` varchar(255) NULL,
  `link_type` varchar(255) NULL,
  `status` varchar(50) NULL,
  `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  PRIMARY KEY (`item_id`),
  KEY `DOWNLOADABLE_LINK_PURCHASED_ITEM_LINK_HASH` (`link_hash`),
  KEY `DOWNLOADABLE_LINK_PURCHASED_ITEM_ORDER_ITEM_ID` (`order_item_id`),
  KEY `DOWNLOADABLE_LINK_PURCHASED_ITEM_PURCHASED_ID` (`purchased_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Downloadable Link Purchased Item Table';

CREATE TABLE `eav_attribute` (
  `attribute_id` smallint(5) unsigned NOT NULL AUTO_INCREMENT,
  `entity_type_id` smallint(5) unsigned NOT NULL DEFAULT 0,
  `attribute_code` varchar(255) NOT NULL,
  `attribute_model` varchar(255) NULL,
  `backend_model` varchar(255) NULL,
  `backend_type` varchar(8) NOT NULL DEFAULT 'static',
  `backend_table` varchar(255) NULL,
  `frontend_model` varchar(255) NULL,
  `frontend_input` varchar(50) NULL,
  `frontend_label` varchar(255) NULL,
  `frontend_class` varchar(255) NULL,
  `source_model` varchar(255) NULL,
  `is_required` smallint(5) unsigned NOT NULL DEFAULT 0,
  `is_user_defined` smallint(5) unsigned NOT NULL DEFAULT 0,
  `default_value` text NULL,
  `is_unique` smallint(5) unsigned NOT NULL DEFAULT 0,
  `note` varchar(255) NULL,
  PRIMARY KEY (`attribute_id`),
  UNIQUE KEY `EAV_ATTRIBUTE_ENTITY_TYPE_ID_ATTRIBUTE_CODE` (`entity_type_id`, `attribute_code`),
  KEY `EAV_ATTRIBUTE_FRONTEND_INPUT_ENTITY_TYPE_ID_IS_USER_DEFINED` (`frontend_input`, `entity_type_id`, `is_user_defined`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Eav Attribute';

CREATE TABLE `eav_entity_type` (
  `entity_type_id` smallint(5) unsigned NOT NULL AUTO_INCREMENT,
  `entity_type_code` varchar(50) NOT NULL,
  `entity_model` varchar(255) NOT NULL,
  `attribute_model` varchar(255) NULL,
  `entity_table` varchar(255) NULL,
  `value_table_prefix` varchar(255) NULL,
  `entity_id_field` varchar(255) NULL,
  `is_data_sharing` smallint(5) unsigned NOT NULL DEFAULT 1,
  `data_sharing_key` varchar(100) NULL DEFAULT 'default',
  `default_attribute_set_id` smallint(5) unsigned NOT NULL DEFAULT 0,
  `increment_model` varchar(255) NULL,
  `increment_per_store` smallint(5) unsigned NOT NULL DEFAULT 0,
  `increment_pad_length` smallint(5) unsigned NOT NULL DEFAULT 8,
  `increment_pad_char` varchar(1) NOT NULL DEFAULT '0',
  `additional_attribute_table` varchar(255) NULL,
  `entity_attribute_collection` varchar(255) NULL,
  PRIMARY KEY (`entity_type_id`),
  KEY `EAV_ENTITY_TYPE_ENTITY_TYPE_CODE` (`entity_type_code`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Eav Entity Type';

CREATE TABLE `gift_message` (
  `gift_message_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `customer_id` int(10) unsigned NOT NULL DEFAULT 0,
  `sender` varchar(255) NULL,
  `recipient` varchar(255) NULL,
  `message` text NULL,
  PRIMARY KEY (`gift_message_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Gift Message';

CREATE TABLE `jwt_auth_revoked` (
  `user_type_id` int(10) unsigned NOT NULL,
  `user_id` int(10) unsigned NOT NULL,
  `revoke_before` bigint(20) unsigned NOT NULL,
  PRIMARY KEY (`user_type_id`, `user_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Holds revoked JWT authentication data';

CREATE TABLE `login_as_customer_assistance_allowed` (
  `customer_id` int(10) unsigned NOT NULL,
  PRIMARY KEY (`customer_id`),
  UNIQUE KEY `LOGIN_AS_CUSTOMER_ASSISTANCE_ALLOWED_CUSTOMER_ID` (`customer_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Magento Login as Customer Assistance Allowed Table';

CREATE TABLE `login_as_customer_log` (
  `login_id` int(11) NOT NULL AUTO_INCREMENT,
  `customer_id` int(11) NULL,
  `admin_id` int(11) NULL,
  `secret` varchar(64) NULL,
  `used` smallint(6) NOT NULL DEFAULT 1,
  `created_at` timestamp NULL DEFAULT NULL,
  PRIMARY KEY (`login_id`),
  KEY `LOGIN_AS_CUSTOMER_LOG_CUSTOMER_ID` (`customer_id`),
  KEY `LOGIN_AS_CUSTOMER_LOG_ADMIN_ID` (`admin_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Magento Login As Customer Table';

CREATE TABLE `magento_login_as_customer_log` (
  `log_id` int(11) NOT NULL AUTO_INCREMENT,
  `time` timestamp NULL DEFAULT NULL,
  `user_id` int(10) unsigned NULL,
  `user_name` varchar(40) NULL,
  `customer_id` int(10) unsigned NULL,
  `customer_email` varchar(40) NULL,
  PRIMARY KEY (`log_id`),
  KEY `MAGENTO_LOGIN_AS_CUSTOMER_LOG_USER_ID` (`user_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Login as Customer Logging';

CREATE TABLE `newsletter_problem` (
  `problem_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `subscriber_id` int(10) unsigned NULL,
  `queue_id` int(10) unsigned NOT NULL DEFAULT 0,
  `problem_error_code` int(10) unsigned NULL DEFAULT 0,
  `problem_error_text` varchar(200) NULL,
  PRIMARY KEY (`problem_id`),
  KEY `NEWSLETTER_PROBLEM_SUBSCRIBER_ID` (`subscriber_id`),
  KEY `NEWSLETTER_PROBLEM_QUEUE_ID` (`queue_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Newsletter Problems';

CREATE TABLE `newsletter_queue` (
  `queue_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `template_id` int(10) unsigned NOT NULL DEFAULT 0,
  `newsletter_type` int(11) NULL,
  `newsletter_text` text NULL,
  `newsletter_styles` text NULL,
  `newsletter_subject` varchar(200) NULL,
  `newsletter_sender_name` varchar(200) NULL,
  `newsletter_sender_email` varchar(200) NULL,
  `queue_status` int(10) unsigned NOT NULL DEFAULT 0,
  `queue_start_at` timestamp NULL DEFAULT NULL,
  `queue_finish_at` timestamp NULL DEFAULT NULL,
  PRIMARY KEY (`queue_id`),
  KEY `NEWSLETTER_QUEUE_TEMPLATE_ID` (`template_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Newsletter Queue';

CREATE TABLE `newsletter_queue_link` (
  `queue_link_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `queue_id` int(10) unsigned NOT NULL DEFAULT 0,
  `subscriber_id` int(10) unsigned NOT NULL DEFAULT 0,
  `letter_sent_at` timestamp NULL DEFAULT NULL,
  PRIMARY KEY (`queue_link_id`),
  KEY `NEWSLETTER_QUEUE_LINK_SUBSCRIBER_ID` (`subscriber_id`),
  KEY `NEWSLETTER_QUEUE_LINK_QUEUE_ID_LETTER_SENT_AT` (`queue_id`, `letter_sent_at`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Newsletter Queue Link';

CREATE TABLE `newsletter_subscriber` (
  `subscriber_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `store_id` smallint(5) unsigned NULL DEFAULT 0,
  `change_status_at` timestamp NULL DEFAULT NULL,
  `customer_id` int(10) unsigned NOT NULL DEFAULT 0,
  `subscriber_email` varchar(150) NULL,
  `subscriber_status` int(11) NOT NULL DEFAULT 0,
  `subscriber_confirm_code` varchar(32) NULL DEFAULT NULL,
  PRIMARY KEY (`subscriber_id`),
  KEY `NEWSLETTER_SUBSCRIBER_CUSTOMER_ID` (`customer_id`),
  KEY `NEWSLETTER_SUBSCRIBER_STORE_ID` (`store_id`),
  KEY `NEWSLETTER_SUBSCRIBER_SUBSCRIBER_EMAIL` (`subscriber_email`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Newsletter Subscriber';

CREATE TABLE `newsletter_template` (
  `template_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `template_code` varchar(150) NULL,
  `template_text` text NULL,
  `template_styles` text NULL,
  `template_type` int(10) unsigned NULL,
  `template_subject` varchar(200) NULL,
  `template_sender_name` varchar(200) NULL,
  `template_sender_email` varchar(200) NULL,
  `template_actual` smallint(5) unsigned NULL DEFAULT 1,
  `added_at` timestamp NULL DEFAULT NULL,
  `modified_at` timestamp NULL DEFAULT NULL,
  `is_legacy` tinyint(1) NOT NULL DEFAULT 0,
  PRIMARY KEY (`template_id`),
  KEY `NEWSLETTER_TEMPLATE_TEMPLATE_ACTUAL` (`template_actual`),
  KEY `NEWSLETTER_TEMPLATE_ADDED_AT` (`added_at`),
  KEY `NEWSLETTER_TEMPLATE_MODIFIED_AT` (`modified_at`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Newsletter Template';

CREATE TABLE `oauth_consumer` (
  `entity_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` timestamp NULL DEFAULT '0000-00-00 00:00:00' ON UPDATE CURRENT_TIMESTAMP,
  `name` varchar(255) NOT NULL,
  `key` varchar(32) NOT NULL,
  `secret` varchar(32) NOT NULL,
  `callback_url` text NULL,
  `rejected_callback_url` text NOT NULL,
  PRIMARY KEY (`entity_id`),
  UNIQUE KEY `OAUTH_CONSUMER_KEY` (`key`),
  UNIQUE KEY `OAUTH_CONSUMER_SECRET` (`secret`),
  KEY `OAUTH_CONSUMER_CREATED_AT` (`created_at`),
  KEY `OAUTH_CONSUMER_UPDATED_AT` (`updated_at`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='OAuth Consumers';

CREATE TABLE `oauth_token` (
  `entity_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `consumer_id` int(10) unsigned NULL,
  `admin_id` int(10) unsigned NULL,
  `customer_id` int(10) unsigned NULL,
  `type` varchar(16) NOT NULL,
  `token` varchar(32) NOT NULL,
  `secret` varchar(32) NOT NULL,
  `verifier` varchar(32) NULL,
  `callback_url` text NOT NULL,
  `revoked` smallint(5) unsigned NOT NULL DEFAULT 0,
  `authorized` smallint(5) unsigned NOT NULL DEFAULT 0,
  `user_type` int(11) NULL,
  `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`entity_id`),
  UNIQUE KEY `OAUTH_TOKEN_TOKEN` (`token`),
  KEY `OAUTH_TOKEN_CONSUMER_ID` (`consumer_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='OAuth Tokens';

CREATE TABLE `oauth_token_request_log` (
  `log_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `user_name` varchar(255) NOT NULL,
  `user_type` smallint(5) unsigned NOT NULL,
  `failures_count` smallint(5) unsigned NULL DEFAULT 0,
  `lock_expires_at` timestamp NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  PRIMARY KEY (`log_id`),
  UNIQUE KEY `OAUTH_TOKEN_REQUEST_LOG_USER_NAME_USER_TYPE` (`user_name`, `user_type`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Log of token request authentication failures.';

CREATE TABLE `password_reset_request_event` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `request_type` smallint(5) unsigned NOT NULL,
  `account_reference` varchar(255) NULL,
  `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `ip` varchar(15) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `PASSWORD_RESET_REQUEST_EVENT_ACCOUNT_REFERENCE` (`account_reference`),
  KEY `PASSWORD_RESET_REQUEST_EVENT_CREATED_AT` (`created_at`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Password Reset Request Event under a security control';

CREATE TABLE `paypal_billing_agreement` (
  `agreement_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `customer_id` int(10) unsigned NOT NULL,
  `method_code` varchar(32) NOT NULL,
  `reference_id` varchar(32) NOT NULL,
  `status` varchar(20) NOT NULL,
  `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` timestamp NULL DEFAULT NULL,
  `store_id` smallint(5) unsigned NULL,
  `agreement_label` varchar(255) NULL,
  PRIMARY KEY (`agreement_id`),
  KEY `PAYPAL_BILLING_AGREEMENT_CUSTOMER_ID` (`customer_id`),
  KEY `PAYPAL_BILLING_AGREEMENT_STORE_ID` (`store_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Sales Billing Agreement';

CREATE TABLE `paypal_billing_agreement_order` (
  `agreement_id` int(10) unsigned NOT NULL,
  `order_id` int(10) unsigned NOT NULL,
  PRIMARY KEY (`agreement_id`, `order_id`),
  KEY `PAYPAL_BILLING_AGREEMENT_ORDER_ORDER_ID` (`order_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Sales Billing Agreement Order';

CREATE TABLE `persistent_session` (
  `persistent_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `key` varchar(50) NOT NULL,
  `customer_id` int(10) unsigned NULL,
  `website_id` smallint(5) unsigned NOT NULL DEFAULT 0,
  `info` text NULL,
  `updated_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  PRIMARY KEY (`persistent_id`),
  UNIQUE KEY `PERSISTENT_SESSION_KEY` (`key`),
  UNIQUE KEY `PERSISTENT_SESSION_CUSTOMER_ID` (`customer_id`),
  KEY `PERSISTENT_SESSION_UPDATED_AT` (`updated_at`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Persistent Session';

CREATE TABLE `product_alert_price` (
  `alert_price_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `customer_id` int(10) unsigned NOT NULL DEFAULT 0,
  `product_id` int(10) unsigned NOT NULL DEFAULT 0,
  `price` decimal(12,4) NOT NULL DEFAULT 0,
  `website_id` smallint(5) unsigned NOT NULL DEFAULT 0,
  `store_id` smallint(5) unsigned NULL DEFAULT 0,
  `add_date` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `last_send_date` timestamp NULL DEFAULT NULL,
  `send_count` smallint(5) unsigned NOT NULL DEFAULT 0,
  `status` smallint(5) unsigned NOT NULL DEFAULT 0,
  PRIMARY KEY (`alert_price_id`),
  KEY `PRODUCT_ALERT_PRICE_CUSTOMER_ID` (`customer_id`),
  KEY `PRODUCT_ALERT_PRICE_PRODUCT_ID` (`product_id`),
  KEY `PRODUCT_ALERT_PRICE_WEBSITE_ID` (`website_id`),
  KEY `PRODUCT_ALERT_PRICE_STORE_ID` (`store_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Product Alert Price';

CREATE TABLE `product_alert_stock` (
  `alert_stock_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `customer_id` int(10) unsigned NOT NULL DEFAULT 0,
  `product_id` int(10) unsigned NOT NULL DEFAULT 0,
  `website_id` smallint(5) unsigned NOT NULL DEFAULT 0,
  `store_id` smallint(5) unsigned NULL DEFAULT 0,
  `add_date` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `send_date` timestamp NULL DEFAULT NULL,
  `send_count` smallint(5) unsigned NOT NULL DEFAULT 0,
  `status` smallint(5) unsigned NOT NULL DEFAULT 0,
  PRIMARY KEY (`alert_stock_id`),
  KEY `PRODUCT_ALERT_STOCK_CUSTOMER_ID` (`customer_id`),
  KEY `PRODUCT_ALERT_STOCK_PRODUCT_ID` (`product_id`),
  KEY `PRODUCT_ALERT_STOCK_WEBSITE_ID` (`website_id`),
  KEY `PRODUCT_ALERT_STOCK_STORE_ID` (`store_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Product Alert Stock';

CREATE TABLE `quote` (
  `entity_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `store_id` smallint(5) unsigned NOT NULL DEFAULT 0,
  `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  `converted_at` timestamp NULL DEFAULT NULL,
  `is_active` smallint(5) unsigned NULL DEFAULT 1,
  `is_virtual` smallint(5) unsigned NULL DEFAULT 0,
  `is_multi_shipping` smallint(5) unsigned NULL DEFAULT 0,
  `items_count` int(10) unsigned NULL DEFAULT 0,
  `items_qty` decimal(12,4) NULL DEFAULT 0,
  `orig_order_id` int(10) unsigned NULL DEFAULT 0,
  `store_to_base_rate` decimal(12,4) NULL DEFAULT 0,
  `store_to_quote_rate` decimal(12,4) NULL DEFAULT 0,
  `base_currency_code` varchar(255) NULL,
  `store_currency_code` varchar(255) NULL,
  `quote_currency_code` varchar(255) NULL,
  `grand_total` decimal(20,4) NULL DEFAULT 0,
  `base_grand_total` decimal(20,4) NULL DEFAULT 0,
  `checkout_method` varchar(255) NULL,
  `customer_id` int(10) unsigned NULL,
  `customer_tax_class_id` int(10) unsigned NULL,
  `customer_group_id` int(10) unsigned NULL DEFAULT 0,
  `customer_email` varchar(255) NULL,
  `customer_prefix` varchar(40) NULL,
  `customer_firstname` varchar(255) NULL,
  `customer_middlename` varchar(40) NULL,
  `customer_lastname` varchar(255) NULL,
  `customer_suffix` varchar(40) NULL,
  `customer_dob` datetime NULL,
  `customer_note` varchar(255) NULL,
  `customer_note_notify` smallint(5) unsigned NULL DEFAULT 1,
  `customer_is_guest` smallint(5) unsigned NULL DEFAULT 0,
  `remote_ip` varchar(45) NULL,
  `applied_rule_ids` varchar(255) NULL,
  `reserved_order_id` varchar(64) NULL,
  `password_hash` varchar(255) NULL,
  `coupon_code` varchar(255) NULL,
  `global_currency_code` varchar(255) NULL,
  `base_to_global_rate` decimal(20,4) NULL,
  `base_to_quote_rate` decimal(20,4) NULL,
  `customer_taxvat` varchar(255) NULL,
  `customer_gender` varchar(255) NULL,
  `subtotal` decimal(20,4) NULL,
  `base_subtotal` decimal(20,4) NULL,
  `subtotal_with_discount` decimal(20,4) NULL,
  `base_subtotal_with_discount` decimal(20,4) NULL,
  `is_changed` int(10) unsigned NULL,
  `trigger_recollect` smallint(6) NOT NULL DEFAULT 0,
  `ext_shipping_info` text NULL,
  `gift_message_id` int(11) NULL,
  `is_persistent` smallint(5) unsigned NULL DEFAULT 0,
  PRIMARY KEY (`entity_id`),
  KEY `QUOTE_CUSTOMER_ID_STORE_ID_IS_ACTIVE` (`customer_id`, `store_id`, `is_active`),
  KEY `QUOTE_STORE_ID` (`store_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Sales Flat Quote';

CREATE TABLE `quote_address` (
  `address_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `quote_id` int(10) unsigned NOT NULL DEFAULT 0,
  `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  `customer_id` int(10) unsigned NULL,
  `save_in_address_book` smallint(6) NULL DEFAULT 0,
  `customer_address_id` int(10) unsigned NULL,
  `address_type` varchar(10) NULL,
  `email` varchar(255) NULL,
  `prefix` varchar(40) NULL,
  `firstname` varchar(255) NULL,
  `middlename` varchar(40) NULL,
  `lastname` varchar(255) NULL,
  `suffix` varchar(40) NULL,
  `company` varchar(255) NULL,
  `street` varchar(255) NULL,
  `city` varchar(255) NULL,
  `region` varchar(255) NULL,
  `region_id` int(10) unsigned NULL,
  `postcode` varchar(20) NULL,
  `country_id` varchar(30) NULL,
  `telephone` varchar(255) NULL,
  `fax` varchar(255) NULL,
  `same_as_billing` smallint(5) unsigned NOT NULL DEFAULT 0,
  `collect_shipping_rates` smallint(5) unsigned NOT NULL DEFAULT 0,
  `shipping_method` varchar(120) NULL,
  `shipping_description` varchar(255) NULL,
  `weight` decimal(12,4) NOT NULL DEFAULT 0,
  `subtotal` decimal(20,4) NOT NULL DEFAULT 0,
  `base_subtotal` decimal(20,4) NOT NULL DEFAULT 0,
  `subtotal_with_discount` decimal(20,4) NOT NULL DEFAULT 0,
  `base_subtotal_with_discount` decimal(20,4) NOT NULL DEFAULT 0,
  `tax_amount` decimal(20,4) NOT NULL DEFAULT 0,
  `base_tax_amount` decimal(20,4) NOT NULL DEFAULT 0,
  `shipping_amount` decimal(20,4) NOT NULL DEFAULT 0,
  `base_shipping_amount` decimal(20,4) NOT NULL DEFAULT 0,
  `shipping_tax_amount` decimal(20,4) NULL,
  `base_shipping_tax_amount` decimal(20,4) NULL,
  `discount_amount` decimal(20,4) NOT NULL DEFAULT 0,
  `base_discount_amount` decimal(20,4) NOT NULL DEFAULT 0,
  `grand_total` decimal(20,4) NOT NULL DEFAULT 0,
  `base_grand_total` decimal(20,4) NOT NULL DEFAULT 0,
  `customer_notes` text NULL,
  `applied_taxes` text NULL,
  `discount_description` varchar(255) NULL,
  `shipping_discount_amount` decimal(20,4) NULL,
  `base_shipping_discount_amount` decimal(20,4) NULL,
  `subtotal_incl_tax` decimal(20,4) NULL,
  `base_subtotal_total_incl_tax` decimal(20,4) NULL,
  `discount_tax_compensation_amount` decimal(20,4) NULL,
  `base_discount_tax_compensation_amount` decimal(20,4) NULL,
  `shipping_discount_tax_compensation_amount` decimal(20,4) NULL,
  `base_shipping_discount_tax_compensation_amnt` decimal(20,4) NULL,
  `shipping_incl_tax` decimal(20,4) NULL,
  `base_shipping_incl_tax` decimal(20,4) NULL,
  `vat_id` text NULL,
  `vat_is_valid` smallint(6) NULL,
  `vat_request_id` text NULL,
  `vat_request_date` text NULL,
  `vat_request_success` smallint(6) NULL,
  `validated_country_code` text NULL,
  `validated_vat_number` text NULL,
  `gift_message_id` int(11) NULL,
  `free_shipping` smallint(5) unsigned NOT NULL DEFAULT 0,
  PRIMARY KEY (`address_id`),
  KEY `QUOTE_ADDRESS_QUOTE_ID` (`quote_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Sales Flat Quote Address';

CREATE TABLE `quote_id_mask` (
  `entity_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `quote_id` int(10) unsigned NOT NULL,
  `masked_id` varchar(32) NULL,
  PRIMARY KEY (`entity_id`, `quote_id`),
  KEY `QUOTE_ID_MASK_QUOTE_ID` (`quote_id`),
  KEY `QUOTE_ID_MASK_MASKED_ID` (`masked_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Quote ID and masked ID mapping';

CREATE TABLE `quote_item` (
  `item_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `quote_id` int(10) unsigned NOT NULL DEFAULT 0,
  `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  `product_id` int(10) unsigned NULL,
  `store_id` smallint(5) unsigned NULL,
  `parent_item_id` int(10) unsigned NULL,
  `is_virtual` smallint(5) unsigned NULL,
  `sku` varchar(255) NULL,
  `name` varchar(255) NULL,
  `description` text NULL,
  `applied_rule_ids` text NULL,
  `additional_data` text NULL,
  `is_qty_decimal` smallint(5) unsigned NULL,
  `no_discount` smallint(5) unsigned NULL DEFAULT 0,
  `weight` decimal(12,4) NULL DEFAULT 0,
  `qty` decimal(12,4) NOT NULL DEFAULT 0,
  `price` decimal(12,4) NOT NULL DEFAULT 0,
  `base_price` decimal(12,4) NOT NULL DEFAULT 0,
  `custom_price` decimal(12,4) NULL,
  `discount_percent` decimal(12,4) NULL DEFAULT 0,
  `discount_amount` decimal(20,4) NULL DEFAULT 0,
  `base_discount_amount` decimal(20,4) NULL DEFAULT 0,
  `tax_percent` decimal(12,4) NULL DEFAULT 0,
  `tax_amount` decimal(20,4) NULL DEFAULT 0,
  `base_tax_amount` decimal(20,4) NULL DEFAULT 0,
  `row_total` decimal(20,4) NOT NULL DEFAULT 0,
  `base_row_total` decimal(20,4) NOT NULL DEFAULT 0,
  `row_total_with_discount` decimal(20,4) NULL DEFAULT 0,
  `row_weight` decimal(12,4) NULL DEFAULT 0,
  `product_type` varchar(255) NULL,
  `base_tax_before_discount` decimal(20,4) NULL,
  `tax_before_discount` decimal(20,4) NULL,
  `original_custom_price` decimal(12,4) NULL,
  `redirect_url` varchar(255) NULL,
  `base_cost` decimal(12,4) NULL,
  `price_incl_tax` decimal(20,4) NULL,
  `base_price_incl_tax` decimal(20,4) NULL,
  `row_total_incl_tax` decimal(20,4) NULL,
  `base_row_total_incl_tax` decimal(20,4) NULL,
  `discount_tax_compensation_amount` decimal(20,4) NULL,
  `base_discount_tax_compensation_amount` decimal(20,4) NULL,
  `gift_message_id` int(11) NULL,
  `free_shipping` smallint(5) unsigned NOT NULL DEFAULT 0,
  `weee_tax_applied` text NULL,
  `weee_tax_applied_amount` decimal(12,4) NULL,
  `weee_tax_applied_row_amount` decimal(12,4) NULL,
  `weee_tax_disposition` decimal(12,4) NULL,
  `weee_tax_row_disposition` decimal(12,4) NULL,
  `base_weee_tax_applied_amount` decimal(12,4) NULL,
  `base_weee_tax_applied_row_amnt` decimal(12,4) NULL,
  `base_weee_tax_disposition` decimal(12,4) NULL,
  `base_weee_tax_row_disposition` decimal(12,4) NULL,
  PRIMARY KEY (`item_id`),
  KEY `QUOTE_ITEM_PARENT_ITEM_ID` (`parent_item_id`),
  KEY `QUOTE_ITEM_PRODUCT_ID` (`product_id`),
  KEY `QUOTE_ITEM_QUOTE_ID` (`quote_id`),
  KEY `QUOTE_ITEM_STORE_ID` (`store_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Sales Flat Quote Item';

CREATE TABLE `quote_payment` (
  `payment_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `quote_id` int(10) unsigned NOT NULL DEFAULT 0,
  `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  `method` varchar(255) NULL,
  `cc_type` varchar(255) NULL,
  `cc_number_enc` varchar(255) NULL,
  `cc_last_4` varchar(255) NULL,
  `cc_cid_enc` varchar(255) NULL,
  `cc_owner` varchar(255) NULL,
  `cc_exp_month` varchar(255) NULL,
  `cc_exp_year` smallint(5) unsigned NULL DEFAULT 0,
  `cc_ss_owner` varchar(255) NULL,
  `cc_ss_start_month` smallint(5) unsigned NULL DEFAULT 0,
  `cc_ss_start_year` smallint(5) unsigned NULL DEFAULT 0,
  `po_number` varchar(255) NULL,
  `additional_data` text NULL,
  `cc_ss_issue` varchar(255) NULL,
  `additional_information` text NULL,
  `paypal_payer_id` varchar(255) NULL,
  `paypal_payer_status` varchar(255) NULL,
  `paypal_correlation_id` varchar(255) NULL,
  PRIMARY KEY (`payment_id`),
  KEY `QUOTE_PAYMENT_QUOTE_ID` (`quote_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Sales Flat Quote Payment';

CREATE TABLE `rating` (
  `rating_id` smallint(5) unsigned NOT NULL AUTO_INCREMENT,
  `entity_id` smallint(5) unsigned NOT NULL DEFAULT 0,
  `rating_code` varchar(64) NOT NULL,
  `position` smallint(5) unsigned NOT NULL DEFAULT 0,
  `is_active` smallint(6) NOT NULL DEFAULT 1,
  PRIMARY KEY (`rating_id`),
  UNIQUE KEY `RATING_RATING_CODE` (`rating_code`),
  KEY `RATING_ENTITY_ID` (`entity_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Ratings';

CREATE TABLE `rating_entity` (
  `entity_id` smallint(5) unsigned NOT NULL AUTO_INCREMENT,
  `entity_code` varchar(64) NOT NULL,
  PRIMARY KEY (`entity_id`),
  UNIQUE KEY `RATING_ENTITY_ENTITY_CODE` (`entity_code`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Rating entities';

CREATE TABLE `rating_option` (
  `option_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `rating_id` smallint(5) unsigned NOT NULL DEFAULT 0,
  `code` varchar(32) NOT NULL,
  `value` smallint(5) unsigned NOT NULL DEFAULT 0,
  `position` smallint(5) unsigned NOT NULL DEFAULT 0,
  PRIMARY KEY (`option_id`),
  KEY `RATING_OPTION_RATING_ID` (`rating_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Rating options';

CREATE TABLE `rating_option_vote` (
  `vote_id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `option_id` int(10) unsigned NOT NULL DEFAULT 0,
  `remote_ip` varchar(16) NOT NULL,
  `remote_ip_long` bigint(20) NOT NULL DEFAULT 0,
  `customer_id` int(10) unsigned NULL DEFAULT 0,
  `entity_pk_value` bigint(20) unsigned NOT NULL DEFAULT 0,
  `rating_id` smallint(5) unsigned NOT NULL DEFAULT 0,
  `review_id` bigint(20) unsigned NULL,
  `percent` smallint(6) NOT NULL DEFAULT 0,
  `value` smallint(6) NOT NULL DEFAULT 0,
  PRIMARY KEY (`vote_id`),
  KEY `RATING_OPTION_VOTE_OPTION_ID` (`option_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Rating option values';

CREATE TABLE `report_compared_product_index` (
  `index_id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `visitor_id` int(10) unsigned NULL,
  `customer_id` int(10) unsigned NULL,
  `product_id` int(10) unsigned NOT NULL,
  `store_id` smallint(5) unsigned NULL,
  `added_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`index_id`),
  UNIQUE KEY `REPORT_COMPARED_PRODUCT_INDEX_VISITOR_ID_PRODUCT_ID` (`visitor_id`, `product_id`),
  UNIQUE KEY `REPORT_COMPARED_PRODUCT_INDEX_CUSTOMER_ID_PRODUCT_ID` (`customer_id`, `product_id`),
  KEY `REPORT_COMPARED_PRODUCT_INDEX_STORE_ID` (`store_id`),
  KEY `REPORT_COMPARED_PRODUCT_INDEX_ADDED_AT` (`added_at`),
  KEY `REPORT_COMPARED_PRODUCT_INDEX_PRODUCT_ID` (`product_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Reports Compared Product Index Table';

CREATE TABLE `report_event` (
  `event_id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `logged_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `event_type_id` smallint(5) unsigned NOT NULL DEFAULT 0,
  `object_id` int(10) unsigned NOT NULL DEFAULT 0,
  `subject_id` int(10) unsigned NOT NULL DEFAULT 0,
  `subtype` smallint(5) unsigned NOT NULL DEFAULT 0,
  `store_id` smallint(5) unsigned NOT NULL,
  PRIMARY KEY (`event_id`),
  KEY `REPORT_EVENT_EVENT_TYPE_ID` (`event_type_id`),
  KEY `REPORT_EVENT_SUBJECT_ID` (`subject_id`),
  KEY `REPORT_EVENT_OBJECT_ID` (`object_id`),
  KEY `REPORT_EVENT_SUBTYPE` (`subtype`),
  KEY `REPORT_EVENT_STORE_ID` (`store_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Reports Event Table';

CREATE TABLE `report_event_types` (
  `event_type_id` smallint(5) unsigned NOT NULL AUTO_INCREMENT,
  `event_name` varchar(64) NOT NULL,
  `customer_login` smallint(5) unsigned NOT NULL DEFAULT 0,
  PRIMARY KEY (`event_type_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Reports Event Type Table';

CREATE TABLE `report_viewed_product_index` (
  `index_id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `visitor_id` int(10) unsigned NULL,
  `customer_id` int(10) unsigned NULL,
  `product_id` int(10) unsigned NOT NULL,
  `store_id` smallint(5) unsigned NULL,
  `added_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`index_id`),
  UNIQUE KEY `REPORT_VIEWED_PRODUCT_INDEX_VISITOR_ID_PRODUCT_ID` (`visitor_id`, `product_id`),
  UNIQUE KEY `REPORT_VIEWED_PRODUCT_INDEX_CUSTOMER_ID_PRODUCT_ID` (`customer_id`, `product_id`),
  KEY `REPORT_VIEWED_PRODUCT_INDEX_STORE_ID` (`store_id`),
  KEY `REPORT_VIEWED_PRODUCT_INDEX_ADDED_AT` (`added_at`),
  KEY `REPORT_VIEWED_PRODUCT_INDEX_PRODUCT_ID` (`product_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Reports Viewed Product Index Table';

CREATE TABLE `review` (
  `review_id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `entity_id` smallint(5) unsigned NOT NULL DEFAULT 0,
  `entity_pk_value` int(10) unsigned NOT NULL DEFAULT 0,
  `status_id` smallint(5) unsigned NOT NULL DEFAULT 0,
  PRIMARY KEY (`review_id`),
  KEY `REVIEW_ENTITY_ID` (`entity_id`),
  KEY `REVIEW_STATUS_ID` (`status_id`),
  KEY `REVIEW_ENTITY_PK_VALUE` (`entity_pk_value`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Review base information';

CREATE TABLE `review_detail` (
  `detail_id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `review_id` bigint(20) unsigned NOT NULL DEFAULT 0,
  `store_id` smallint(5) unsigned NULL DEFAULT 0,
  `title` varchar(255) NOT NULL,
  `detail` text NOT NULL,
  `nickname` varchar(128) NOT NULL,
  `customer_id` int(10) unsigned NULL,
  PRIMARY KEY (`detail_id`),
  KEY `REVIEW_DETAIL_REVIEW_ID` (`review_id`),
  KEY `REVIEW_DETAIL_STORE_ID` (`store_id`),
  KEY `REVIEW_DETAIL_CUSTOMER_ID` (`customer_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Review detail information';

CREATE TABLE `review_entity` (
  `entity_id` smallint(5) unsigned NOT NULL AUTO_INCREMENT,
  `entity_code` varchar(32) NOT NULL,
  PRIMARY KEY (`entity_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Review entities';

CREATE TABLE `review_status` (
  `status_id` smallint(5) unsigned NOT NULL AUTO_INCREMENT,
  `status_code` varchar(32) NOT NULL,
  PRIMARY KEY (`status_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Review statuses';

CREATE TABLE `sales_creditmemo` (
  `entity_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `store_id` smallint(5) unsigned NULL,
  `adjustment_positive` decimal(20,4) NULL,
  `base_shipping_tax_amount` decimal(20,4) NULL,
  `store_to_order_rate` decimal(20,4) NULL,
  `base_discount_amount` decimal(20,4) NULL,
  `base_to_order_rate` decimal(20,4) NULL,
  `grand_total` decimal(20,4) NULL,
  `base_adjustment_negative` decimal(20,4) NULL,
  `base_subtotal_incl_tax` decimal(20,4) NULL,
  `shipping_amount` decimal(20,4) NULL,
  `subtotal_incl_tax` decimal(20,4) NULL,
  `adjustment_negative` decimal(20,4) NULL,
  `base_shipping_amount` decimal(20,4) NULL,
  `store_to_base_rate` decimal(20,4) NULL,
  `base_to_global_rate` decimal(20,4) NULL,
  `base_adjustment` decimal(20,4) NULL,
  `base_subtotal` decimal(20,4) NULL,
  `discount_amount` decimal(20,4) NULL,
  `subtotal` decimal(20,4) NULL,
  `adjustment` decimal(20,4) NULL,
  `base_grand_total` decimal(20,4) NULL,
  `base_adjustment_positive` decimal(20,4) NULL,
  `base_tax_amount` decimal(20,4) NULL,
  `shipping_tax_amount` decimal(20,4) NULL,
  `tax_amount` decimal(20,4) NULL,
  `order_id` int(10) unsigned NOT NULL,
  `email_sent` smallint(6) NULL,
  `send_email` smallint(5) unsigned NULL,
  `creditmemo_status` int(11) NULL,
  `state` int(11) NULL,
  `shipping_address_id` int(11) NULL,
  `billing_address_id` int(11) NULL,
  `invoice_id` int(11) NULL,
  `store_currency_code` varchar(3) NULL,
  `order_currency_code` varchar(3) NULL,
  `base_currency_code` varchar(3) NULL,
  `global_currency_code` varchar(3) NULL,
  `transaction_id` varchar(255) NULL,
  `increment_id` varchar(50) NULL,
  `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  `discount_tax_compensation_amount` decimal(20,4) NULL,
  `base_discount_tax_compensation_amount` decimal(20,4) NULL,
  `shipping_discount_tax_compensation_amount` decimal(20,4) NULL,
  `base_shipping_discount_tax_compensation_amnt` decimal(20,4) NULL,
  `shipping_incl_tax` decimal(20,4) NULL,
  `base_shipping_incl_tax` decimal(20,4) NULL,
  `discount_description` varchar(255) NULL,
  `customer_note` text NULL,
  `customer_note_notify` smallint(5) unsigned NULL,
  PRIMARY KEY (`entity_id`),
  UNIQUE KEY `SALES_CREDITMEMO_INCREMENT_ID_STORE_ID` (`increment_id`, `store_id`),
  KEY `SALES_CREDITMEMO_STORE_ID` (`store_id`),
  KEY `SALES_CREDITMEMO_ORDER_ID` (`order_id`),
  KEY `SALES_CREDITMEMO_CREDITMEMO_STATUS` (`creditmemo_status`),
  KEY `SALES_CREDITMEMO_STATE` (`state`),
  KEY `SALES_CREDITMEMO_CREATED_AT` (`created_at`),
  KEY `SALES_CREDITMEMO_UPDATED_AT` (`updated_at`),
  KEY `SALES_CREDITMEMO_SEND_EMAIL` (`send_email`),
  KEY `SALES_CREDITMEMO_EMAIL_SENT` (`email_sent`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Sales Flat Creditmemo';

CREATE TABLE `sales_creditmemo_comment` (
  `entity_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `parent_id` int(10) unsigned NOT NULL,
  `is_customer_notified` int(11) NULL,
  `is_visible_on_front` smallint(5) unsigned NOT NULL DEFAULT 0,
  `comment` text NULL,
  `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` timestamp NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  `user_id` int(10) unsigned NOT NULL DEFAULT 0,
  `user_type` int(10) unsigned NOT NULL DEFAULT 0,
  PRIMARY KEY (`entity_id`),
  UNIQUE KEY `SALES_CREDITMEMO_COMMENT_ENTITY_ID_USER_ID_USER_TYPE` (`entity_id`, `user_id`, `user_type`),
  KEY `SALES_CREDITMEMO_COMMENT_CREATED_AT` (`created_at`),
  KEY `SALES_CREDITMEMO_COMMENT_PARENT_ID` (`parent_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Sales Flat Creditmemo Comment';

CREATE TABLE `sales_creditmemo_grid` (
  `entity_id` int(10) unsigned NOT NULL,
  `increment_id` varchar(50) NULL,
  `created_at` timestamp NULL DEFAULT NULL,
  `updated_at` timestamp NULL DEFAULT NULL,
  `order_id` int(10) unsigned NOT NULL,
  `order_increment_id` varchar(50) NULL,
  `order_created_at` timestamp NULL DEFAULT NULL,
  `billing_name` varchar(255) NULL,
  `state` int(11) NULL,
  `base_grand_total` decimal(20,4) NULL,
  `order_status` varchar(32) NULL,
  `store_id` smallint(5) unsigned NULL,
  `billing_address` varchar(255) NULL,
  `shipping_address` varchar(255) NULL,
  `customer_name` varchar(128) NOT NULL,
  `customer_email` varchar(128) NULL,
  `customer_group_id` smallint(6) NULL,
  `payment_method` varchar(32) NULL,
  `shipping_information` varchar(255) NULL,
  `subtotal` decimal(20,4) NULL,
  `shipping_and_handling` decimal(20,4) NULL,
  `adjustment_positive` decimal(20,4) NULL,
  `adjustment_negative` decimal(20,4) NULL,
  `order_base_grand_total` decimal(20,4) NULL,
  PRIMARY KEY (`entity_id`),
  UNIQUE KEY `SALES_CREDITMEMO_GRID_INCREMENT_ID_STORE_ID` (`increment_id`, `store_id`),
  KEY `SALES_CREDITMEMO_GRID_ORDER_INCREMENT_ID` (`order_increment_id`),
  KEY `SALES_CREDITMEMO_GRID_CREATED_AT` (`created_at`),
  KEY `SALES_CREDITMEMO_GRID_UPDATED_AT` (`updated_at`),
  KEY `SALES_CREDITMEMO_GRID_ORDER_CREATED_AT` (`order_created_at`),
  KEY `SALES_CREDITMEMO_GRID_STATE` (`state`),
  KEY `SALES_CREDITMEMO_GRID_BILLING_NAME` (`billing_name`),
  KEY `SALES_CREDITMEMO_GRID_ORDER_STATUS` (`order_status`),
  KEY `SALES_CREDITMEMO_GRID_BASE_GRAND_TOTAL` (`base_grand_total`),
  KEY `SALES_CREDITMEMO_GRID_STORE_ID` (`store_id`),
  KEY `SALES_CREDITMEMO_GRID_ORDER_BASE_GRAND_TOTAL` (`order_base_grand_total`),
  KEY `SALES_CREDITMEMO_GRID_ORDER_ID` (`order_id`),
  FULLTEXT KEY `FTI_32B7BA885941A8254EE84AE650ABDC86` (`increment_id`, `order_increment_id`, `billing_name`, `billing_address`, `shipping_address`, `customer_name`, `customer_email`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Sales Flat Creditmemo Grid';

CREATE TABLE `sales_invoice` (
  `entity_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `store_id` smallint(5) unsigned NULL,
  `base_grand_total` decimal(20,4) NULL,
  `shipping_tax_amount` decimal(20,4) NULL,
  `tax_amount` decimal(20,4) NULL,
  `base_tax_amount` decimal(20,4) NULL,
  `store_to_order_rate` decimal(20,4) NULL,
  `base_shipping_tax_amount` decimal(20,4) NULL,
  `base_discount_amount` decimal(20,4) NULL,
  `base_to_order_rate` decimal(20,4) NULL,
  `grand_total` decimal(20,4) NULL,
  `shipping_amount` decimal(20,4) NULL,
  `subtotal_incl_tax` decimal(20,4) NULL,
  `base_subtotal_incl_tax` decimal(20,4) NULL,
  `store_to_base_rate` decimal(20,4) NULL,
  `base_shipping_amount` decimal(20,4) NULL,
  `total_qty` decimal(12,4) NULL,
  `base_to_global_rate` decimal(20,4) NULL,
  `subtotal` decimal(20,4) NULL,
  `base_subtotal` decimal(20,4) NULL,
  `discount_amount` decimal(20,4) NULL,
  `billing_address_id` int(11) NULL,
  `is_used_for_refund` smallint(5) unsigned NULL,
  `order_id` int(10) unsigned NOT NULL,
  `email_sent` smallint(6) NULL,
  `send_email` smallint(5) unsigned NULL,
  `can_void_flag` smallint(5) unsigned NULL,
  `state` int(11) NULL,
  `shipping_address_id` int(11) NULL,
  `store_currency_code` varchar(3) NULL,
  `transaction_id` varchar(255) NULL,
  `order_currency_code` varchar(3) NULL,
  `base_currency_code` varchar(3) NULL,
  `global_currency_code` varchar(3) NULL,
  `increment_id` varchar(50) NULL,
  `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  `discount_tax_compensation_amount` decimal(20,4) NULL,
  `base_discount_tax_compensation_amount` decimal(20,4) NULL,
  `shipping_discount_tax_compensation_amount` decimal(20,4) NULL,
  `base_shipping_discount_tax_compensation_amnt` decimal(20,4) NULL,
  `shipping_incl_tax` decimal(20,4) NULL,
  `base_shipping_incl_tax` decimal(20,4) NULL,
  `base_total_refunded` decimal(20,4) NULL,
  `discount_description` varchar(255) NULL,
  `customer_note` text NULL,
  `customer_note_notify` smallint(5) unsigned NULL,
  PRIMARY KEY (`entity_id`),
  UNIQUE KEY `SALES_INVOICE_INCREMENT_ID_STORE_ID` (`increment_id`, `store_id`),
  KEY `SALES_INVOICE_STORE_ID` (`store_id`),
  KEY `SALES_INVOICE_GRAND_TOTAL` (`grand_total`),
  KEY `SALES_INVOICE_ORDER_ID` (`order_id`),
  KEY `SALES_INVOICE_STATE` (`state`),
  KEY `SALES_INVOICE_CREATED_AT` (`created_at`),
  KEY `SALES_INVOICE_UPDATED_AT` (`updated_at`),
  KEY `SALES_INVOICE_SEND_EMAIL` (`send_email`),
  KEY `SALES_INVOICE_EMAIL_SENT` (`email_sent`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Sales Flat Invoice';

CREATE TABLE `sales_invoice_comment` (
  `entity_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `parent_id` int(10) unsigned NOT NULL,
  `is_customer_notified` smallint(5) unsigned NULL,
  `is_visible_on_front` smallint(5) unsigned NOT NULL DEFAULT 0,
  `comment` text NULL,
  `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` timestamp NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  `user_id` int(10) unsigned NOT NULL DEFAULT 0,
  `user_type` int(10) unsigned NOT NULL DEFAULT 0,
  PRIMARY KEY (`entity_id`),
  UNIQUE KEY `SALES_INVOICE_COMMENT_ENTITY_ID_USER_ID_USER_TYPE` (`entity_id`, `user_id`, `user_type`),
  KEY `SALES_INVOICE_COMMENT_CREATED_AT` (`created_at`),
  KEY `SALES_INVOICE_COMMENT_PARENT_ID` (`parent_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Sales Flat Invoice Comment';

CREATE TABLE `sales_invoice_grid` (
  `entity_id` int(10) unsigned NOT NULL,
  `increment_id` varchar(50) NULL,
  `state` int(11) NULL,
  `store_id` smallint(5) unsigned NULL,
  `store_name` varchar(255) NULL,
  `order_id` int(10) unsigned NOT NULL,
  `order_increment_id` varchar(50) NULL,
  `order_created_at` timestamp NULL DEFAULT NULL,
  `customer_name` varchar(255) NULL,
  `customer_email` varchar(255) NULL,
  `customer_group_id` int(11) NULL,
  `payment_method` varchar(128) NULL,
  `store_currency_code` varchar(3) NULL,
  `order_currency_code` varchar(3) NULL,
  `base_currency_code` varchar(3) NULL,
  `global_currency_code` varchar(3) NULL,
  `billing_name` varchar(255) NULL,
  `billing_address` varchar(255) NULL,
  `shipping_address` varchar(255) NULL,
  `shipping_information` varchar(255) NULL,
  `subtotal` decimal(20,4) NULL,
  `shipping_and_handling` decimal(20,4) NULL,
  `grand_total` decimal(20,4) NULL,
  `created_at` timestamp NULL DEFAULT NULL,
  `updated_at` timestamp NULL DEFAULT NULL,
  `base_grand_total` decimal(20,4) NULL,
  PRIMARY KEY (`entity_id`),
  UNIQUE KEY `SALES_INVOICE_GRID_INCREMENT_ID_STORE_ID` (`increment_id`, `store_id`),
  KEY `SALES_INVOICE_GRID_STORE_ID` (`store_id`),
  KEY `SALES_INVOICE_GRID_GRAND_TOTAL` (`grand_total`),
  KEY `SALES_INVOICE_GRID_ORDER_ID` (`order_id`),
  KEY `SALES_INVOICE_GRID_STATE` (`state`),
  KEY `SALES_INVOICE_GRID_ORDER_INCREMENT_ID` (`order_increment_id`),
  KEY `SALES_INVOICE_GRID_CREATED_AT` (`created_at`),
  KEY `SALES_INVOICE_GRID_UPDATED_AT` (`updated_at`),
  KEY `SALES_INVOICE_GRID_ORDER_CREATED_AT` (`order_created_at`),
  KEY `SALES_INVOICE_GRID_BILLING_NAME` (`billing_name`),
  FULLTEXT KEY `FTI_95D9C924DD6A8734EB8B5D01D60F90DE` (`increment_id`, `order_increment_id`, `billing_name`, `billing_address`, `shipping_address`, `customer_name`, `customer_email`),
  KEY `SALES_INVOICE_GRID_BASE_GRAND_TOTAL` (`base_grand_total`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Sales Flat Invoice Grid';

CREATE TABLE `sales_order` (
  `entity_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `state` varchar(32) NULL,
  `status` varchar(32) NULL,
  `coupon_code` varchar(255) NULL,
  `protect_code` varchar(255) NULL,
  `shipping_description` varchar(255) NULL,
  `is_virtual` smallint(5) unsigned NULL,
  `store_id` smallint(5) unsigned NULL,
  `customer_id` int(10) unsigned NULL,
  `base_discount_amount` decimal(20,4) NULL,
  `base_discount_canceled` decimal(20,4) NULL,
  `base_discount_invoiced` decimal(20,4) NULL,
  `base_discount_refunded` decimal(20,4) NULL,
  `base_grand_total` decimal(20,4) NULL,
  `base_shipping_amount` decimal(20,4) NULL,
  `base_shipping_canceled` decimal(20,4) NULL,
  `base_shipping_invoiced` decimal(20,4) NULL,
  `base_shipping_refunded` decimal(20,4) NULL,
  `base_shipping_tax_amount` decimal(20,4) NULL,
  `base_shipping_tax_refunded` decimal(20,4) NULL,
  `base_subtotal` decimal(20,4) NULL,
  `base_subtotal_canceled` decimal(20,4) NULL,
  `base_subtotal_invoiced` decimal(20,4) NULL,
  `base_subtotal_refunded` decimal(20,4) NULL,
  `base_tax_amount` decimal(20,4) NULL,
  `base_tax_canceled` decimal(20,4) NULL,
  `base_tax_invoiced` decimal(20,4) NULL,
  `base_tax_refunded` decimal(20,4) NULL,
  `base_to_global_rate` decimal(20,4) NULL,
  `base_to_order_rate` decimal(20,4) NULL,
  `base_total_canceled` decimal(20,4) NULL,
  `base_total_invoiced` decimal(20,4) NULL,
  `base_total_invoiced_cost` decimal(20,4) NULL,
  `base_total_offline_refunded` decimal(20,4) NULL,
  `base_total_online_refunded` decimal(20,4) NULL,
  `base_total_paid` decimal(20,4) NULL,
  `base_total_qty_ordered` decimal(12,4) NULL,
  `base_total_refunded` decimal(20,4) NULL,
  `discount_amount` decimal(20,4) NULL,
  `discount_canceled` decimal(20,4) NULL,
  `discount_invoiced` decimal(20,4) NULL,
  `discount_refunded` decimal(20,4) NULL,
  `grand_total` decimal(20,4) NULL,
  `shipping_amount` decimal(20,4) NULL,
  `shipping_canceled` decimal(20,4) NULL,
  `shipping_invoiced` decimal(20,4) NULL,
  `shipping_refunded` decimal(20,4) NULL,
  `shipping_tax_amount` decimal(20,4) NULL,
  `shipping_tax_refunded` decimal(20,4) NULL,
  `store_to_base_rate` decimal(12,4) NULL,
  `store_to_order_rate` decimal(12,4) NULL,
  `subtotal` decimal(20,4) NULL,
  `subtotal_canceled` decimal(20,4) NULL,
  `subtotal_invoiced` decimal(20,4) NULL,
  `subtotal_refunded` decimal(20,4) NULL,
  `tax_amount` decimal(20,4) NULL,
  `tax_canceled` decimal(20,4) NULL,
  `tax_invoiced` decimal(20,4) NULL,
  `tax_refunded` decimal(20,4) NULL,
  `total_canceled` decimal(20,4) NULL,
  `total_invoiced` decimal(20,4) NULL,
  `total_offline_refunded` decimal(20,4) NULL,
  `total_online_refunded` decimal(20,4) NULL,
  `total_paid` decimal(20,4) NULL,
  `total_qty_ordered` decimal(12,4) NULL,
  `total_refunded` decimal(20,4) NULL,
  `can_ship_partially` smallint(5) unsigned NULL,
  `can_ship_partially_item` smallint(5) unsigned NULL,
  `customer_is_guest` smallint(5) unsigned NULL,
  `customer_note_notify` smallint(5) unsigned NULL,
  `billing_address_id` int(11) NULL,
  `customer_group_id` int(11) NULL,
  `edit_increment` int(11) NULL,
  `email_sent` smallint(6) NULL,
  `send_email` smallint(5) unsigned NULL,
  `forced_shipment_with_invoice` smallint(5) unsigned NULL,
  `payment_auth_expiration` int(11) NULL,
  `quote_address_id` int(11) NULL,
  `quote_id` int(11) NULL,
  `shipping_address_id` int(11) NULL,
  `adjustment_negative` decimal(20,4) NULL,
  `adjustment_positive` decimal(20,4) NULL,
  `base_adjustment_negative` decimal(20,4) NULL,
  `base_adjustment_positive` decimal(20,4) NULL,
  `base_shipping_discount_amount` decimal(20,4) NULL,
  `base_subtotal_incl_tax` decimal(20,4) NULL,
  `base_total_due` decimal(20,4) NULL,
  `payment_authorization_amount` decimal(20,4) NULL,
  `shipping_discount_amount` decimal(20,4) NULL,
  `subtotal_incl_tax` decimal(20,4) NULL,
  `total_due` decimal(20,4) NULL,
  `weight` decimal(12,4) NULL,
  `customer_dob` datetime NULL,
  `increment_id` varchar(50) NULL,
  `applied_rule_ids` varchar(128) NULL,
  `base_currency_code` varchar(3) NULL,
  `customer_email` varchar(128) NULL,
  `customer_firstname` varchar(128) NULL,
  `customer_lastname` varchar(128) NULL,
  `customer_middlename` varchar(128) NULL,
  `customer_prefix` varchar(32) NULL,
  `customer_suffix` varchar(32) NULL,
  `customer_taxvat` varchar(32) NULL,
  `discount_description` varchar(255) NULL,
  `ext_customer_id` varchar(32) NULL,
  `ext_order_id` varchar(32) NULL,
  `global_currency_code` varchar(3) NULL,
  `hold_before_state` varchar(32) NULL,
  `hold_before_status` varchar(32) NULL,
  `order_currency_code` varchar(3) NULL,
  `original_increment_id` varchar(50) NULL,
  `relation_child_id` varchar(32) NULL,
  `relation_child_real_id` varchar(32) NULL,
  `relation_parent_id` varchar(32) NULL,
  `relation_parent_real_id` varchar(32) NULL,
  `remote_ip` varchar(45) NULL,
  `shipping_method` varchar(120) NULL,
  `store_currency_code` varchar(3) NULL,
  `store_name` varchar(255) NULL,
  `x_forwarded_for` varchar(255) NULL,
  `customer_note` text NULL,
  `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  `total_item_count` smallint(5) unsigned NOT NULL DEFAULT 0,
  `customer_gender` int(11) NULL,
  `discount_tax_compensation_amount` decimal(20,4) NULL,
  `base_discount_tax_compensation_amount` decimal(20,4) NULL,
  `shipping_discount_tax_compensation_amount` decimal(20,4) NULL,
  `base_shipping_discount_tax_compensation_amnt` decimal(20,4) NULL,
  `discount_tax_compensation_invoiced` decimal(20,4) NULL,
  `base_discount_tax_compensation_invoiced` decimal(20,4) NULL,
  `discount_tax_compensation_refunded` decimal(20,4) NULL,
  `base_discount_tax_compensation_refunded` decimal(20,4) NULL,
  `shipping_incl_tax` decimal(20,4) NULL,
  `base_shipping_incl_tax` decimal(20,4) NULL,
  `coupon_rule_name` varchar(255) NULL,
  `gift_message_id` int(11) NULL,
  `paypal_ipn_customer_notified` int(11) NULL DEFAULT 0,
  PRIMARY KEY (`entity_id`),
  UNIQUE KEY `SALES_ORDER_INCREMENT_ID_STORE_ID` (`increment_id`, `store_id`),
  KEY `SALES_ORDER_STATUS` (`status`),
  KEY `SALES_ORDER_STATE` (`state`),
  KEY `SALES_ORDER_STORE_ID` (`store_id`),
  KEY `SALES_ORDER_CREATED_AT` (`created_at`),
  KEY `SALES_ORDER_CUSTOMER_ID` (`customer_id`),
  KEY `SALES_ORDER_EXT_ORDER_ID` (`ext_order_id`),
  KEY `SALES_ORDER_QUOTE_ID` (`quote_id`),
  KEY `SALES_ORDER_UPDATED_AT` (`updated_at`),
  KEY `SALES_ORDER_SEND_EMAIL` (`send_email`),
  KEY `SALES_ORDER_EMAIL_SENT` (`email_sent`),
  KEY `SALES_ORDER_STORE_STATE_CREATED` (`store_id`, `state`, `created_at`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Sales Flat Order';

CREATE TABLE `sales_order_address` (
  `entity_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `parent_id` int(10) unsigned NULL,
  `customer_address_id` int(11) NULL,
  `quote_address_id` int(11) NULL,
  `region_id` int(11) NULL,
  `customer_id` int(11) NULL,
  `fax` varchar(255) NULL,
  `region` varchar(255) NULL,
  `postcode` varchar(255) NULL,
  `lastname` varchar(255) NULL,
  `street` varchar(255) NULL,
  `city` varchar(255) NULL,
  `email` varchar(255) NULL,
  `telephone` varchar(255) NULL,
  `country_id` varchar(2) NULL,
  `firstname` varchar(255) NULL,
  `address_type` varchar(255) NULL,
  `prefix` varchar(255) NULL,
  `middlename` varchar(255) NULL,
  `suffix` varchar(255) NULL,
  `company` varchar(255) NULL,
  `vat_id` text NULL,
  `vat_is_valid` smallint(6) NULL,
  `vat_request_id` text NULL,
  `vat_request_date` text NULL,
  `vat_request_success` smallint(6) NULL,
  PRIMARY KEY (`entity_id`),
  KEY `SALES_ORDER_ADDRESS_PARENT_ID` (`parent_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Sales Flat Order Address';

CREATE TABLE `sales_order_grid` (
  `entity_id` int(10) unsigned NOT NULL,
  `status` varchar(32) NULL,
  `store_id` smallint(5) unsigned NULL,
  `store_name` varchar(255) NULL,
  `customer_id` int(10) unsigned NULL,
  `base_grand_total` decimal(20,4) NULL,
  `base_total_paid` decimal(20,4) NULL,
  `grand_total` decimal(20,4) NULL,
  `total_paid` decimal(20,4) NULL,
  `increment_id` varchar(50) NULL,
  `base_currency_code` varchar(3) NULL,
  `order_currency_code` varchar(255) NULL,
  `shipping_name` varchar(255) NULL,
  `billing_name` varchar(255) NULL,
  `created_at` timestamp NULL DEFAULT NULL,
  `updated_at` timestamp NULL DEFAULT NULL,
  `billing_address` varchar(255) NULL,
  `shipping_address` varchar(255) NULL,
  `shipping_information` varchar(255) NULL,
  `customer_email` varchar(255) NULL,
  `customer_group` varchar(255) NULL,
  `subtotal` decimal(20,4) NULL,
  `shipping_and_handling` decimal(20,4) NULL,
  `customer_name` varchar(255) NULL,
  `payment_method` varchar(255) NULL,
  `total_refunded` decimal(20,4) NULL,
  PRIMARY KEY (`entity_id`),
  UNIQUE KEY `SALES_ORDER_GRID_INCREMENT_ID_STORE_ID` (`increment_id`, `store_id`),
  KEY `SALES_ORDER_GRID_STATUS` (`status`),
  KEY `SALES_ORDER_GRID_STORE_ID` (`store_id`),
  KEY `SALES_ORDER_GRID_BASE_GRAND_TOTAL` (`base_grand_total`),
  KEY `SALES_ORDER_GRID_BASE_TOTAL_PAID` (`base_total_paid`),
  KEY `SALES_ORDER_GRID_GRAND_TOTAL` (`grand_total`),
  KEY `SALES_ORDER_GRID_TOTAL_PAID` (`total_paid`),
  KEY `SALES_ORDER_GRID_SHIPPING_NAME` (`shipping_name`),
  KEY `SALES_ORDER_GRID_BILLING_NAME` (`billing_name`),
  KEY `SALES_ORDER_GRID_CREATED_AT` (`created_at`),
  KEY `SALES_ORDER_GRID_CUSTOMER_ID` (`customer_id`),
  KEY `SALES_ORDER_GRID_UPDATED_AT` (`updated_at`),
  FULLTEXT KEY `FTI_65B9E9925EC58F0C7C2E2F6379C233E7` (`increment_id`, `billing_name`, `shipping_name`, `shipping_address`, `billing_address`, `customer_name`, `customer_email`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Sales Flat Order Grid';

CREATE TABLE `sales_order_item` (
  `item_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `order_id` int(10) unsigned NOT NULL DEFAULT 0,
  `parent_item_id` int(10) unsigned NULL,
  `quote_item_id` int(10) unsigned NULL,
  `store_id` smallint(5) unsigned NULL,
  `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  `product_id` int(10) unsigned NULL,
  `product_type` varchar(255) NULL,
  `product_options` longtext NULL,
  `weight` decimal(12,4) NULL DEFAULT 0,
  `is_virtual` smallint(5) unsigned NULL,
  `sku` varchar(255) NULL,
  `name` varchar(255) NULL,
  `description` text NULL,
  `applied_rule_ids` text NULL,
  `additional_data` text NULL,
  `is_qty_decimal` smallint(5) unsigned NULL,
  `no_discount` smallint(5) unsigned NOT NULL DEFAULT 0,
  `qty_backordered` decimal(12,4) NULL DEFAULT 0,
  `qty_canceled` decimal(12,4) NULL DEFAULT 0,
  `qty_invoiced` decimal(12,4) NULL DEFAULT 0,
  `qty_ordered` decimal(12,4) NULL DEFAULT 0,
  `qty_refunded` decimal(12,4) NULL DEFAULT 0,
  `qty_shipped` decimal(12,4) NULL DEFAULT 0,
  `base_cost` decimal(12,4) NULL DEFAULT 0,
  `price` decimal(20,4) NOT NULL DEFAULT 0,
  `base_price` decimal(20,4) NOT NULL DEFAULT 0,
  `original_price` decimal(20,4) NULL,
  `base_original_price` decimal(20,4) NULL,
  `tax_percent` decimal(12,4) NULL DEFAULT 0,
  `tax_amount` decimal(20,4) NULL DEFAULT 0,
  `base_tax_amount` decimal(20,4) NULL DEFAULT 0,
  `tax_invoiced` decimal(20,4) NULL DEFAULT 0,
  `base_tax_invoiced` decimal(20,4) NULL DEFAULT 0,
  `discount_percent` decimal(12,4) NULL DEFAULT 0,
  `discount_amount` decimal(20,4) NULL DEFAULT 0,
  `base_discount_amount` decimal(20,4) NULL DEFAULT 0,
  `discount_invoiced` decimal(20,4) NULL DEFAULT 0,
  `base_discount_invoiced` decimal(20,4) NULL DEFAULT 0,
  `amount_refunded` decimal(20,4) NULL DEFAULT 0,
  `base_amount_refunded` decimal(20,4) NULL DEFAULT 0,
  `row_total` decimal(20,4) NOT NULL DEFAULT 0,
  `base_row_total` decimal(20,4) NOT NULL DEFAULT 0,
  `row_invoiced` decimal(20,4) NOT NULL DEFAULT 0,
  `base_row_invoiced` decimal(20,4) NOT NULL DEFAULT 0,
  `row_weight` decimal(12,4) NULL DEFAULT 0,
  `base_tax_before_discount` decimal(20,4) NULL,
  `tax_before_discount` decimal(20,4) NULL,
  `ext_order_item_id` varchar(255) NULL,
  `locked_do_invoice` smallint(5) unsigned NULL,
  `locked_do_ship` smallint(5) unsigned NULL,
  `price_incl_tax` decimal(20,4) NULL,
  `base_price_incl_tax` decimal(20,4) NULL,
  `row_total_incl_tax` decimal(20,4) NULL,
  `base_row_total_incl_tax` decimal(20,4) NULL,
  `discount_tax_compensation_amount` decimal(20,4) NULL,
  `base_discount_tax_compensation_amount` decimal(20,4) NULL,
  `discount_tax_compensation_invoiced` decimal(20,4) NULL,
  `base_discount_tax_compensation_invoiced` decimal(20,4) NULL,
  `discount_tax_compensation_refunded` decimal(20,4) NULL,
  `base_discount_tax_compensation_refunded` decimal(20,4) NULL,
  `tax_canceled` decimal(12,4) NULL,
  `discount_tax_compensation_canceled` decimal(20,4) NULL,
  `tax_refunded` decimal(20,4) NULL,
  `base_tax_refunded` decimal(20,4) NULL,
  `discount_refunded` decimal(20,4) NULL,
  `base_discount_refunded` decimal(20,4) NULL,
  `gift_message_id` int(11) NULL,
  `gift_message_available` int(11) NULL,
  `free_shipping` smallint(5) unsigned NOT NULL DEFAULT 0,
  `weee_tax_applied` text NULL,
  `weee_tax_applied_amount` decimal(12,4) NULL,
  `weee_tax_applied_row_amount` decimal(12,4) NULL,
  `weee_tax_disposition` decimal(12,4) NULL,
  `weee_tax_row_disposition` decimal(12,4) NULL,
  `base_weee_tax_applied_amount` decimal(12,4) NULL,
  `base_weee_tax_applied_row_amnt` decimal(12,4) NULL,
  `base_weee_tax_disposition` decimal(12,4) NULL,
  `base_weee_tax_row_disposition` decimal(12,4) NULL,
  PRIMARY KEY (`item_id`),
  KEY `SALES_ORDER_ITEM_ORDER_ID` (`order_id`),
  KEY `SALES_ORDER_ITEM_STORE_ID` (`store_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Sales Flat Order Item';

CREATE TABLE `sales_order_payment` (
  `entity_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `parent_id` int(10) unsigned NOT NULL,
  `base_shipping_captured` decimal(20,4) NULL,
  `shipping_captured` decimal(20,4) NULL,
  `amount_refunded` decimal(20,4) NULL,
  `base_amount_paid` decimal(20,4) NULL,
  `amount_canceled` decimal(20,4) NULL,
  `base_amount_authorized` decimal(20,4) NULL,
  `base_amount_paid_online` decimal(20,4) NULL,
  `base_amount_refunded_online` decimal(20,4) NULL,
  `base_shipping_amount` decimal(20,4) NULL,
  `shipping_amount` decimal(20,4) NULL,
  `amount_paid` decimal(20,4) NULL,
  `amount_authorized` decimal(20,4) NULL,
  `base_amount_ordered` decimal(20,4) NULL,
  `base_shipping_refunded` decimal(20,4) NULL,
  `shipping_refunded` decimal(20,4) NULL,
  `base_amount_refunded` decimal(20,4) NULL,
  `amount_ordered` decimal(20,4) NULL,
  `base_amount_canceled` decimal(20,4) NULL,
  `quote_payment_id` int(11) NULL,
  `additional_data` text NULL,
  `cc_exp_month` varchar(12) NULL,
  `cc_ss_start_year` varchar(12) NULL,
  `echeck_bank_name` varchar(128) NULL,
  `method` varchar(128) NULL,
  `cc_debug_request_body` varchar(32) NULL,
  `cc_secure_verify` varchar(32) NULL,
  `protection_eligibility` varchar(32) NULL,
  `cc_approval` varchar(32) NULL,
  `cc_last_4` varchar(100) NULL,
  `cc_status_description` varchar(32) NULL,
  `echeck_type` varchar(32) NULL,
  `cc_debug_response_serialized` varchar(32) NULL,
  `cc_ss_start_month` varchar(128) NULL,
  `echeck_account_type` varchar(255) NULL,
  `last_trans_id` varchar(255) NULL,
  `cc_cid_status` varchar(32) NULL,
  `cc_owner` varchar(128) NULL,
  `cc_type` varchar(32) NULL,
  `po_number` varchar(32) NULL,
  `cc_exp_year` varchar(4) NULL,
  `cc_status` varchar(4) NULL,
  `echeck_routing_number` varchar(32) NULL,
  `account_status` varchar(32) NULL,
  `anet_trans_method` varchar(32) NULL,
  `cc_debug_response_body` varchar(32) NULL,
  `cc_ss_issue` varchar(32) NULL,
  `echeck_account_name` varchar(32) NULL,
  `cc_avs_status` varchar(32) NULL,
  `cc_number_enc` varchar(128) NULL,
  `cc_trans_id` varchar(32) NULL,
  `address_status` varchar(32) NULL,
  `additional_information` text NULL,
  PRIMARY KEY (`entity_id`),
  KEY `SALES_ORDER_PAYMENT_PARENT_ID` (`parent_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Sales Flat Order Payment';

CREATE TABLE `sales_order_status_history` (
  `entity_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `parent_id` int(10) unsigned NOT NULL,
  `is_customer_notified` int(11) NULL,
  `is_visible_on_front` smallint(5) unsigned NOT NULL DEFAULT 0,
  `comment` text NULL,
  `status` varchar(32) NULL,
  `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `entity_name` varchar(32) NULL,
  PRIMARY KEY (`entity_id`),
  KEY `SALES_ORDER_STATUS_HISTORY_PARENT_ID` (`parent_id`),
  KEY `SALES_ORDER_STATUS_HISTORY_CREATED_AT` (`created_at`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Sales Flat Order Status History';

CREATE TABLE `sales_payment_transaction` (
  `transaction_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `parent_id` int(10) unsigned NULL,
  `order_id` int(10) unsigned NOT NULL DEFAULT 0,
  `payment_id` int(10) unsigned NOT NULL DEFAULT 0,
  `txn_id` varchar(100) NULL,
  `parent_txn_id` varchar(100) NULL,
  `txn_type` varchar(15) NULL,
  `is_closed` smallint(5) unsigned NOT NULL DEFAULT 1,
  `additional_information` blob NULL,
  `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`transaction_id`),
  UNIQUE KEY `SALES_PAYMENT_TRANSACTION_ORDER_ID_PAYMENT_ID_TXN_ID` (`order_id`, `payment_id`, `txn_id`),
  KEY `SALES_PAYMENT_TRANSACTION_PARENT_ID` (`parent_id`),
  KEY `SALES_PAYMENT_TRANSACTION_PAYMENT_ID` (`payment_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Sales Payment Transaction';

CREATE TABLE `sales_shipment` (
  `entity_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `store_id` smallint(5) unsigned NULL,
  `total_weight` decimal(12,4) NULL,
  `total_qty` decimal(12,4) NULL,
  `email_sent` smallint(6) NULL,
  `send_email` smallint(5) unsigned NULL,
  `order_id` int(10) unsigned NOT NULL,
  `customer_id` int(11) NULL,
  `shipping_address_id` int(11) NULL,
  `billing_address_id` int(11) NULL,
  `shipment_status` int(11) NULL,
  `increment_id` varchar(50) NULL,
  `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  `packages` text NULL,
  `shipping_label` mediumblob NULL,
  `customer_note` text NULL,
  `customer_note_notify` smallint(5) unsigned NULL,
  PRIMARY KEY (`entity_id`),
  UNIQUE KEY `SALES_SHIPMENT_INCREMENT_ID_STORE_ID` (`increment_id`, `store_id`),
  KEY `SALES_SHIPMENT_STORE_ID` (`store_id`),
  KEY `SALES_SHIPMENT_TOTAL_QTY` (`total_qty`),
  KEY `SALES_SHIPMENT_ORDER_ID` (`order_id`),
  KEY `SALES_SHIPMENT_CREATED_AT` (`created_at`),
  KEY `SALES_SHIPMENT_UPDATED_AT` (`updated_at`),
  KEY `SALES_SHIPMENT_SEND_EMAIL` (`send_email`),
  KEY `SALES_SHIPMENT_EMAIL_SENT` (`email_sent`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Sales Flat Shipment';

CREATE TABLE `sales_shipment_comment` (
  `entity_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `parent_id` int(10) unsigned NOT NULL,
  `is_customer_notified` int(11) NULL,
  `is_visible_on_front` smallint(5) unsigned NOT NULL DEFAULT 0,
  `comment` text NULL,
  `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` timestamp NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  `user_id` int(10) unsigned NOT NULL DEFAULT 0,
  `user_type` int(10) unsigned NOT NULL DEFAULT 0,
  PRIMARY KEY (`entity_id`),
  UNIQUE KEY `SALES_SHIPMENT_COMMENT_ENTITY_ID_USER_ID_USER_TYPE` (`entity_id`, `user_id`, `user_type`),
  KEY `SALES_SHIPMENT_COMMENT_CREATED_AT` (`created_at`),
  KEY `SALES_SHIPMENT_COMMENT_PARENT_ID` (`parent_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Sales Flat Shipment Comment';

CREATE TABLE `sales_shipment_grid` (
  `entity_id` int(10) unsigned NOT NULL,
  `increment_id` varchar(50) NULL,
  `store_id` smallint(5) unsigned NULL,
  `order_increment_id` varchar(32) NOT NULL,
  `order_id` int(10) unsigned NOT NULL,
  `order_created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `customer_name` varchar(128) NOT NULL,
  `total_qty` decimal(12,4) NULL,
  `shipment_status` int(11) NULL,
  `order_status` varchar(32) NULL,
  `billing_address` varchar(255) NULL,
  `shipping_address` varchar(255) NULL,
  `billing_name` varchar(128) NULL,
  `shipping_name` varchar(128) NULL,
  `customer_email` varchar(128) NULL,
  `customer_group_id` int(11) NULL,
  `payment_method` varchar(32) NULL,
  `shipping_information` varchar(255) NULL,
  `created_at` timestamp NULL DEFAULT NULL,
  `updated_at` timestamp NULL DEFAULT NULL,
  PRIMARY KEY (`entity_id`),
  UNIQUE KEY `SALES_SHIPMENT_GRID_INCREMENT_ID_STORE_ID` (`increment_id`, `store_id`),
  KEY `SALES_SHIPMENT_GRID_STORE_ID` (`store_id`),
  KEY `SALES_SHIPMENT_GRID_TOTAL_QTY` (`total_qty`),
  KEY `SALES_SHIPMENT_GRID_ORDER_INCREMENT_ID` (`order_increment_id`),
  KEY `SALES_SHIPMENT_GRID_SHIPMENT_STATUS` (`shipment_status`),
  KEY `SALES_SHIPMENT_GRID_ORDER_STATUS` (`order_status`),
  KEY `SALES_SHIPMENT_GRID_CREATED_AT` (`created_at`),
  KEY `SALES_SHIPMENT_GRID_UPDATED_AT` (`updated_at`),
  KEY `SALES_SHIPMENT_GRID_ORDER_CREATED_AT` (`order_created_at`),
  KEY `SALES_SHIPMENT_GRID_SHIPPING_NAME` (`shipping_name`),
  KEY `SALES_SHIPMENT_GRID_BILLING_NAME` (`billing_name`),
  KEY `SALES_SHIPMENT_GRID_ORDER_ID` (`order_id`),
  FULLTEXT KEY `FTI_086B40C8955F167B8EA76653437879B4` (`increment_id`, `order_increment_id`, `shipping_name`, `customer_name`, `customer_email`, `billing_address`, `shipping_address`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Sales Flat Shipment Grid';

CREATE TABLE `sales_shipment_track` (
  `entity_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `parent_id` int(10) unsigned NOT NULL,
  `weight` decimal(12,4) NULL,
  `qty` decimal(12,4) NULL,
  `order_id` int(10) unsigned NOT NULL,
  `track_number` text NULL,
  `description` text NULL,
  `title` varchar(255) NULL,
  `carrier_code` varchar(32) NULL,
  `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  PRIMARY KEY (`entity_id`),
  KEY `SALES_SHIPMENT_TRACK_PARENT_ID` (`parent_id`),
  KEY `SALES_SHIPMENT_TRACK_ORDER_ID` (`order_id`),
  KEY `SALES_SHIPMENT_TRACK_CREATED_AT` (`created_at`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Sales Flat Shipment Track';

CREATE TABLE `sendfriend_log` (
  `log_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `ip` bigint(20) unsigned NOT NULL DEFAULT 0,
  `time` int(10) unsigned NOT NULL DEFAULT 0,
  `website_id` smallint(5) unsigned NOT NULL DEFAULT 0,
  PRIMARY KEY (`log_id`),
  KEY `SENDFRIEND_LOG_IP` (`ip`),
  KEY `SENDFRIEND_LOG_TIME` (`time`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Send to friend function log storage table';

CREATE TABLE `store` (
  `store_id` smallint(5) unsigned NOT NULL AUTO_INCREMENT,
  `code` varchar(32) NULL,
  `website_id` smallint(5) unsigned NOT NULL DEFAULT 0,
  `group_id` smallint(5) unsigned NOT NULL DEFAULT 0,
  `name` varchar(255) NOT NULL,
  `sort_order` smallint(5) unsigned NOT NULL DEFAULT 0,
  `is_active` smallint(5) unsigned NOT NULL DEFAULT 0,
  PRIMARY KEY (`store_id`),
  UNIQUE KEY `STORE_CODE` (`code`),
  KEY `STORE_WEBSITE_ID` (`website_id`),
  KEY `STORE_IS_ACTIVE_SORT_ORDER` (`is_active`, `sort_order`),
  KEY `STORE_GROUP_ID` (`group_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Stores';

CREATE TABLE `store_group` (
  `group_id` smallint(5) unsigned NOT NULL AUTO_INCREMENT,
  `website_id` smallint(5) unsigned NOT NULL DEFAULT 0,
  `name` varchar(255) NOT NULL,
  `root_category_id` int(10) unsigned NOT NULL DEFAULT 0,
  `default_store_id` smallint(5) unsigned NOT NULL DEFAULT 0,
  `code` varchar(32) NULL,
  PRIMARY KEY (`group_id`),
  UNIQUE KEY `STORE_GROUP_CODE` (`code`),
  KEY `STORE_GROUP_WEBSITE_ID` (`website_id`),
  KEY `STORE_GROUP_DEFAULT_STORE_ID` (`default_store_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Store Groups';

CREATE TABLE `store_website` (
  `website_id` smallint(5) unsigned NOT NULL AUTO_INCREMENT,
  `code` varchar(32) NULL,
  `name` varchar(64) NULL,
  `sort_order` smallint(5) unsigned NOT NULL DEFAULT 0,
  `default_group_id` smallint(5) unsigned NOT NULL DEFAULT 0,
  `is_default` smallint(5) unsigned NULL DEFAULT 0,
  PRIMARY KEY (`website_id`),
  UNIQUE KEY `STORE_WEBSITE_CODE` (`code`),
  KEY `STORE_WEBSITE_SORT_ORDER` (`sort_order`),
  KEY `STORE_WEBSITE_DEFAULT_GROUP_ID` (`default_group_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Websites';

CREATE TABLE `vault_payment_token` (
  `entity_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `customer_id` int(10) unsigned NULL,
  `public_hash` varchar(128) NOT NULL,
  `payment_method_code` varchar(128) NOT NULL,
  `type` varchar(128) NOT NULL,
  `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `expires_at` timestamp NULL DEFAULT NULL,
  `gateway_token` varchar(255) NOT NULL,
  `details` text NULL,
  `is_active` tinyint(1) NOT NULL DEFAULT 1,
  `is_visible` tinyint(1) NOT NULL DEFAULT 1,
  PRIMARY KEY (`entity_id`),
  UNIQUE KEY `VAULT_PAYMENT_TOKEN_PAYMENT_METHOD_CODE_CSTR_ID_GATEWAY_TOKEN` (`payment_method_code`, `customer_id`, `gateway_token`),
  UNIQUE KEY `VAULT_PAYMENT_TOKEN_PUBLIC_HASH` (`public_hash`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Vault tokens of payment';

CREATE TABLE `vault_payment_token_order_payment_link` (
  `order_payment_id` int(10) unsigned NOT NULL,
  `payment_token_id` int(10) unsigned NOT NULL,
  PRIMARY KEY (`order_payment_id`, `payment_token_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Order payments to vault token';

CREATE TABLE `wishlist` (
  `wishlist_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `customer_id` int(10) unsigned NOT NULL DEFAULT 0,
  `shared` smallint(5) unsigned NOT NULL DEFAULT 0,
  `sharing_code` varchar(32) NULL,
  `updated_at` timestamp NULL DEFAULT NULL,
  PRIMARY KEY (`wishlist_id`),
  UNIQUE KEY `WISHLIST_CUSTOMER_ID` (`customer_id`),
  KEY `WISHLIST_SHARED` (`shared`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Wishlist main Table';

CREATE TABLE `wishlist_item` (
  `wishlist_item_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `wishlist_id` int(10) unsigned NOT NULL DEFAULT 0,
  `product_id` int(10) unsigned NOT NULL DEFAULT 0,
  `store_id` smallint(5) unsigned NULL,
  `added_at` timestamp NULL DEFAULT NULL,
  `description` text NULL,
  `qty` decimal(12,4) NOT NULL,
  PRIMARY KEY (`wishlist_item_id`),
  KEY `WISHLIST_ITEM_WISHLIST_ID` (`wishlist_id`),
  KEY `WISHLIST_ITEM_PRODUCT_ID` (`product_id`),
  KEY `WISHLIST_ITEM_STORE_ID` (`store_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Wishlist items';

CREATE TABLE `wishlist_item_option` (
  `option_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `wishlist_item_id` int(10) unsigned NOT NULL,
  `product_id` int(10) unsigned NOT NULL,
  `code` varchar(255) NOT NULL,
  `value` text NULL,
  PRIMARY KEY (`option_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Wishlist Item Option Table';

-- Foreign keys (only where both tables are part of this file)
ALTER TABLE `amazon_customer` ADD CONSTRAINT `AMAZON_CUSTOMER_CUSTOMER_ID_CUSTOMER_ENTITY_ENTITY_ID` FOREIGN KEY (`customer_id`) REFERENCES `customer_entity` (`entity_id`) ON DELETE CASCADE;
ALTER TABLE `customer_address_entity` ADD CONSTRAINT `CUSTOMER_ADDRESS_ENTITY_PARENT_ID_CUSTOMER_ENTITY_ENTITY_ID` FOREIGN KEY (`parent_id`) REFERENCES `customer_entity` (`entity_id`) ON DELETE CASCADE;
ALTER TABLE `customer_address_entity_datetime` ADD CONSTRAINT `CSTR_ADDR_ENTT_DTIME_ATTR_ID_EAV_ATTR_ATTR_ID` FOREIGN KEY (`attribute_id`) REFERENCES `eav_attribute` (`attribute_id`) ON DELETE CASCADE;
ALTER TABLE `customer_address_entity_datetime` ADD CONSTRAINT `CSTR_ADDR_ENTT_DTIME_ENTT_ID_CSTR_ADDR_ENTT_ENTT_ID` FOREIGN KEY (`entity_id`) REFERENCES `customer_address_entity` (`entity_id`) ON DELETE CASCADE;
ALTER TABLE `customer_address_entity_decimal` ADD CONSTRAINT `CSTR_ADDR_ENTT_DEC_ATTR_ID_EAV_ATTR_ATTR_ID` FOREIGN KEY (`attribute_id`) REFERENCES `eav_attribute` (`attribute_id`) ON DELETE CASCADE;
ALTER TABLE `customer_address_entity_decimal` ADD CONSTRAINT `CSTR_ADDR_ENTT_DEC_ENTT_ID_CSTR_ADDR_ENTT_ENTT_ID` FOREIGN KEY (`entity_id`) REFERENCES `customer_address_entity` (`entity_id`) ON DELETE CASCADE;
ALTER TABLE `customer_address_entity_int` ADD CONSTRAINT `CSTR_ADDR_ENTT_INT_ATTR_ID_EAV_ATTR_ATTR_ID` FOREIGN KEY (`attribute_id`) REFERENCES `eav_attribute` (`attribute_id`) ON DELETE CASCADE;
ALTER TABLE `customer_address_entity_int` ADD CONSTRAINT `CSTR_ADDR_ENTT_INT_ENTT_ID_CSTR_ADDR_ENTT_ENTT_ID` FOREIGN KEY (`entity_id`) REFERENCES `customer_address_entity` (`entity_id`) ON DELETE CASCADE;
ALTER TABLE `customer_address_entity_text` ADD CONSTRAINT `CSTR_ADDR_ENTT_TEXT_ATTR_ID_EAV_ATTR_ATTR_ID` FOREIGN KEY (`attribute_id`) REFERENCES `eav_attribute` (`attribute_id`) ON DELETE CASCADE;
ALTER TABLE `customer_address_entity_text` ADD CONSTRAINT `CSTR_ADDR_ENTT_TEXT_ENTT_ID_CSTR_ADDR_ENTT_ENTT_ID` FOREIGN KEY (`entity_id`) REFERENCES `customer_address_entity` (`entity_id`) ON DELETE CASCADE;
ALTER TABLE `customer_address_entity_varchar` ADD CONSTRAINT `CSTR_ADDR_ENTT_VCHR_ATTR_ID_EAV_ATTR_ATTR_ID` FOREIGN KEY (`attribute_id`) REFERENCES `eav_attribute` (`attribute_id`) ON DELETE CASCADE;
ALTER TABLE `customer_address_entity_varchar` ADD CONSTRAINT `CSTR_ADDR_ENTT_VCHR_ENTT_ID_CSTR_ADDR_ENTT_ENTT_ID` FOREIGN KEY (`entity_id`) REFERENCES `customer_address_entity` (`entity_id`) ON DELETE CASCADE;
ALTER TABLE `customer_entity` ADD CONSTRAINT `CUSTOMER_ENTITY_STORE_ID_STORE_STORE_ID` FOREIGN KEY (`store_id`) REFERENCES `store` (`store_id`) ON DELETE SET NULL;
ALTER TABLE `customer_entity` ADD CONSTRAINT `CUSTOMER_ENTITY_WEBSITE_ID_STORE_WEBSITE_WEBSITE_ID` FOREIGN KEY (`website_id`) REFERENCES `store_website` (`website_id`) ON DELETE SET NULL;
ALTER TABLE `customer_entity_datetime` ADD CONSTRAINT `CUSTOMER_ENTITY_DATETIME_ATTRIBUTE_ID_EAV_ATTRIBUTE_ATTRIBUTE_ID` FOREIGN KEY (`attribute_id`) REFERENCES `eav_attribute` (`attribute_id`) ON DELETE CASCADE;
ALTER TABLE `customer_entity_datetime` ADD CONSTRAINT `CUSTOMER_ENTITY_DATETIME_ENTITY_ID_CUSTOMER_ENTITY_ENTITY_ID` FOREIGN KEY (`entity_id`) REFERENCES `customer_entity` (`entity_id`) ON DELETE CASCADE;
ALTER TABLE `customer_entity_decimal` ADD CONSTRAINT `CUSTOMER_ENTITY_DECIMAL_ATTRIBUTE_ID_EAV_ATTRIBUTE_ATTRIBUTE_ID` FOREIGN KEY (`attribute_id`) REFERENCES `eav_attribute` (`attribute_id`) ON DELETE CASCADE;
ALTER TABLE `customer_entity_decimal` ADD CONSTRAINT `CUSTOMER_ENTITY_DECIMAL_ENTITY_ID_CUSTOMER_ENTITY_ENTITY_ID` FOREIGN KEY (`entity_id`) REFERENCES `customer_entity` (`entity_id`) ON DELETE CASCADE;
ALTER TABLE `customer_entity_int` ADD CONSTRAINT `CUSTOMER_ENTITY_INT_ATTRIBUTE_ID_EAV_ATTRIBUTE_ATTRIBUTE_ID` FOREIGN KEY (`attribute_id`) REFERENCES `eav_attribute` (`attribute_id`) ON DELETE CASCADE;
ALTER TABLE `customer_entity_int` ADD CONSTRAINT `CUSTOMER_ENTITY_INT_ENTITY_ID_CUSTOMER_ENTITY_ENTITY_ID` FOREIGN KEY (`entity_id`) REFERENCES `customer_entity` (`entity_id`) ON DELETE CASCADE;
ALTER TABLE `customer_entity_text` ADD CONSTRAINT `CUSTOMER_ENTITY_TEXT_ATTRIBUTE_ID_EAV_ATTRIBUTE_ATTRIBUTE_ID` FOREIGN KEY (`attribute_id`) REFERENCES `eav_attribute` (`attribute_id`) ON DELETE CASCADE;
ALTER TABLE `customer_entity_text` ADD CONSTRAINT `CUSTOMER_ENTITY_TEXT_ENTITY_ID_CUSTOMER_ENTITY_ENTITY_ID` FOREIGN KEY (`entity_id`) REFERENCES `customer_entity` (`entity_id`) ON DELETE CASCADE;
ALTER TABLE `customer_entity_varchar` ADD CONSTRAINT `CUSTOMER_ENTITY_VARCHAR_ATTRIBUTE_ID_EAV_ATTRIBUTE_ATTRIBUTE_ID` FOREIGN KEY (`attribute_id`) REFERENCES `eav_attribute` (`attribute_id`) ON DELETE CASCADE;
ALTER TABLE `customer_entity_varchar` ADD CONSTRAINT `CUSTOMER_ENTITY_VARCHAR_ENTITY_ID_CUSTOMER_ENTITY_ENTITY_ID` FOREIGN KEY (`entity_id`) REFERENCES `customer_entity` (`entity_id`) ON DELETE CASCADE;
ALTER TABLE `downloadable_link_purchased` ADD CONSTRAINT `DL_LNK_PURCHASED_CSTR_ID_CSTR_ENTT_ENTT_ID` FOREIGN KEY (`customer_id`) REFERENCES `customer_entity` (`entity_id`) ON DELETE SET NULL;
ALTER TABLE `downloadable_link_purchased` ADD CONSTRAINT `DOWNLOADABLE_LINK_PURCHASED_ORDER_ID_SALES_ORDER_ENTITY_ID` FOREIGN KEY (`order_id`) REFERENCES `sales_order` (`entity_id`) ON DELETE SET NULL;
ALTER TABLE `downloadable_link_purchased_item` ADD CONSTRAINT `DL_LNK_PURCHASED_ITEM_PURCHASED_ID_DL_LNK_PURCHASED_PURCHASED_ID` FOREIGN KEY (`purchased_id`) REFERENCES `downloadable_link_purchased` (`purchased_id`) ON DELETE CASCADE;
ALTER TABLE `downloadable_link_purchased_item` ADD CONSTRAINT `DL_LNK_PURCHASED_ITEM_ORDER_ITEM_ID_SALES_ORDER_ITEM_ITEM_ID` FOREIGN KEY (`order_item_id`) REFERENCES `sales_order_item` (`item_id`) ON DELETE SET NULL;
ALTER TABLE `eav_attribute` ADD CONSTRAINT `EAV_ATTRIBUTE_ENTITY_TYPE_ID_EAV_ENTITY_TYPE_ENTITY_TYPE_ID` FOREIGN KEY (`entity_type_id`) REFERENCES `eav_entity_type` (`entity_type_id`) ON DELETE CASCADE;
ALTER TABLE `login_as_customer_assistance_allowed` ADD CONSTRAINT `FK_68EEBFE60295A14966BEFDDE57D0812B` FOREIGN KEY (`customer_id`) REFERENCES `customer_entity` (`entity_id`) ON DELETE CASCADE;
ALTER TABLE `newsletter_problem` ADD CONSTRAINT `NEWSLETTER_PROBLEM_QUEUE_ID_NEWSLETTER_QUEUE_QUEUE_ID` FOREIGN KEY (`queue_id`) REFERENCES `newsletter_queue` (`queue_id`) ON DELETE CASCADE;
ALTER TABLE `newsletter_problem` ADD CONSTRAINT `NLTTR_PROBLEM_SUBSCRIBER_ID_NLTTR_SUBSCRIBER_SUBSCRIBER_ID` FOREIGN KEY (`subscriber_id`) REFERENCES `newsletter_subscriber` (`subscriber_id`) ON DELETE CASCADE;
ALTER TABLE `newsletter_queue` ADD CONSTRAINT `NEWSLETTER_QUEUE_TEMPLATE_ID_NEWSLETTER_TEMPLATE_TEMPLATE_ID` FOREIGN KEY (`template_id`) REFERENCES `newsletter_template` (`template_id`) ON DELETE CASCADE;
ALTER TABLE `newsletter_queue_link` ADD CONSTRAINT `NEWSLETTER_QUEUE_LINK_QUEUE_ID_NEWSLETTER_QUEUE_QUEUE_ID` FOREIGN KEY (`queue_id`) REFERENCES `newsletter_queue` (`queue_id`) ON DELETE CASCADE;
ALTER TABLE `newsletter_queue_link` ADD CONSTRAINT `NLTTR_QUEUE_LNK_SUBSCRIBER_ID_NLTTR_SUBSCRIBER_SUBSCRIBER_ID` FOREIGN KEY (`subscriber_id`) REFERENCES `newsletter_subscriber` (`subscriber_id`) ON DELETE CASCADE;
ALTER TABLE `newsletter_subscriber` ADD CONSTRAINT `NEWSLETTER_SUBSCRIBER_STORE_ID_STORE_STORE_ID` FOREIGN KEY (`store_id`) REFERENCES `store` (`store_id`) ON DELETE SET NULL;
ALTER TABLE `oauth_token` ADD CONSTRAINT `OAUTH_TOKEN_CONSUMER_ID_OAUTH_CONSUMER_ENTITY_ID` FOREIGN KEY (`consumer_id`) REFERENCES `oauth_consumer` (`entity_id`) ON DELETE CASCADE;
ALTER TABLE `oauth_token` ADD CONSTRAINT `OAUTH_TOKEN_CUSTOMER_ID_CUSTOMER_ENTITY_ENTITY_ID` FOREIGN KEY (`customer_id`) REFERENCES `customer_entity` (`entity_id`) ON DELETE CASCADE;
ALTER TABLE `paypal_billing_agreement` ADD CONSTRAINT `PAYPAL_BILLING_AGREEMENT_CUSTOMER_ID_CUSTOMER_ENTITY_ENTITY_ID` FOREIGN KEY (`customer_id`) REFERENCES `customer_entity` (`entity_id`) ON DELETE CASCADE;
ALTER TABLE `paypal_billing_agreement` ADD CONSTRAINT `PAYPAL_BILLING_AGREEMENT_STORE_ID_STORE_STORE_ID` FOREIGN KEY (`store_id`) REFERENCES `store` (`store_id`) ON DELETE SET NULL;
ALTER TABLE `paypal_billing_agreement_order` ADD CONSTRAINT `PAYPAL_BILLING_AGRT_ORDER_AGRT_ID_PAYPAL_BILLING_AGRT_AGRT_ID` FOREIGN KEY (`agreement_id`) REFERENCES `paypal_billing_agreement` (`agreement_id`) ON DELETE CASCADE;
ALTER TABLE `paypal_billing_agreement_order` ADD CONSTRAINT `PAYPAL_BILLING_AGREEMENT_ORDER_ORDER_ID_SALES_ORDER_ENTITY_ID` FOREIGN KEY (`order_id`) REFERENCES `sales_order` (`entity_id`) ON DELETE CASCADE;
ALTER TABLE `persistent_session` ADD CONSTRAINT `PERSISTENT_SESSION_CUSTOMER_ID_CUSTOMER_ENTITY_ENTITY_ID` FOREIGN KEY (`customer_id`) REFERENCES `customer_entity` (`entity_id`) ON DELETE CASCADE;
ALTER TABLE `persistent_session` ADD CONSTRAINT `PERSISTENT_SESSION_WEBSITE_ID_STORE_WEBSITE_WEBSITE_ID` FOREIGN KEY (`website_id`) REFERENCES `store_website` (`website_id`) ON DELETE CASCADE;
ALTER TABLE `product_alert_price` ADD CONSTRAINT `PRODUCT_ALERT_PRICE_CUSTOMER_ID_CUSTOMER_ENTITY_ENTITY_ID` FOREIGN KEY (`customer_id`) REFERENCES `customer_entity` (`entity_id`) ON DELETE CASCADE;
ALTER TABLE `product_alert_price` ADD CONSTRAINT `PRODUCT_ALERT_PRICE_PRODUCT_ID_CATALOG_PRODUCT_ENTITY_ENTITY_ID` FOREIGN KEY (`product_id`) REFERENCES `catalog_product_entity` (`entity_id`) ON DELETE CASCADE;
ALTER TABLE `product_alert_price` ADD CONSTRAINT `PRODUCT_ALERT_PRICE_WEBSITE_ID_STORE_WEBSITE_WEBSITE_ID` FOREIGN KEY (`website_id`) REFERENCES `store_website` (`website_id`) ON DELETE CASCADE;
ALTER TABLE `product_alert_price` ADD CONSTRAINT `PRODUCT_ALERT_PRICE_STORE_ID_STORE_STORE_ID` FOREIGN KEY (`store_id`) REFERENCES `store` (`store_id`) ON DELETE CASCADE;
ALTER TABLE `product_alert_stock` ADD CONSTRAINT `PRODUCT_ALERT_STOCK_WEBSITE_ID_STORE_WEBSITE_WEBSITE_ID` FOREIGN KEY (`website_id`) REFERENCES `store_website` (`website_id`) ON DELETE CASCADE;
ALTER TABLE `product_alert_stock` ADD CONSTRAINT `PRODUCT_ALERT_STOCK_CUSTOMER_ID_CUSTOMER_ENTITY_ENTITY_ID` FOREIGN KEY (`customer_id`) REFERENCES `customer_entity` (`entity_id`) ON DELETE CASCADE;
ALTER TABLE `product_alert_stock` ADD CONSTRAINT `PRODUCT_ALERT_STOCK_PRODUCT_ID_CATALOG_PRODUCT_ENTITY_ENTITY_ID` FOREIGN KEY (`product_id`) REFERENCES `catalog_product_entity` (`entity_id`) ON DELETE CASCADE;
ALTER TABLE `product_alert_stock` ADD CONSTRAINT `PRODUCT_ALERT_STOCK_STORE_ID_STORE_STORE_ID` FOREIGN KEY (`store_id`) REFERENCES `store` (`store_id`) ON DELETE CASCADE;
ALTER TABLE `quote` ADD CONSTRAINT `QUOTE_STORE_ID_STORE_STORE_ID` FOREIGN KEY (`store_id`) REFERENCES `store` (`store_id`) ON DELETE CASCADE;
ALTER TABLE `quote_address` ADD CONSTRAINT `QUOTE_ADDRESS_QUOTE_ID_QUOTE_ENTITY_ID` FOREIGN KEY (`quote_id`) REFERENCES `quote` (`entity_id`) ON DELETE CASCADE;
ALTER TABLE `quote_id_mask` ADD CONSTRAINT `QUOTE_ID_MASK_QUOTE_ID_QUOTE_ENTITY_ID` FOREIGN KEY (`quote_id`) REFERENCES `quote` (`entity_id`) ON DELETE CASCADE;
ALTER TABLE `quote_item` ADD CONSTRAINT `QUOTE_ITEM_PARENT_ITEM_ID_QUOTE_ITEM_ITEM_ID` FOREIGN KEY (`parent_item_id`) REFERENCES `quote_item` (`item_id`) ON DELETE CASCADE;
ALTER TABLE `quote_item` ADD CONSTRAINT `QUOTE_ITEM_QUOTE_ID_QUOTE_ENTITY_ID` FOREIGN KEY (`quote_id`) REFERENCES `quote` (`entity_id`) ON DELETE CASCADE;
ALTER TABLE `quote_item` ADD CONSTRAINT `QUOTE_ITEM_STORE_ID_STORE_STORE_ID` FOREIGN KEY (`store_id`) REFERENCES `store` (`store_id`) ON DELETE SET NULL;
ALTER TABLE `quote_payment` ADD CONSTRAINT `QUOTE_PAYMENT_QUOTE_ID_QUOTE_ENTITY_ID` FOREIGN KEY (`quote_id`) REFERENCES `quote` (`entity_id`) ON DELETE CASCADE;
ALTER TABLE `rating` ADD CONSTRAINT `RATING_ENTITY_ID_RATING_ENTITY_ENTITY_ID` FOREIGN KEY (`entity_id`) REFERENCES `rating_entity` (`entity_id`) ON DELETE CASCADE;
ALTER TABLE `rating_option` ADD CONSTRAINT `RATING_OPTION_RATING_ID_RATING_RATING_ID` FOREIGN KEY (`rating_id`) REFERENCES `rating` (`rating_id`) ON DELETE CASCADE;
ALTER TABLE `rating_option_vote` ADD CONSTRAINT `RATING_OPTION_VOTE_OPTION_ID_RATING_OPTION_OPTION_ID` FOREIGN KEY (`option_id`) REFERENCES `rating_option` (`option_id`) ON DELETE CASCADE;
ALTER TABLE `rating_option_vote` ADD CONSTRAINT `RATING_OPTION_VOTE_REVIEW_ID_REVIEW_REVIEW_ID` FOREIGN KEY (`review_id`) REFERENCES `review` (`review_id`) ON DELETE CASCADE;
ALTER TABLE `report_compared_product_index` ADD CONSTRAINT `REPORT_CMPD_PRD_IDX_CSTR_ID_CSTR_ENTT_ENTT_ID` FOREIGN KEY (`customer_id`) REFERENCES `customer_entity` (`entity_id`) ON DELETE CASCADE;
ALTER TABLE `report_compared_product_index` ADD CONSTRAINT `REPORT_CMPD_PRD_IDX_PRD_ID_CAT_PRD_ENTT_ENTT_ID` FOREIGN KEY (`product_id`) REFERENCES `catalog_product_entity` (`entity_id`) ON DELETE CASCADE;
ALTER TABLE `report_compared_product_index` ADD CONSTRAINT `REPORT_COMPARED_PRODUCT_INDEX_STORE_ID_STORE_STORE_ID` FOREIGN KEY (`store_id`) REFERENCES `store` (`store_id`) ON DELETE SET NULL;
ALTER TABLE `report_event` ADD CONSTRAINT `REPORT_EVENT_STORE_ID_STORE_STORE_ID` FOREIGN KEY (`store_id`) REFERENCES `store` (`store_id`) ON DELETE CASCADE;
ALTER TABLE `report_event` ADD CONSTRAINT `REPORT_EVENT_EVENT_TYPE_ID_REPORT_EVENT_TYPES_EVENT_TYPE_ID` FOREIGN KEY (`event_type_id`) REFERENCES `report_event_types` (`event_type_id`) ON DELETE CASCADE;
ALTER TABLE `report_viewed_product_index` ADD CONSTRAINT `REPORT_VIEWED_PRD_IDX_CSTR_ID_CSTR_ENTT_ENTT_ID` FOREIGN KEY (`customer_id`) REFERENCES `customer_entity` (`entity_id`) ON DELETE CASCADE;
ALTER TABLE `report_viewed_product_index` ADD CONSTRAINT `REPORT_VIEWED_PRD_IDX_PRD_ID_CAT_PRD_ENTT_ENTT_ID` FOREIGN KEY (`product_id`) REFERENCES `catalog_product_entity` (`entity_id`) ON DELETE CASCADE;
ALTER TABLE `report_viewed_product_index` ADD CONSTRAINT `REPORT_VIEWED_PRODUCT_INDEX_STORE_ID_STORE_STORE_ID` FOREIGN KEY (`store_id`) REFERENCES `store` (`store_id`) ON DELETE SET NULL;
ALTER TABLE `review` ADD CONSTRAINT `REVIEW_ENTITY_ID_REVIEW_ENTITY_ENTITY_ID` FOREIGN KEY (`entity_id`) REFERENCES `review_entity` (`entity_id`) ON DELETE CASCADE;
ALTER TABLE `review` ADD CONSTRAINT `REVIEW_STATUS_ID_REVIEW_STATUS_STATUS_ID` FOREIGN KEY (`status_id`) REFERENCES `review_status` (`status_id`) ON DELETE NO ACTION;
ALTER TABLE `review_detail` ADD CONSTRAINT `REVIEW_DETAIL_CUSTOMER_ID_CUSTOMER_ENTITY_ENTITY_ID` FOREIGN KEY (`customer_id`) REFERENCES `customer_entity` (`entity_id`) ON DELETE SET NULL;
ALTER TABLE `review_detail` ADD CONSTRAINT `REVIEW_DETAIL_REVIEW_ID_REVIEW_REVIEW_ID` FOREIGN KEY (`review_id`) REFERENCES `review` (`review_id`) ON DELETE CASCADE;
ALTER TABLE `review_detail` ADD CONSTRAINT `REVIEW_DETAIL_STORE_ID_STORE_STORE_ID` FOREIGN KEY (`store_id`) REFERENCES `store` (`store_id`) ON DELETE SET NULL;
ALTER TABLE `sales_creditmemo` ADD CONSTRAINT `SALES_CREDITMEMO_ORDER_ID_SALES_ORDER_ENTITY_ID` FOREIGN KEY (`order_id`) REFERENCES `sales_order` (`entity_id`) ON DELETE CASCADE;
ALTER TABLE `sales_creditmemo` ADD CONSTRAINT `SALES_CREDITMEMO_STORE_ID_STORE_STORE_ID` FOREIGN KEY (`store_id`) REFERENCES `store` (`store_id`) ON DELETE SET NULL;
ALTER TABLE `sales_creditmemo_comment` ADD CONSTRAINT `SALES_CREDITMEMO_COMMENT_PARENT_ID_SALES_CREDITMEMO_ENTITY_ID` FOREIGN KEY (`parent_id`) REFERENCES `sales_creditmemo` (`entity_id`) ON DELETE CASCADE;
ALTER TABLE `sales_invoice` ADD CONSTRAINT `SALES_INVOICE_ORDER_ID_SALES_ORDER_ENTITY_ID` FOREIGN KEY (`order_id`) REFERENCES `sales_order` (`entity_id`) ON DELETE CASCADE;
ALTER TABLE `sales_invoice` ADD CONSTRAINT `SALES_INVOICE_STORE_ID_STORE_STORE_ID` FOREIGN KEY (`store_id`) REFERENCES `store` (`store_id`) ON DELETE SET NULL;
ALTER TABLE `sales_invoice_comment` ADD CONSTRAINT `SALES_INVOICE_COMMENT_PARENT_ID_SALES_INVOICE_ENTITY_ID` FOREIGN KEY (`parent_id`) REFERENCES `sales_invoice` (`entity_id`) ON DELETE CASCADE;
ALTER TABLE `sales_order` ADD CONSTRAINT `SALES_ORDER_CUSTOMER_ID_CUSTOMER_ENTITY_ENTITY_ID` FOREIGN KEY (`customer_id`) REFERENCES `customer_entity` (`entity_id`) ON DELETE SET NULL;
ALTER TABLE `sales_order` ADD CONSTRAINT `SALES_ORDER_STORE_ID_STORE_STORE_ID` FOREIGN KEY (`store_id`) REFERENCES `store` (`store_id`) ON DELETE SET NULL;
ALTER TABLE `sales_order_address` ADD CONSTRAINT `SALES_ORDER_ADDRESS_PARENT_ID_SALES_ORDER_ENTITY_ID` FOREIGN KEY (`parent_id`) REFERENCES `sales_order` (`entity_id`) ON DELETE CASCADE;
ALTER TABLE `sales_order_item` ADD CONSTRAINT `SALES_ORDER_ITEM_ORDER_ID_SALES_ORDER_ENTITY_ID` FOREIGN KEY (`order_id`) REFERENCES `sales_order` (`entity_id`) ON DELETE CASCADE;
ALTER TABLE `sales_order_item` ADD CONSTRAINT `SALES_ORDER_ITEM_STORE_ID_STORE_STORE_ID` FOREIGN KEY (`store_id`) REFERENCES `store` (`store_id`) ON DELETE SET NULL;
ALTER TABLE `sales_order_payment` ADD CONSTRAINT `SALES_ORDER_PAYMENT_PARENT_ID_SALES_ORDER_ENTITY_ID` FOREIGN KEY (`parent_id`) REFERENCES `sales_order` (`entity_id`) ON DELETE CASCADE;
ALTER TABLE `sales_order_status_history` ADD CONSTRAINT `SALES_ORDER_STATUS_HISTORY_PARENT_ID_SALES_ORDER_ENTITY_ID` FOREIGN KEY (`parent_id`) REFERENCES `sales_order` (`entity_id`) ON DELETE CASCADE;
ALTER TABLE `sales_payment_transaction` ADD CONSTRAINT `SALES_PAYMENT_TRANSACTION_ORDER_ID_SALES_ORDER_ENTITY_ID` FOREIGN KEY (`order_id`) REFERENCES `sales_order` (`entity_id`) ON DELETE CASCADE;
ALTER TABLE `sales_payment_transaction` ADD CONSTRAINT `FK_B99FF1A06402D725EBDB0F3A7ECD47A2` FOREIGN KEY (`parent_id`) REFERENCES `sales_payment_transaction` (`transaction_id`) ON DELETE CASCADE;
ALTER TABLE `sales_payment_transaction` ADD CONSTRAINT `SALES_PAYMENT_TRANSACTION_PAYMENT_ID_SALES_ORDER_PAYMENT_ENTT_ID` FOREIGN KEY (`payment_id`) REFERENCES `sales_order_payment` (`entity_id`) ON DELETE CASCADE;
ALTER TABLE `sales_shipment` ADD CONSTRAINT `SALES_SHIPMENT_ORDER_ID_SALES_ORDER_ENTITY_ID` FOREIGN KEY (`order_id`) REFERENCES `sales_order` (`entity_id`) ON DELETE CASCADE;
ALTER TABLE `sales_shipment` ADD CONSTRAINT `SALES_SHIPMENT_STORE_ID_STORE_STORE_ID` FOREIGN KEY (`store_id`) REFERENCES `store` (`store_id`) ON DELETE SET NULL;
ALTER TABLE `sales_shipment_comment` ADD CONSTRAINT `SALES_SHIPMENT_COMMENT_PARENT_ID_SALES_SHIPMENT_ENTITY_ID` FOREIGN KEY (`parent_id`) REFERENCES `sales_shipment` (`entity_id`) ON DELETE CASCADE;
ALTER TABLE `sales_shipment_track` ADD CONSTRAINT `SALES_SHIPMENT_TRACK_PARENT_ID_SALES_SHIPMENT_ENTITY_ID` FOREIGN KEY (`parent_id`) REFERENCES `sales_shipment` (`entity_id`) ON DELETE CASCADE;
ALTER TABLE `store` ADD CONSTRAINT `STORE_GROUP_ID_STORE_GROUP_GROUP_ID` FOREIGN KEY (`group_id`) REFERENCES `store_group` (`group_id`) ON DELETE CASCADE;
ALTER TABLE `store` ADD CONSTRAINT `STORE_WEBSITE_ID_STORE_WEBSITE_WEBSITE_ID` FOREIGN KEY (`website_id`) REFERENCES `store_website` (`website_id`) ON DELETE CASCADE;
ALTER TABLE `store_group` ADD CONSTRAINT `STORE_GROUP_WEBSITE_ID_STORE_WEBSITE_WEBSITE_ID` FOREIGN KEY (`website_id`) REFERENCES `store_website` (`website_id`) ON DELETE CASCADE;
ALTER TABLE `vault_payment_token` ADD CONSTRAINT `VAULT_PAYMENT_TOKEN_CUSTOMER_ID_CUSTOMER_ENTITY_ENTITY_ID` FOREIGN KEY (`customer_id`) REFERENCES `customer_entity` (`entity_id`) ON DELETE CASCADE;
ALTER TABLE `vault_payment_token_order_payment_link` ADD CONSTRAINT `FK_CF37B9D854256534BE23C818F6291CA2` FOREIGN KEY (`order_payment_id`) REFERENCES `sales_order_payment` (`entity_id`) ON DELETE CASCADE;
ALTER TABLE `vault_payment_token_order_payment_link` ADD CONSTRAINT `FK_4ED894655446D385894580BECA993862` FOREIGN KEY (`payment_token_id`) REFERENCES `vault_payment_token` (`entity_id`) ON DELETE CASCADE;
ALTER TABLE `wishlist` ADD CONSTRAINT `WISHLIST_CUSTOMER_ID_CUSTOMER_ENTITY_ENTITY_ID` FOREIGN KEY (`customer_id`) REFERENCES `customer_entity` (`entity_id`) ON DELETE CASCADE;
ALTER TABLE `wishlist_item` ADD CONSTRAINT `WISHLIST_ITEM_WISHLIST_ID_WISHLIST_WISHLIST_ID` FOREIGN KEY (`wishlist_id`) REFERENCES `wishlist` (`wishlist_id`) ON DELETE CASCADE;
ALTER TABLE `wishlist_item` ADD CONSTRAINT `WISHLIST_ITEM_PRODUCT_ID_CATALOG_PRODUCT_ENTITY_ENTITY_ID` FOREIGN KEY (`product_id`) REFERENCES `catalog_product_entity` (`entity_id`) ON DELETE CASCADE;
ALTER TABLE `wishlist_item` ADD CONSTRAINT `WISHLIST_ITEM_STORE_ID_STORE_STORE_ID` FOREIGN KEY (`store_id`) REFERENCES `store` (`store_id`) ON DELETE SET NULL;
ALTER TABLE `wishlist_item_option` ADD CONSTRAINT `FK_A014B30B04B72DD0EAB3EECD779728D6` FOREIGN KEY (`wishlist_item_id`) REFERENCES `wishlist_item` (`wishlist_item_id`) ON DELETE CASCADE;
ALTER TABLE `wishlist_item_option` ADD CONSTRAINT `WISHLIST_ITEM_OPTION_PRODUCT_ID_CATALOG_PRODUCT_ENTITY_ENTITY_ID` FOREIGN KEY (`product_id`) REFERENCES `catalog_product_entity` (`entity_id`) ON DELETE CASCADE;

-- Foreign keys declared in the schema but not emitted (parent table not in this file):
--   oauth_token.admin_id -> admin_user.user_id (OAUTH_TOKEN_ADMIN_ID_ADMIN_USER_USER_ID)
