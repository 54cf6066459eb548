/**
 * Triage datasets: labelled CSV, JSON Lines and the CLINC150 JSON shape, with out-of-scope rows
 * marked as the single class `oos`.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { InvalidInputError, NONE_INTENT } from '@switchboard/core';
import { OOS_LABEL, trainingExamples, type LabeledText } from './labels.js';

/** File formats `switchboard eval triage --format` accepts. */
export const TRIAGE_DATA_FORMATS = ['csv', 'jsonl', 'clinc150'] as const;

/** One of {@link TRIAGE_DATA_FORMATS}. */
export type TriageDataFormat = (typeof TRIAGE_DATA_FORMATS)[number];

/** Options of {@link readTriageRows}. */
export interface ReadTriageRowsOptions {
  path: string;
  format: TriageDataFormat;
  /**
   * CLINC150 only: `train` reads `train` + `oos_train`, `test` reads `test` + `oos_test` (the
   * `oos_*` rows labelled `oos`). `val`/`oos_val` are never read. Ignored for CSV and JSONL.
   */
  split: 'train' | 'test';
  /** CSV column / JSONL field holding the text. @defaultValue `'text'` */
  textField?: string;
  /** CSV column / JSONL field holding the label. @defaultValue `'label'` */
  labelField?: string;
  /** CSV/JSONL: rows with this label are out-of-scope and become {@link OOS_LABEL}. CLINC150 uses `oos` always. */
  oosLabel?: string;
}

/**
 * Reads one labelled file into rows; out-of-scope rows get the label {@link OOS_LABEL}.
 * Use {@link loadTriageData} for a train/test pair (it also drops out-of-scope training rows).
 *
 * @returns Rows in file order (CLINC150: in-scope rows first, then `oos_*`).
 * @throws InvalidInputError `DATA_MISSING` when the file cannot be read.
 * @throws InvalidInputError `INVALID_INPUT` when the file is malformed (bad CSV, JSON or CLINC150
 *   shape; `details.line` names the JSONL line), a named column/field is missing (`details.column`),
 *   the file has no rows, a label is blank (`details.row`, 1-based), or an in-scope label is
 *   `oos`/`none` (reserved for out-of-scope: name it with `--oos-label`).
 * @example
 * ```ts
 * readTriageRows({ path: 'banking77/test.csv', format: 'csv', split: 'test', labelField: 'category' });
 * ```
 */
export function readTriageRows(options: ReadTriageRowsOptions): LabeledText[] {
  const content = readContent(options.path);
  const rows = options.format === 'clinc150' ? readClinc150(content, options) : readRecords(content, options);
  if (rows.length === 0) throw new InvalidInputError('INVALID_INPUT', `No rows in ${options.path}`, { details: { path: options.path } });
  return rows;
}

/** Options of {@link loadTriageData}: the `eval triage` flags. */
export interface LoadTriageDataOptions {
  format: TriageDataFormat;
  trainPath: string;
  /** Test file; required for CSV/JSONL; CLINC150 defaults to `trainPath` (its `test` + `oos_test`). */
  testPath?: string;
  textField?: string;
  labelField?: string;
  oosLabel?: string;
  /** Train on the out-of-scope training rows as class `oos` instead of dropping them. @defaultValue false */
  withOosTrain?: boolean;
}

/** A train/test pair; `train` never holds out-of-scope rows unless `withOosTrain` was set. */
export interface TriageData {
  train: LabeledText[];
  test: LabeledText[];
}

/**
 * Loads training examples and test rows for `switchboard eval triage`.
 *
 * @throws InvalidInputError `INVALID_INPUT` when `testPath` is missing for CSV/JSONL, and
 *   everything {@link readTriageRows} throws.
 */
export function loadTriageData(options: LoadTriageDataOptions): TriageData {
  const testPath = options.testPath ?? (options.format === 'clinc150' ? options.trainPath : undefined);
  if (testPath === undefined) {
    throw new InvalidInputError('INVALID_INPUT', `--test is required with --format ${options.format} (or use --cv K to cross-validate on --train)`, { details: { field: 'test' } });
  }
  const fields = {
    format: options.format,
    ...(options.textField === undefined ? {} : { textField: options.textField }),
    ...(options.labelField === undefined ? {} : { labelField: options.labelField }),
    ...(options.oosLabel === undefined ? {} : { oosLabel: options.oosLabel }),
  };
  const trainRows = readTriageRows({ ...fields, path: options.trainPath, split: 'train' });
  const test = readTriageRows({ ...fields, path: testPath, split: 'test' });
  return { train: trainingExamples(trainRows, { withOosTrain: options.withOosTrain ?? false }), test };
}

function readContent(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new InvalidInputError('DATA_MISSING', `Cannot read data file ${path}`, { cause: error, details: { path } });
  }
}

function readRecords(content: string, options: ReadTriageRowsOptions): LabeledText[] {
  const textField = options.textField ?? 'text';
  const labelField = options.labelField ?? 'label';
  const records = options.format === 'jsonl' ? parseJsonLines(content, options.path) : parseCsv(content, options.path);
  return records.map((record, index) => {
    for (const field of [textField, labelField]) {
      if (!(field in record)) {
        const where = options.format === 'jsonl' ? `line ${index + 1} of ${options.path}` : options.path;
        throw new InvalidInputError('INVALID_INPUT', `Column "${field}" is not in ${where}; columns are: ${Object.keys(record).join(', ')}`, { details: { column: field, path: options.path } });
      }
    }
    return { text: cellText(record[textField]), label: markLabel(cellText(record[labelField]), { oosLabel: options.oosLabel, row: index + 1, path: options.path }) };
  });
}

function parseCsv(content: string, path: string): Record<string, unknown>[] {
  try {
    return parse<Record<string, unknown>>(content, { columns: true, skip_empty_lines: true, relax_column_count: true, bom: true });
  } catch (error) {
    throw new InvalidInputError('INVALID_INPUT', `Malformed CSV in ${path}: ${error instanceof Error ? error.message : String(error)}`, { cause: error, details: { path } });
  }
}

function parseJsonLines(content: string, path: string): Record<string, unknown>[] {
  const records: Record<string, unknown>[] = [];
  for (const [index, line] of content.split('\n').entries()) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new InvalidInputError('INVALID_INPUT', `Line ${index + 1} of ${path} is not valid JSON`, { cause: error, details: { path, line: index + 1 } });
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new InvalidInputError('INVALID_INPUT', `Line ${index + 1} of ${path} is not a JSON object`, { details: { path, line: index + 1 } });
    }
    records.push(value as Record<string, unknown>);
  }
  return records;
}

const CLINC150_SPLITS = { train: ['train', 'oos_train'], test: ['test', 'oos_test'] } as const;

function readClinc150(content: string, options: ReadTriageRowsOptions): LabeledText[] {
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch (error) {
    throw new InvalidInputError('INVALID_INPUT', `${options.path} is not valid JSON (expected the CLINC150 data_full.json shape)`, { cause: error, details: { path: options.path } });
  }
  const rows: LabeledText[] = [];
  for (const key of CLINC150_SPLITS[options.split]) {
    const list = typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[key] : undefined;
    if (!Array.isArray(list)) {
      throw new InvalidInputError('INVALID_INPUT', `${options.path} has no "${key}" list; expected the CLINC150 shape {train, test, oos_train, oos_test: [text, intent][]}`, { details: { path: options.path, column: key } });
    }
    for (const [index, pair] of list.entries()) {
      if (!Array.isArray(pair) || typeof pair[0] !== 'string' || typeof pair[1] !== 'string') {
        throw new InvalidInputError('INVALID_INPUT', `${options.path}: ${key}[${index}] is not a [text, intent] pair`, { details: { path: options.path, column: key, row: index } });
      }
      rows.push({ text: pair[0], label: key.startsWith('oos') ? OOS_LABEL : markLabel(pair[1], { oosLabel: OOS_LABEL, row: index + 1, path: options.path }) });
    }
  }
  return rows;
}

function markLabel(label: string, context: { oosLabel: string | undefined; row: number; path: string }): string {
  const trimmed = label.trim();
  if (trimmed === '') throw new InvalidInputError('INVALID_INPUT', `Row ${context.row} of ${context.path} has a blank label`, { details: { path: context.path, row: context.row } });
  if (trimmed === context.oosLabel) return OOS_LABEL;
  if (trimmed === OOS_LABEL || trimmed === NONE_INTENT) {
    throw new InvalidInputError('INVALID_INPUT', `Row ${context.row} of ${context.path} has the label "${trimmed}", which is reserved for out-of-scope; pass --oos-label ${trimmed} if these rows are out-of-scope`, {
      details: { path: context.path, row: context.row },
    });
  }
  return trimmed;
}

/** A cell as text: strings as-is, numbers and booleans printed, anything else JSON. */
function cellText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
