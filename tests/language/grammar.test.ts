// The checked-in grammar documentation must match what the parser generates.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateGrammarDocs } from '../../src/language/grammar-docs.js';

const dir = new URL('../../grammar/', import.meta.url);

describe('grammar docs', () => {
  const generated = generateGrammarDocs();
  const files: { file: string; want: string }[] = [
    { file: 'psh.ebnf', want: generated.ebnf },
    { file: 'railroad.html', want: generated.railroad },
  ];
  for (const f of files) {
    it(`grammar/${f.file} is up to date (run npm run grammar)`, () => {
      expect(readFileSync(new URL(f.file, dir), 'utf8')).toBe(f.want);
    });
  }
});
