DROP INDEX "turns_conversation_seq_idx";--> statement-breakpoint
DROP INDEX "turns_status_seq_idx";--> statement-breakpoint
CREATE INDEX "turns_unfinished_idx" ON "turns" USING btree ("conversation_id","seq") WHERE "turns"."status" in ('queued', 'running');