CREATE TABLE "job_runs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"name" varchar(64) NOT NULL,
	"attempt" integer DEFAULT 1 NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"status" varchar(16) DEFAULT 'running' NOT NULL,
	"summary" jsonb,
	"error" text,
	CONSTRAINT "job_runs_status_known" CHECK (status in ('running', 'succeeded', 'failed')),
	CONSTRAINT "job_runs_finished_when_done" CHECK ((status = 'running') = (finished_at is null))
);
--> statement-breakpoint
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
--> statement-breakpoint
CREATE INDEX "job_runs_name_id_idx" ON "job_runs" USING btree ("name","id");--> statement-breakpoint
CREATE UNIQUE INDEX "models_one_active" ON "models" USING btree ("status") WHERE status = 'active';