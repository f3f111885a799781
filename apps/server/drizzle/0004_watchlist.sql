CREATE TABLE "watchlist_symbols" (
	"user_id" integer NOT NULL,
	"symbol" varchar(20) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "watchlist_symbols_pkey" PRIMARY KEY("user_id","symbol"),
	CONSTRAINT "watchlist_symbols_symbol_shape" CHECK ("watchlist_symbols"."symbol" ~ '^[A-Z0-9]{2,20}$')
);
--> statement-breakpoint
ALTER TABLE "watchlist_symbols" ADD CONSTRAINT "watchlist_symbols_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;