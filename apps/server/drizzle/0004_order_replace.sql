ALTER TABLE "orders" ADD COLUMN "replaced_by" bigint;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "replaces" bigint;