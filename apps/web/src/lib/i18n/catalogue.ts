import type { Messages } from './en';

/** Welsh, like every Celtic language, has six plural forms; English keys carry only `_one` and `_other`. */
type ExtraPlural = 'zero' | 'two' | 'few' | 'many';

/**
 * The shape another language's catalogue must have: every key English has (strings where English has strings),
 * and for each counted phrase (`x_other`) the forms that language's plural rules choose as well. Extra or missing
 * keys fail the typecheck.
 */
export type Catalogue<T = Messages> = {
  [K in keyof T]: T[K] extends string ? string : Catalogue<T[K]>;
} & {
  [K in keyof T as K extends `${infer Base}_other` ? `${Base}_${ExtraPlural}` : never]: string;
};
