import 'i18next';
import type { Messages } from './en';

// Types every `t('…')` against the English catalogue: a key that does not exist fails the typecheck.
declare module 'i18next' {
  // Module augmentation merges into i18next's own interface, which a type alias cannot do.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}
