import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { InvalidInputError } from '@switchboard/core';

/** One row of an evaluation file: the customer text and, when a label column was named, its label. */
export interface TextRow {
  text: string;
  label?: string;
}

/** Options of {@link readTextRows}. */
export interface ReadTextRowsOptions {
  /** Column (CSV) or field (JSONL) holding the text. */
  textColumn: string;
  /** Column holding the label; omitted → rows have no label. */
  labelColumn?: string;
  /** Keep only the first N rows. */
  limit?: number;
}

/**
 * Reads a CSV (RFC 4180, header row) or JSON Lines file into rows. The format follows the
 * extension (`.jsonl`/`.ndjson` → JSON Lines, anything else CSV).
 *
 * @throws InvalidInputError `DATA_MISSING` when the file cannot be read.
 * @throws InvalidInputError `INVALID_INPUT` when a named column is absent from the header.
 */
export function readTextRows(path: string, options: ReadTextRowsOptions): TextRow[] {
  let content: string;
  try {
    content = readFileSync(path, 'utf8');
  } catch (error) {
    throw new InvalidInputError('DATA_MISSING', `Cannot read data file ${path}`, { cause: error, details: { path } });
  }
  const records: Record<string, unknown>[] = /\.(jsonl|ndjson)$/i.test(path)
    ? content.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as Record<string, unknown>)
    : parse<Record<string, unknown>>(content, { columns: true, skip_empty_lines: true, relax_column_count: true, bom: true });
  const first = records[0];
  for (const column of [options.textColumn, options.labelColumn]) {
    if (column !== undefined && first !== undefined && !(column in first)) {
      throw new InvalidInputError('INVALID_INPUT', `Column "${column}" is not in ${path}; columns are: ${Object.keys(first).join(', ')}`, { details: { column } });
    }
  }
  const rows = records.map((record) => {
    const label = options.labelColumn === undefined ? undefined : cellText(record[options.labelColumn]);
    return { text: cellText(record[options.textColumn]), ...(label === undefined ? {} : { label }) };
  });
  return options.limit === undefined ? rows : rows.slice(0, options.limit);
}

/** A cell as text: strings as-is, numbers and booleans printed, anything else JSON. */
function cellText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
