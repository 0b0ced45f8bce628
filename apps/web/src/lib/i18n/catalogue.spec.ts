import { describe, expect, it } from 'vitest';
import { cy } from './cy';
import { en } from './en';

type Tree = { [key: string]: string | Tree };

/** Every string of a catalogue by its dotted key, with the plural suffix taken off (`inbox.showing`). */
const phrases = (tree: Tree, prefix = ''): Map<string, string[]> => {
  const found = new Map<string, string[]>();
  for (const [key, value] of Object.entries(tree)) {
    const path = `${prefix}${key.replace(/_(zero|one|two|few|many|other)$/, '')}`;
    if (typeof value === 'string') found.set(path, [...(found.get(path) ?? []), value]);
    else for (const [inner, values] of phrases(value, `${path}.`)) found.set(inner, values);
  }
  return found;
};

const placeholders = (text: string) => [...text.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();

describe('the Welsh catalogue', () => {
  const english = phrases(en);
  const welsh = phrases(cy);

  it('has a phrase for every English one, and none English lacks', () =>
    expect([...welsh.keys()].sort()).toEqual([...english.keys()].sort()));

  it('gives every counted phrase all six Welsh plural forms', () => {
    const counted = Object.entries(cy).flatMap(([, group]) =>
      typeof group === 'string' ? [] : Object.keys(group).filter((key) => key.endsWith('_other')),
    );
    expect(counted.length).toBeGreaterThan(0);
    for (const [key, values] of welsh)
      if (english.get(key)?.length === 2) expect(values, key).toHaveLength(6);
  });

  it('keeps each phrase’s placeholders, so no name or number is lost in translation', () => {
    for (const [key, values] of welsh) {
      // {{count}} may be left out of a form (Welsh can say "dim" for none); every other placeholder must stay.
      const wanted = placeholders(english.get(key)?.at(-1) ?? '').filter((name) => name !== 'count');
      for (const value of values) {
        expect(value.trim(), key).not.toBe('');
        expect(
          placeholders(value).filter((name) => name !== 'count'),
          key,
        ).toEqual(wanted);
      }
    }
  });
});
