import { z } from 'zod';
import { EntitiesSchema } from './entities.js';

/** Urgency levels, lowest first. `urgent` notifies a human in parallel (legal, threat, outage, money at risk). */
export const URGENCIES = ['low', 'normal', 'high', 'urgent'] as const;
export const UrgencySchema = z.enum(URGENCIES);
export type Urgency = z.infer<typeof UrgencySchema>;

/** The intent name used when no intent clears the classifier's confidence threshold. */
export const NONE_INTENT = 'none';

/**
 * Customer sentiment. `score` in [-1, 1] (negative to positive); `frustration` in [0, 1]
 * (0 calm, 1 severe: caps, repeated punctuation, insults, "third time I ask").
 */
export const SentimentSchema = z.object({
  label: z.enum(['negative', 'neutral', 'positive']),
  score: z.number().min(-1).max(1),
  frustration: z.number().min(0).max(1),
});
export type Sentiment = z.infer<typeof SentimentSchema>;

/** One sub-request of a multi-intent message, classified on its own. */
export const SubtaskSchema = z.object({
  text: z.string(),
  intent: z.string(),
  category: z.string(),
  confidence: z.number().min(0).max(1),
});
export type Subtask = z.infer<typeof SubtaskSchema>;

/** Signals the triage step found that the escalation policy acts on. */
export const TriageSignalsSchema = z.object({
  /** The customer explicitly asked for a human ("I want to talk to a person"). */
  humanRequested: z.boolean(),
  /** Legal or threat language ("I'll call my lawyer", "I will sue"). */
  legalThreat: z.boolean(),
  /** Insults or abuse directed at the desk. */
  abusive: z.boolean(),
  /** Best guess of the message language (ISO 639-1, `und` when unknown). */
  language: z.string(),
});
export type TriageSignals = z.infer<typeof TriageSignalsSchema>;

/**
 * The triage step's classification of one customer message.
 * `confidence` is the calibrated probability of `intent` (0–1); `intent` is {@link NONE_INTENT}
 * when nothing clears the classifier's threshold. `subtasks` has one entry per sub-request
 * (one entry for a single-request message).
 */
export const TriageDecisionSchema = z.object({
  category: z.string(),
  intent: z.string(),
  urgency: UrgencySchema,
  confidence: z.number().min(0).max(1),
  entities: EntitiesSchema,
  sentiment: SentimentSchema,
  signals: TriageSignalsSchema,
  subtasks: z.array(SubtaskSchema),
  /** Next-best intents after `intent`, best first (at most 3), for retries and equal-fit checks. */
  alternatives: z.array(z.object({ intent: z.string(), confidence: z.number().min(0).max(1) })).default([]),
  /** Short human-readable reason ("top intent track_order 0.93; order id found"). */
  reasoning: z.string(),
  /** Which engine decided (`local` classifier, `llm`, `scripted` double). */
  decidedBy: z.string(),
  /** Confidence fell below the second-opinion threshold. */
  needsSecondOpinion: z.boolean().default(false),
});
export type TriageDecision = z.infer<typeof TriageDecisionSchema>;
