CREATE TABLE "conversations" (
	"id" text PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"channel" text NOT NULL,
	"customer_id" text,
	"current_agent_id" text,
	"priority" text NOT NULL,
	"version" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"data" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "events_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"conversation_id" text NOT NULL,
	"trace_id" text NOT NULL,
	"turn_id" text NOT NULL,
	"time" timestamp with time zone NOT NULL,
	"type" text NOT NULL,
	"agent_id" text,
	"data" jsonb NOT NULL,
	"latency_ms" double precision,
	"input_tokens" integer,
	"output_tokens" integer,
	"cost_usd" double precision
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"id" text PRIMARY KEY NOT NULL,
	"conversation_id" text NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "messages_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"role" text NOT NULL,
	"author" text NOT NULL,
	"text" text NOT NULL,
	"turn_id" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "store_orders" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"data" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "store_products" (
	"id" text PRIMARY KEY NOT NULL,
	"data" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "store_users" (
	"id" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"first_name_lower" text NOT NULL,
	"last_name_lower" text NOT NULL,
	"zip" text NOT NULL,
	"data" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tickets" (
	"id" text PRIMARY KEY NOT NULL,
	"conversation_id" text NOT NULL,
	"status" text NOT NULL,
	"priority" text NOT NULL,
	"priority_rank" integer NOT NULL,
	"queue" text NOT NULL,
	"sla_due_at" timestamp with time zone NOT NULL,
	"assignee" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"data" jsonb NOT NULL
);
--> statement-breakpoint
CREATE INDEX "conversations_status_updated_idx" ON "conversations" USING btree ("status","updated_at");--> statement-breakpoint
CREATE INDEX "conversations_customer_idx" ON "conversations" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "events_conversation_time_idx" ON "events" USING btree ("conversation_id","time","seq");--> statement-breakpoint
CREATE INDEX "events_trace_idx" ON "events" USING btree ("trace_id");--> statement-breakpoint
CREATE INDEX "messages_conversation_seq_idx" ON "messages" USING btree ("conversation_id","seq");--> statement-breakpoint
CREATE INDEX "store_orders_user_idx" ON "store_orders" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "store_users_email_idx" ON "store_users" USING btree ("email");--> statement-breakpoint
CREATE INDEX "store_users_name_zip_idx" ON "store_users" USING btree ("last_name_lower","first_name_lower","zip");--> statement-breakpoint
CREATE INDEX "tickets_order_idx" ON "tickets" USING btree ("priority_rank","sla_due_at");--> statement-breakpoint
CREATE INDEX "tickets_status_queue_idx" ON "tickets" USING btree ("status","queue");--> statement-breakpoint
CREATE INDEX "tickets_conversation_idx" ON "tickets" USING btree ("conversation_id");