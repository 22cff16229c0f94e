import { loadAllNamespaces } from './i18n';

// The app loads most translation namespaces lazily (i18n.ts); tests render with all of them.
await loadAllNamespaces();
