CREATE TABLE "alert_notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" integer NOT NULL,
	"alert_id" uuid,
	"symbol" varchar(20) NOT NULL,
	"condition" varchar(16) NOT NULL,
	"price" numeric(36, 18),
	"percent" numeric(36, 18),
	"window_minutes" integer,
	"note" varchar(140) DEFAULT '' NOT NULL,
	"triggered_price" numeric(36, 18) NOT NULL,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "price_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" integer NOT NULL,
	"symbol" varchar(20) NOT NULL,
	"condition" varchar(16) NOT NULL,
	"price" numeric(36, 18),
	"percent" numeric(36, 18),
	"window_minutes" integer,
	"note" varchar(140) DEFAULT '' NOT NULL,
	"status" varchar(16) DEFAULT 'ACTIVE' NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"triggered_at" timestamp with time zone,
	"triggered_price" numeric(36, 18),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "price_alerts_condition_known" CHECK (condition in ('PRICE_ABOVE', 'PRICE_BELOW', 'PERCENT_MOVE')),
	CONSTRAINT "price_alerts_status_known" CHECK (status in ('ACTIVE', 'TRIGGERED')),
	CONSTRAINT "price_alerts_parameters" CHECK ((condition = 'PERCENT_MOVE' and percent > 0 and window_minutes > 0 and price is null)
        or (condition <> 'PERCENT_MOVE' and price > 0 and percent is null and window_minutes is null))
);
--> statement-breakpoint
CREATE TABLE "chart_layouts" (
	"user_id" integer PRIMARY KEY NOT NULL,
	"layout" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "watchlist_symbols" (
	"user_id" integer NOT NULL,
	"symbol" varchar(20) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "watchlist_symbols_pkey" PRIMARY KEY("user_id","symbol"),
	CONSTRAINT "watchlist_symbols_symbol_shape" CHECK ("watchlist_symbols"."symbol" ~ '^[A-Z0-9]{2,20}$')
);
--> statement-breakpoint
ALTER TABLE "candles" DROP CONSTRAINT "candles_interval_known";--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "replaced_by" bigint;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "replaces" bigint;--> statement-breakpoint
ALTER TABLE "alert_notifications" ADD CONSTRAINT "alert_notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_notifications" ADD CONSTRAINT "alert_notifications_alert_id_price_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."price_alerts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_alerts" ADD CONSTRAINT "price_alerts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chart_layouts" ADD CONSTRAINT "chart_layouts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "watchlist_symbols" ADD CONSTRAINT "watchlist_symbols_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alert_notifications_user_created_idx" ON "alert_notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "alert_notifications_unread_idx" ON "alert_notifications" USING btree ("user_id") WHERE read_at is null;--> statement-breakpoint
CREATE INDEX "price_alerts_user_created_idx" ON "price_alerts" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "price_alerts_active_idx" ON "price_alerts" USING btree ("symbol") WHERE status = 'ACTIVE';--> statement-breakpoint
ALTER TABLE "candles" ADD CONSTRAINT "candles_interval_known" CHECK ("interval" in ('1m', '3m', '5m', '15m', '30m', '1h', '4h', '1d', '1w'));