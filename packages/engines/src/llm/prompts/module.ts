/**
 * Prompt modules: named, versioned renderers of the text a model reads. A change of wording is a
 * new version (`prompts/agent@2`), so evals and audit records say which prompt produced a reply.
 */

/** A named, versioned prompt. `id` is `<name>@<version>` (`prompts/agent@1`). */
export interface PromptModule<Context> {
  readonly name: string;
  readonly version: number;
  readonly id: string;
  /** Renders the prompt text for `context`. Pure: the same context gives the same text. */
  render(context: Context): string;
}

/** Declares a prompt module; `id` is derived from `name` and `version`. */
export function definePrompt<Context>(definition: { name: string; version: number; render: (context: Context) => string }): PromptModule<Context> {
  return Object.freeze({ ...definition, id: `${definition.name}@${definition.version}` });
}

/** Joins non-empty sections with blank lines. */
export function sections(...parts: readonly (string | false | undefined)[]): string {
  return parts.filter((part): part is string => typeof part === 'string' && part.trim() !== '').join('\n\n');
}

/** Renders a policy object (`{ returnWindowDays: 30 }`) or text as lines the model can quote. */
export function renderPolicy(policy: string | Readonly<Record<string, unknown>> | undefined): string | undefined {
  if (policy === undefined) return undefined;
  if (typeof policy === 'string') return policy.trim() || undefined;
  const lines = Object.entries(policy).map(([key, value]) => `- ${key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}: ${Array.isArray(value) ? value.join('; ') : String(value)}`);
  return lines.length > 0 ? lines.join('\n') : undefined;
}
