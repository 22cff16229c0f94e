/** One list convention for every endpoint: `?page=1&pageSize=20&sort=-createdAt,name&<filters>`. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 200;

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };
