import { describe, expect, it } from 'vitest';
import { MAX_DISPLAY_NAME_LENGTH, cleanDisplayName, displayNameFor } from './display-name.js';

describe('cleanDisplayName', () => {
  it('strips bidi overrides, embeddings and isolates', () => {
    // "Alice" followed by a right-to-left override that would show "txt.exe" reversed.
    expect(cleanDisplayName('Alice\u202Eexe.txt')).toBe('Aliceexe.txt');
    expect(cleanDisplayName('\u2066Bob\u2069 \u202AMartin\u202C \u200F\u200E')).toBe('Bob Martin');
  });

  it('strips zero-width characters, the BOM, soft hyphens and controls', () => {
    expect(cleanDisplayName('A\u200Bl\u200Ci\u200Dc\u2060e\uFEFF')).toBe('Alice');
    expect(cleanDisplayName('Ca\u00ADrole\u0000\u0007\u001B[31m')).toBe('Carole[31m');
    expect(cleanDisplayName('Line\nbreak\r\tand\u2028separators\u2029')).toBe('Linebreakandseparators');
  });

  it('keeps letters of every script, accents and emoji, in NFC', () => {
    expect(cleanDisplayName('Zoé Lefèvre')).toBe('Zoé Lefèvre');
    expect(cleanDisplayName('Zoe\u0301')).toBe('Zoé'); // combining accent composed
    expect(cleanDisplayName('محمد 李 🎉')).toBe('محمد 李 🎉');
  });

  it('collapses and trims spaces of every kind', () => {
    expect(cleanDisplayName('  Alice \u00A0\u3000  Martin  ')).toBe('Alice Martin');
  });

  it('may be empty when nothing visible is left', () => {
    expect(cleanDisplayName('\u200B\u202E \u2066')).toBe('');
  });

  it('cuts long names on a code point, never inside a surrogate pair', () => {
    const long = '😀'.repeat(MAX_DISPLAY_NAME_LENGTH + 10);
    const cut = cleanDisplayName(long);
    expect([...cut]).toHaveLength(MAX_DISPLAY_NAME_LENGTH);
    expect(cut).toBe('😀'.repeat(MAX_DISPLAY_NAME_LENGTH));
  });
});

describe('displayNameFor', () => {
  const user = { id: 'alice', name: 'Alice Martin' };

  it('is the account name when the page asks for none', () => {
    expect(displayNameFor(user)).toBe('Alice Martin');
  });

  it('is the page’s name, cleaned, when it passes one', () => {
    expect(displayNameFor(user, 'Ali\u200Bce (bureau)')).toBe('Alice (bureau)');
  });

  it('falls back to the account name when the page’s name is only invisible characters', () => {
    expect(displayNameFor(user, '\u202E\u200B ')).toBe('Alice Martin');
  });

  it('cleans the account name too, and falls back to the id when nothing is left', () => {
    expect(displayNameFor({ id: 'bob', name: 'Bob\u202E' })).toBe('Bob');
    expect(displayNameFor({ id: 'bob', name: '\u200B' })).toBe('bob');
  });
});
