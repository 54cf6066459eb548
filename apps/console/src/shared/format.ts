/**
 * Pure helpers shared by the widget and the console: merging message lists without duplicates,
 * names for agent ids, SLA countdowns, money and percentages. No DOM, no clock: callers pass
 * the current time, so tests pin it.
 */
import type { Message } from '../api.js';

/**
 * Merges messages into a list, keeping one copy of each id, ordered by `createdAt` then by
 * arrival. Replays (a reconnect, a transcript re-read) therefore never duplicate a message.
 * @returns a new array when something was added, `existing` itself otherwise (cheap React updates).
 */
export function mergeMessages(existing: readonly Message[], incoming: readonly Message[]): readonly Message[] {
  const known = new Set(existing.map((message) => message.id));
  const added = incoming.filter((message) => {
    if (known.has(message.id)) return false;
    known.add(message.id);
    return true;
  });
  if (added.length === 0) return existing;
  return [...existing, ...added].map((message, index) => ({ message, index })).sort((a, b) => a.message.createdAt.localeCompare(b.message.createdAt) || a.index - b.index).map(({ message }) => message);
}

/** A readable name for an agent or operator id: `technical_web` → `Technical web`. */
export function agentLabel(id: string): string {
  const words = id.replace(/[_-]+/g, ' ').trim();
  return words === '' ? id : `${words.charAt(0).toUpperCase()}${words.slice(1)}`;
}

/**
 * Time left until an SLA due time, for a countdown: `"42m left"`, `"3h 05m left"`, `"2d 4h left"`,
 * or `"overdue 12m"` once past it.
 * @param dueAt - ISO-8601 due time (the ticket's `slaDueAt`).
 * @param nowMs - The current time in epoch milliseconds.
 * @returns the label, and `state`: `ok`, `soon` (under 15 minutes left) or `breached` (past due).
 */
export function slaCountdown(dueAt: string, nowMs: number): { label: string; state: 'ok' | 'soon' | 'breached' } {
  const leftMs = Date.parse(dueAt) - nowMs;
  if (Number.isNaN(leftMs)) return { label: 'no SLA', state: 'ok' };
  const span = formatSpan(Math.abs(leftMs));
  if (leftMs < 0) return { label: `overdue ${span}`, state: 'breached' };
  return { label: `${span} left`, state: leftMs < 15 * 60_000 ? 'soon' : 'ok' };
}

function formatSpan(durationMs: number): string {
  const minutes = Math.floor(durationMs / 60_000);
  if (minutes < 60) return `${Math.max(minutes, 0)}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours}h ${String(minutes % 60).padStart(2, '0')}m`;
  return `${Math.floor(hours / 24)}d ${hours % 24}h`;
}

/** US dollars from cents: `61240` → `"$612.40"`. */
export function formatCents(cents: number): string {
  return (cents / 100).toLocaleString('en-US', { style: 'currency', currency: 'USD' });
}

/** US dollars, with more digits for sub-cent model costs: `0.0042` → `"$0.0042"`. */
export function formatUsd(dollars: number): string {
  return dollars.toLocaleString('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: dollars !== 0 && Math.abs(dollars) < 0.01 ? 4 : 2 });
}

/** A rate 0–1 as a percentage: `0.734` → `"73.4 %"`. */
export function formatRate(rate: number): string {
  return `${(rate * 100).toFixed(1)} %`;
}

/** Milliseconds, readable: `840` → `"840 ms"`, `2300` → `"2.3 s"`. */
export function formatMs(durationMs: number): string {
  return durationMs < 1000 ? `${Math.round(durationMs)} ms` : `${(durationMs / 1000).toFixed(1)} s`;
}

/** Clock time of an ISO-8601 timestamp in the browser's locale (`14:05:09`). */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}
