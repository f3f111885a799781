CREATE TABLE "chat_messages" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"conversation_id" uuid NOT NULL,
	"user_id" integer NOT NULL,
	"role" varchar(16) NOT NULL,
	"content" text NOT NULL,
	"tool_calls" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "chat_messages_role_known" CHECK (role in ('system', 'user', 'assistant', 'tool'))
);
--> statement-breakpoint
CREATE TABLE "models" (
	"version" varchar(64) PRIMARY KEY NOT NULL,
	"params" jsonb NOT NULL,
	"metrics" jsonb NOT NULL,
	"artifact" text NOT NULL,
	"status" varchar(16) DEFAULT 'candidate' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "models_status_known" CHECK (status in ('candidate', 'active', 'retired'))
);
--> statement-breakpoint
CREATE TABLE "predictions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"model_version" varchar(64) NOT NULL,
	"symbol" varchar(20) NOT NULL,
	"horizon" varchar(8) NOT NULL,
	"label" varchar(4) NOT NULL,
	"probabilities" jsonb NOT NULL,
	"price_at" numeric(36, 18) NOT NULL,
	"generated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolve_at" timestamp with time zone NOT NULL,
	"resolved_price" numeric(36, 18),
	"outcome" varchar(4),
	"scored_at" timestamp with time zone,
	CONSTRAINT "predictions_label_known" CHECK (label in ('UP', 'DOWN', 'FLAT')),
	CONSTRAINT "predictions_outcome_known" CHECK (outcome is null or outcome in ('UP', 'DOWN', 'FLAT'))
);
--> statement-breakpoint
CREATE TABLE "candles" (
	"symbol" varchar(20) NOT NULL,
	"interval" varchar(4) NOT NULL,
	"open_time" bigint NOT NULL,
	"open" numeric(36, 18) NOT NULL,
	"high" numeric(36, 18) NOT NULL,
	"low" numeric(36, 18) NOT NULL,
	"close" numeric(36, 18) NOT NULL,
	"volume" numeric(36, 18) NOT NULL,
	CONSTRAINT "candles_pkey" PRIMARY KEY("symbol","interval","open_time"),
	CONSTRAINT "candles_interval_known" CHECK ("interval" in ('1m', '5m', '15m', '1h', '4h', '1d'))
);
--> statement-breakpoint
CREATE TABLE "equity_snapshots" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"run" integer NOT NULL,
	"time" timestamp with time zone NOT NULL,
	"value" numeric(36, 18) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"client_order_id" varchar(64) NOT NULL,
	"symbol" varchar(20) NOT NULL,
	"side" varchar(4) NOT NULL,
	"type" varchar(16) NOT NULL,
	"status" varchar(16) DEFAULT 'NEW' NOT NULL,
	"quantity" numeric(36, 18),
	"quote_amount" numeric(36, 18),
	"price" numeric(36, 18),
	"stop_price" numeric(36, 18),
	"filled_quantity" numeric(36, 18) DEFAULT '0' NOT NULL,
	"avg_fill_price" numeric(36, 18),
	"fee" numeric(36, 18) DEFAULT '0' NOT NULL,
	"reserved_amount" numeric(36, 18) DEFAULT '0' NOT NULL,
	"reserved_asset" varchar(20),
	"reject_reason" varchar(64),
	"run" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "orders_user_client_order_id_key" UNIQUE("user_id","client_order_id"),
	CONSTRAINT "orders_side_known" CHECK (side in ('BUY', 'SELL')),
	CONSTRAINT "orders_type_known" CHECK (type in ('MARKET', 'LIMIT', 'STOP_LOSS', 'TAKE_PROFIT')),
	CONSTRAINT "orders_status_known" CHECK (status in ('NEW', 'PARTIALLY_FILLED', 'FILLED', 'CANCELED', 'REJECTED')),
	CONSTRAINT "orders_sized" CHECK ("orders"."quantity" is not null or "orders"."quote_amount" is not null),
	CONSTRAINT "orders_amounts_non_negative" CHECK ("orders"."filled_quantity" >= 0 and "orders"."fee" >= 0 and "orders"."reserved_amount" >= 0)
);
--> statement-breakpoint
CREATE TABLE "portfolios" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"symbol" varchar(20) NOT NULL,
	"quantity" numeric(36, 18) NOT NULL,
	"avg_price" numeric(36, 18) NOT NULL,
	"reserved_quantity" numeric(36, 18) DEFAULT '0' NOT NULL,
	"realized_pnl" numeric(36, 18) DEFAULT '0' NOT NULL,
	"run" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "portfolios_user_symbol_key" UNIQUE("user_id","symbol"),
	CONSTRAINT "portfolios_quantity_non_negative" CHECK ("portfolios"."quantity" >= 0),
	CONSTRAINT "portfolios_reserved_within_quantity" CHECK ("portfolios"."reserved_quantity" >= 0 and "portfolios"."reserved_quantity" <= "portfolios"."quantity")
);
--> statement-breakpoint
CREATE TABLE "transactions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"order_id" bigint NOT NULL,
	"symbol" varchar(20) NOT NULL,
	"type" varchar(4) NOT NULL,
	"quantity" numeric(36, 18) NOT NULL,
	"price" numeric(36, 18) NOT NULL,
	"total_amount" numeric(36, 18) NOT NULL,
	"fee" numeric(36, 18) DEFAULT '0' NOT NULL,
	"realized_pnl" numeric(36, 18),
	"run" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "transactions_type_known" CHECK (type in ('BUY', 'SELL'))
);
--> statement-breakpoint
CREATE TABLE "auth_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" integer,
	"kind" varchar(32) NOT NULL,
	"ip" varchar(64),
	"user_agent" varchar(512),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "refresh_tokens" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"token_hash" varchar(64) NOT NULL,
	"family_id" uuid NOT NULL,
	"replaced_by" bigint,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "refresh_tokens_token_hash_key" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"username" varchar(50) NOT NULL,
	"email" varchar(100) NOT NULL,
	"password_hash" varchar(255) NOT NULL,
	"balance" numeric(36, 18) DEFAULT '100000' NOT NULL,
	"initial_balance" numeric(36, 18) DEFAULT '100000' NOT NULL,
	"reserved_balance" numeric(36, 18) DEFAULT '0' NOT NULL,
	"run" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_balance_non_negative" CHECK ("users"."balance" >= 0),
	CONSTRAINT "users_reserved_within_balance" CHECK ("users"."reserved_balance" >= 0 and "users"."reserved_balance" <= "users"."balance"),
	CONSTRAINT "users_run_positive" CHECK ("users"."run" >= 1)
);
--> statement-breakpoint
ALTER TABLE "chat_messages" ADD CONSTRAINT "chat_messages_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "predictions" ADD CONSTRAINT "predictions_model_version_models_version_fk" FOREIGN KEY ("model_version") REFERENCES "public"."models"("version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "equity_snapshots" ADD CONSTRAINT "equity_snapshots_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolios" ADD CONSTRAINT "portfolios_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auth_events" ADD CONSTRAINT "auth_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refresh_tokens" ADD CONSTRAINT "refresh_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refresh_tokens" ADD CONSTRAINT "refresh_tokens_replaced_by_refresh_tokens_id_fk" FOREIGN KEY ("replaced_by") REFERENCES "public"."refresh_tokens"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "chat_messages_conversation_idx" ON "chat_messages" USING btree ("conversation_id","id");--> statement-breakpoint
CREATE INDEX "chat_messages_user_created_idx" ON "chat_messages" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "models_status_created_idx" ON "models" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "predictions_symbol_generated_idx" ON "predictions" USING btree ("symbol","horizon","generated_at");--> statement-breakpoint
CREATE INDEX "predictions_model_idx" ON "predictions" USING btree ("model_version","scored_at");--> statement-breakpoint
CREATE INDEX "predictions_unscored_idx" ON "predictions" USING btree ("resolve_at") WHERE scored_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "equity_snapshots_user_time_key" ON "equity_snapshots" USING btree ("user_id","time");--> statement-breakpoint
CREATE INDEX "orders_user_created_idx" ON "orders" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "orders_open_by_symbol_idx" ON "orders" USING btree ("symbol","side","price") WHERE status in ('NEW', 'PARTIALLY_FILLED');--> statement-breakpoint
CREATE INDEX "transactions_user_created_idx" ON "transactions" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "transactions_order_idx" ON "transactions" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "auth_events_user_time_idx" ON "auth_events" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "auth_events_ip_time_idx" ON "auth_events" USING btree ("ip","created_at");--> statement-breakpoint
CREATE INDEX "refresh_tokens_family_idx" ON "refresh_tokens" USING btree ("family_id");--> statement-breakpoint
CREATE INDEX "refresh_tokens_user_idx" ON "refresh_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_username_key" ON "users" USING btree (lower("username"));--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree (lower("email"));