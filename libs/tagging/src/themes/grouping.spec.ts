import { describe, expect, it } from 'vitest';
import { groupPosts, type PostKeyphrases, type ThemeDefinition } from './grouping';
import { keyphrasesOf } from './keyphrases';

let nextId = 1;
const post = (text: string): PostKeyphrases => ({ id: String(nextId++), keyphrases: keyphrasesOf(text) });
const many = (n: number, texts: string[]) =>
  Array.from({ length: n }, (_, i) => post(texts[i % texts.length]));

const EXAMS = [
  'How long do exam appeals take this summer?',
  'My exam appeal was refused, what now?',
  'Exam appeals deadline is too short for schools',
];
const FREE_MEALS = [
  'Free school meals should cover the holidays',
  'Can my child get free school meals if I work part time?',
  'Free school meals application form is broken',
];

describe('groupPosts', () => {
  it('groups posts sharing a phrase into a theme labelled with the phrase as written, never a stem', () => {
    const { assigned, created } = groupPosts(
      [],
      [...many(6, EXAMS), ...many(6, FREE_MEALS), post('Nice weather')],
    );
    expect(created.map((t) => [t.key, t.label, t.posts])).toEqual([
      // "school meal" and "free school" tie with "exam appeal" on 6 posts ×2; the key's text breaks the tie, and
      // "school meals", in every one of its posts, carries the label on.
      ['exam appeal', 'Exam appeals', 6],
      ['free school', 'Free school meals', 6],
    ]);
    expect(created[1].keyphrases.map((k) => k.text)).toContain('school meals');
    expect([...assigned.values()].filter((t) => t === null)).toHaveLength(1);
  });

  it('is deterministic: the same posts in another order give the same themes and assignments', () => {
    const posts = [...many(5, EXAMS), ...many(4, FREE_MEALS)];
    const once = groupPosts([], posts);
    const again = groupPosts([], [...posts].reverse());
    expect(again.created).toEqual(once.created);
    expect([...again.assigned].sort()).toEqual([...once.assigned].sort());
  });

  it('keeps a theme when the window moves: new posts join it before any new theme is made', () => {
    const first = groupPosts([], many(5, EXAMS));
    const catalogue: ThemeDefinition[] = first.created;
    const later = [
      ...many(4, EXAMS),
      ...many(3, ['Teacher strike dates announced', 'Is the teacher strike on Monday?']),
    ];
    const next = groupPosts(catalogue, later);
    // The four exam posts join "exam appeal"; the strike posts make one new theme, nothing else.
    expect(later.slice(0, 4).map((p) => next.assigned.get(p.id))).toEqual(Array(4).fill('exam appeal'));
    expect(next.created.map((t) => [t.key, t.label])).toEqual([['teacher strike', 'Teacher strike']]);
  });

  it('never seeds a theme with what more than half of many posts share: that is the topic, not a theme', () => {
    const posts = [
      ...many(20, ['Worried about exam appeals', 'Worried exam appeals take months']),
      ...many(20, ['Worried about free school meals', 'Worried free school meals will end']),
    ];
    const { created } = groupPosts([], posts);
    // "worri" is in all 40 posts (> 20): the themes are the two phrases, each in 20.
    expect(created.map((t) => [t.label, t.posts])).toEqual([
      ['Exam appeals', 20],
      ['Free school meals', 20],
    ]);
  });

  it('makes no theme from fewer than three posts, and leaves them to be tried again', () => {
    const { assigned, created } = groupPosts([], many(2, EXAMS));
    expect(created).toEqual([]);
    expect([...assigned.values()]).toEqual([null, null]);
  });

  it('needs more than one shared word to join a theme', () => {
    const [exams] = groupPosts([], many(5, EXAMS)).created;
    const parking = post('Parking fine appeal refused');
    const { assigned } = groupPosts([exams], [parking]);
    expect(assigned.get(parking.id)).toBeNull();
  });
});
