import type { ReactNode } from 'react';

export type TagTone = 'blue' | 'green' | 'orange' | 'red' | 'grey' | 'purple';

type TagProps = { tone?: TagTone; children: ReactNode };

/** Dark text on a pale tint, every pairing above 7:1; the words carry the meaning, the colour only helps. */
export const Tag = ({ tone = 'grey', children }: TagProps) => (
  <strong className={`tag tag--${tone}`}>{children}</strong>
);
