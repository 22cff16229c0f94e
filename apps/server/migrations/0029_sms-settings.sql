CREATE TABLE "sms_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"provider" text DEFAULT 'aliyun' NOT NULL,
	"endpoint" text DEFAULT 'https://dysmsapi.aliyuncs.com' NOT NULL,
	"region_id" text DEFAULT 'cn-hangzhou' NOT NULL,
	"access_key_id" text DEFAULT '' NOT NULL,
	"access_key_secret" text,
	"sign_name" text DEFAULT '' NOT NULL,
	"default_template_code" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
