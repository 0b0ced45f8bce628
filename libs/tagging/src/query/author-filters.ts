import type { QueryNode } from './ast';

/**
 * The `author:` values a rule looks for, each once: the accounts whose posts it would follow. Values under an odd
 * number of NOTs are left out, since `loan -author:alice` leaves a person's posts out rather than following them.
 */
export const authorFilters = (ast: QueryNode): string[] => {
  const found = new Set<string>();
  const walk = (node: QueryNode, negated: boolean): void => {
    switch (node.kind) {
      case 'field':
        if (node.field === 'author' && !negated) found.add(node.value);
        return;
      case 'not':
        return walk(node.child, !negated);
      case 'and':
      case 'or':
        return node.children.forEach((child) => walk(child, negated));
      default:
        return;
    }
  };
  walk(ast, false);
  return [...found];
};
