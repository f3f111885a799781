CREATE TABLE "api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" integer NOT NULL,
	"label" varchar(64) NOT NULL,
	"type" varchar(16) NOT NULL,
	"api_key" varchar(64) NOT NULL,
	"secret_ciphertext" text,
	"public_key" text,
	"can_read" boolean NOT NULL,
	"can_trade" boolean NOT NULL,
	"ip_allowlist" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_keys_api_key_key" UNIQUE("api_key"),
	CONSTRAINT "api_keys_type_known" CHECK (type in ('HMAC_SHA256', 'ED25519')),
	CONSTRAINT "api_keys_ed25519_has_public_key" CHECK ((type = 'ED25519') = (public_key is not null)),
	CONSTRAINT "api_keys_live_hmac_has_secret" CHECK (type <> 'HMAC_SHA256' or revoked_at is not null or secret_ciphertext is not null)
);
--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "api_keys_user_created_idx" ON "api_keys" USING btree ("user_id","created_at");