import { StarFilled } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

export const GRADE_COLORS: Record<string, string> = { A: 'red', B: 'orange', C: 'blue', D: 'default' };
/** The same colours for charts (ECharts needs hex values). */
export const GRADE_HEX: Record<string, string> = { A: '#cf1322', B: '#d46b08', C: '#0958d9', D: '#8c8c8c' };

export function GradeTag({ grade }: { grade: string | null | undefined }) {
  const { t } = useTranslation('customers');
  if (!grade) return <Tag>{t('grade.none')}</Tag>;
  return (
    <Tag color={GRADE_COLORS[grade] ?? 'default'} data-testid="grade-tag">
      {grade}
    </Tag>
  );
}

/** The gold star of a key customer (flagged, or grade A). */
export function KeyMark({ isKey, grade }: { isKey: boolean; grade?: string | null }) {
  const { t } = useTranslation('customers');
  if (!isKey && grade !== 'A') return null;
  return (
    <Tooltip title={t('keyCustomer.hint')}>
      <StarFilled style={{ color: '#faad14' }} aria-label={t('keyCustomer.label')} data-testid="key-mark" />
    </Tooltip>
  );
}
