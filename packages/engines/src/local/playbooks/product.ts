import { ProductSchema, type AgentRunOutput, type Product } from '@switchboard/core';
import { z } from 'zod';
import type { PlaybookRun } from '../context.js';
import { formatDollars, replies } from '../replies.js';

const ProductMatchesSchema = z.array(z.object({ product_id: z.string() }).passthrough());

/** Product details: catalog mention or name search → `get_product_details` → available options and prices. */
export async function productInfoPlaybook(run: PlaybookRun): Promise<AgentRunOutput> {
  const mentioned = run.input.triage.entities.products[0] ?? run.input.conversation.entities.products.at(-1);
  let productId = mentioned?.productId;
  if (productId === undefined) {
    const found = await run.tool<unknown>('find_product_by_name', { name: run.input.focusText ?? run.input.message.text });
    const parsed = found.ok ? ProductMatchesSchema.safeParse(extractList(found.output)) : undefined;
    productId = parsed?.success ? parsed.data[0]?.product_id : undefined;
  }
  if (productId === undefined) return run.ask('product', replies.productNotFound(), { failed: run.answering === 'product' });
  const details = await run.tool<unknown>('get_product_details', { product_id: productId });
  const product = details.ok ? ProductSchema.safeParse(details.output) : undefined;
  if (!product?.success) return run.ask('product', replies.productNotFound(), { failed: true });
  return run.resolve(describeProduct(product.data, mentioned?.options ?? {}));
}

function extractList(output: unknown): unknown {
  if (Array.isArray(output)) return output;
  if (output !== null && typeof output === 'object') {
    const values = Object.values(output);
    const list = values.find((value) => Array.isArray(value));
    if (list !== undefined) return list;
  }
  return [];
}

/** Lists the product's available variants matching the options the customer named (at most 6), with prices. */
export function describeProduct(product: Product, wanted: Record<string, string>): string {
  const variants = Object.values(product.variants);
  const matching = variants.filter((variant) => Object.entries(wanted).every(([key, value]) => variant.options[key]?.toLowerCase() === value.toLowerCase()));
  const pool = matching.length > 0 ? matching : variants;
  const available = pool.filter((variant) => variant.available);
  if (available.length === 0) return `${product.name}: none of the ${matching.length > 0 ? 'matching ' : ''}variants are available right now.`;
  const prices = available.map((variant) => variant.price);
  const lines = available.slice(0, 6).map((variant) => `- ${Object.values(variant.options).join(', ')}: ${formatDollars(variant.price)}`);
  const more = available.length > 6 ? `\n…and ${available.length - 6} more available variants.` : '';
  return `${product.name}: ${available.length} available variant${available.length === 1 ? '' : 's'}, from ${formatDollars(Math.min(...prices))} to ${formatDollars(Math.max(...prices))}.\n${lines.join('\n')}${more}`;
}
