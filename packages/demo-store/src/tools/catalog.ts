/**
 * Catalog tools: `get_product_details`, `list_all_product_types` (τ-bench) and
 * `find_product_by_name` (ours). They read no customer data and need no verified customer.
 */
import { ProductSchema, ToolError, defineTool, type AnyToolDefinition, type CommerceStore, type Product } from '@switchboard/core';
import { z } from 'zod';
import { READ_SCOPES, READ_TIMEOUT_MS, READ_TOOL_NAMES } from './scopes.js';

/** Output of `find_product_by_name`: best matches first, at most {@link MAX_PRODUCT_MATCHES}; empty when nothing matches. */
export const ProductMatchesSchema = z.object({
  matches: z.array(z.object({ product_id: z.string(), name: z.string() })),
});
export type ProductMatches = z.infer<typeof ProductMatchesSchema>;

/** Most matches `find_product_by_name` returns. */
export const MAX_PRODUCT_MATCHES = 5;

/** Lower-case word stems: "Hiking Boots" → ["hiking", "boot"]. */
function stems(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0)
    .map((word) => (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word));
}

/**
 * Relevance of `product` to the query stems, 0 when unrelated: 3 for the same name, 2 plus
 * coverage when every query word is in the name, else the share of query words found.
 */
function score(query: readonly string[], product: Product): number {
  const name = stems(product.name);
  if (query.join(' ') === name.join(' ')) return 3;
  const found = query.filter((word) => name.includes(word)).length;
  if (found === 0) return 0;
  return found === query.length ? 2 + found / name.length : found / query.length;
}

/** The three catalog tools, bound to `commerce`. */
export function createCatalogTools(commerce: CommerceStore): AnyToolDefinition[] {
  const getProductDetails = defineTool({
    name: READ_TOOL_NAMES.getProductDetails,
    description: "Get a product type by its product id (not an item id): name and variants keyed by item id, each with options, availability and price in dollars.",
    kind: 'read',
    scopes: [READ_SCOPES.catalogRead],
    input: z.object({ product_id: z.string().trim().min(1).max(64) }),
    output: ProductSchema,
    timeoutMs: READ_TIMEOUT_MS,
    idempotent: true,
    async execute({ product_id: productId }) {
      const product = await commerce.getProduct(productId);
      if (!product) throw new ToolError('NOT_FOUND', 'No product with this id was found', { details: { productId } });
      return product;
    },
  });

  const listAllProductTypes = defineTool({
    name: READ_TOOL_NAMES.listAllProductTypes,
    description: 'List every product type of the store as { product name: product id }, sorted by name.',
    kind: 'read',
    scopes: [READ_SCOPES.catalogRead],
    input: z.object({}),
    output: z.record(z.string(), z.string()),
    timeoutMs: READ_TIMEOUT_MS,
    idempotent: true,
    async execute() {
      const products = await commerce.listProducts();
      const sorted = [...products].sort((left, right) => left.name.localeCompare(right.name, 'en'));
      return Object.fromEntries(sorted.map((product) => [product.name, product.product_id]));
    },
  });

  const findProductByName = defineTool({
    name: READ_TOOL_NAMES.findProductByName,
    description: `Search the catalog by product name ("hiking boots", "kettle"). Returns { matches: [{ product_id, name }] }, best first, at most ${MAX_PRODUCT_MATCHES}; empty when nothing matches.`,
    kind: 'read',
    scopes: [READ_SCOPES.catalogRead],
    input: z.object({ name: z.string().trim().min(1).max(200) }),
    output: ProductMatchesSchema,
    timeoutMs: READ_TIMEOUT_MS,
    idempotent: true,
    async execute({ name }) {
      const query = stems(name);
      const products = await commerce.listProducts();
      const matches = products
        .map((product) => ({ product, relevance: query.length === 0 ? 0 : score(query, product) }))
        .filter((candidate) => candidate.relevance > 0)
        .sort((left, right) => right.relevance - left.relevance || left.product.name.localeCompare(right.product.name, 'en'))
        .slice(0, MAX_PRODUCT_MATCHES)
        .map(({ product }) => ({ product_id: product.product_id, name: product.name }));
      return { matches };
    },
  });

  return [getProductDetails, listAllProductTypes, findProductByName];
}
