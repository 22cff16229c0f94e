import dayjs from 'dayjs';

/** Server timestamps are ISO strings; the UI shows local time to the minute. */
export function formatDateTime(value: string | null | undefined): string {
  return value ? dayjs(value).format('YYYY-MM-DD HH:mm') : '-';
}
