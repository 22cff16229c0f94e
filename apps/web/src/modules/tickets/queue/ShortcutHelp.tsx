import { QuestionCircleOutlined } from '@ant-design/icons';
import { Button, Popover, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { SHORTCUTS } from './shortcuts';

/** The `?` popover listing the queue's keyboard shortcuts. */
export function ShortcutHelp({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const { t } = useTranslation('ticketsQueue');
  return (
    <Popover
      open={open}
      onOpenChange={onOpenChange}
      trigger="click"
      placement="bottomRight"
      title={t('shortcuts.title')}
      content={
        <table data-testid="shortcut-help">
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.action}>
                <td style={{ paddingInlineEnd: 16 }}>
                  <Typography.Text keyboard>{s.label}</Typography.Text>
                </td>
                <td>{t(`shortcuts.${s.action}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <Button icon={<QuestionCircleOutlined />} aria-label={t('shortcuts.title')}>
        {t('shortcuts.button')}
      </Button>
    </Popover>
  );
}
