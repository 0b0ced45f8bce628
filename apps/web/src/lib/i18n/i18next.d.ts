import 'i18next';
import type { Messages } from './en';

// Types every `t('…')` against the English catalogue: a key that does not exist fails the typecheck.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}
