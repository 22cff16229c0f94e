/**
 * Every zh-CN namespace that the entry chunk does not bundle (i18n.ts: BUNDLED_NAMESPACES), as one
 * chunk loaded on first need: one request per language instead of one per file.
 */
export default import.meta.glob<Record<string, unknown>>(['./zh-CN/*.json', '!./zh-CN/{common,auth}.json'], {
  eager: true,
  import: 'default',
});
