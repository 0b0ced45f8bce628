import { describe, expect, it } from 'vitest';
import { countParticipants, participantsSignal } from './participants.signal';
import { DFE, post, thread } from './thread.fixtures';

const by = (...handles: (string | null)[]) =>
  thread(handles.map((h) => post('x', { authorHandle: h, authorName: null })));

describe('participantsSignal', () => {
  it.each([
    { facts: by('a', 'b', 'c'), people: 3, weight: null },
    { facts: by('a', 'b', 'c', 'd'), people: 4, weight: 5 },
    { facts: by('a', 'A', 'b', 'b', 'c', null, null), people: 3, weight: null },
    { facts: by('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'), people: 8, weight: 10 },
  ])('$people people → $weight', ({ facts, people, weight }) => {
    expect(countParticipants(facts)).toBe(people);
    expect(participantsSignal(facts)?.weight ?? null).toBe(weight);
  });

  it('leaves department accounts out', () => {
    const facts = thread([
      ...by('a', 'b', 'c').posts,
      post('x', { authorHandle: 'dfe', byDepartmentId: DFE.id }),
    ]);
    expect(countParticipants(facts)).toBe(3);
  });
});
