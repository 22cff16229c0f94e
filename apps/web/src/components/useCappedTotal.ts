import { useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** The list pages whose server counts up to 10,000 matches and then answers `totalExact: false`. */
type CappedListNamespace = 'audit' | 'customers' | 'tickets';

/**
 * The pagination total of a capped list: "共 N 条", or "超过 10000 条" once the server stopped counting
 * (each namespace words it: `list.total`, `list.totalAtLeast`). Call `record(page)` with every page
 * fetched in the ProTable `request`, and pass `showTotal` to its pagination.
 */
export function useCappedTotal(ns: CappedListNamespace) {
  const { t } = useTranslation(ns);
  const exact = useRef(true);
  return {
    showTotal: (total: number) => t(exact.current ? 'list.total' : 'list.totalAtLeast', { count: total }),
    record: (page: { totalExact: boolean }) => {
      exact.current = page.totalExact;
    },
  };
}
