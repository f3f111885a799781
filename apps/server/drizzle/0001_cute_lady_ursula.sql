CREATE TABLE "market_world" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"kind" varchar(16) NOT NULL,
	"seed" text,
	"checksum" varchar(64),
	"checkpoint" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "market_world_single_row" CHECK ("market_world"."id" = 1),
	CONSTRAINT "market_world_kind_known" CHECK ("kind" in ('live', 'simulated', 'replay'))
);
