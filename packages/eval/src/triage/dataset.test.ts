import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTriageData, readTriageRows } from './dataset.js';

function fixtureDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sb-triage-data-'));
  writeFileSync(join(dir, 'train.csv'), 'sentence,intent\n"where is my order, please",track\nrefund me,refund\nwhat is the weather,OUT\n');
  writeFileSync(join(dir, 'test.csv'), 'sentence,intent\nmy parcel?,track\ntell me a joke,OUT\n');
  writeFileSync(join(dir, 'train.jsonl'), '{"text":"where is it","label":"track"}\n\n{"text":"money back","label":"refund"}\n{"text":"sing","label":"NONE_OF_THEM"}\n');
  writeFileSync(join(dir, 'bad.jsonl'), '{"text":"ok","label":"a"}\n{not json}\n');
  writeFileSync(
    join(dir, 'clinc.json'),
    JSON.stringify({
      train: [['book a flight', 'book_flight'], ['transfer money', 'transfer']],
      val: [['val row', 'transfer']],
      test: [['fly me to rome', 'book_flight']],
      oos_train: [['how tall is everest', 'oos']],
      oos_val: [],
      oos_test: [['who won the cup', 'oos'], ['bake a cake', 'oos']],
    }),
  );
  return dir;
}

describe('loadTriageData', () => {
  it('reads CSV columns by name and never trains on out-of-scope rows', () => {
    const dir = fixtureDir();
    const data = loadTriageData({ format: 'csv', trainPath: join(dir, 'train.csv'), testPath: join(dir, 'test.csv'), textField: 'sentence', labelField: 'intent', oosLabel: 'OUT' });
    expect(data.train).toEqual([{ text: 'where is my order, please', label: 'track' }, { text: 'refund me', label: 'refund' }]);
    expect(data.train.some((row) => row.label === 'oos' || row.label === 'OUT' || row.text === 'what is the weather')).toBe(false);
    expect(data.test).toEqual([{ text: 'my parcel?', label: 'track' }, { text: 'tell me a joke', label: 'oos' }]);
  });

  it('reads JSON Lines with the default fields, skipping blank lines', () => {
    const dir = fixtureDir();
    const data = loadTriageData({ format: 'jsonl', trainPath: join(dir, 'train.jsonl'), testPath: join(dir, 'train.jsonl'), oosLabel: 'NONE_OF_THEM' });
    expect(data.train.map((row) => row.label)).toEqual(['track', 'refund']);
    expect(data.test.map((row) => row.label)).toEqual(['track', 'refund', 'oos']);
  });

  it('reads CLINC150: train without oos_train by default, test + oos_test as oos, never val', () => {
    const dir = fixtureDir();
    const data = loadTriageData({ format: 'clinc150', trainPath: join(dir, 'clinc.json') });
    expect(data.train).toEqual([{ text: 'book a flight', label: 'book_flight' }, { text: 'transfer money', label: 'transfer' }]);
    expect(data.test).toEqual([{ text: 'fly me to rome', label: 'book_flight' }, { text: 'who won the cup', label: 'oos' }, { text: 'bake a cake', label: 'oos' }]);
    const withOos = loadTriageData({ format: 'clinc150', trainPath: join(dir, 'clinc.json'), withOosTrain: true });
    expect(withOos.train).toContainEqual({ text: 'how tall is everest', label: 'oos' });
    expect(withOos.train.some((row) => row.text === 'val row')).toBe(false);
  });

  it('fails with DATA_MISSING or INVALID_INPUT and a message naming the problem', () => {
    const dir = fixtureDir();
    const code = (value: string): Error => expect.objectContaining({ code: value }) as Error;
    expect(() => loadTriageData({ format: 'csv', trainPath: join(dir, 'missing.csv'), testPath: join(dir, 'test.csv') })).toThrow(code('DATA_MISSING'));
    expect(() => loadTriageData({ format: 'csv', trainPath: join(dir, 'train.csv'), testPath: join(dir, 'test.csv') })).toThrow(/Column "text" is not in .*columns are: sentence, intent/);
    expect(() => loadTriageData({ format: 'csv', trainPath: join(dir, 'train.csv') })).toThrow(/--test is required/);
    expect(() => readTriageRows({ path: join(dir, 'bad.jsonl'), format: 'jsonl', split: 'train' })).toThrow(/Line 2 of .* is not valid JSON/);
    expect(() => readTriageRows({ path: join(dir, 'train.csv'), format: 'clinc150', split: 'train' })).toThrow(code('INVALID_INPUT'));
    expect(() => readTriageRows({ path: join(dir, 'train.jsonl'), format: 'clinc150', split: 'train' })).toThrow(code('INVALID_INPUT'));
  });

  it('refuses in-scope labels named oos or none unless --oos-label names them', () => {
    const dir = fixtureDir();
    writeFileSync(join(dir, 'reserved.csv'), 'text,label\nhello,none\nbye,a\n');
    expect(() => readTriageRows({ path: join(dir, 'reserved.csv'), format: 'csv', split: 'train' })).toThrow(/reserved for out-of-scope/);
    expect(readTriageRows({ path: join(dir, 'reserved.csv'), format: 'csv', split: 'train', oosLabel: 'none' })[0]).toEqual({ text: 'hello', label: 'oos' });
  });
});
