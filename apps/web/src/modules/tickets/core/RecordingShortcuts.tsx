import { QuestionCircleOutlined } from '@ant-design/icons';
import { Button, Popover, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The keys of the new-ticket form, in the order the help lists them (labels: tickets `recording.keys.*`). */
const KEYS = [
  { label: 'Tab / Shift+Tab', action: 'next' },
  { label: '← →', action: 'type' },
  { label: '↓ Enter', action: 'pick' },
  { label: 'Enter / Space', action: 'preset' },
  { label: 'Ctrl+Enter / ⌘+Enter', action: 'submit' },
] as const;

/**
 * The keyboard path of the new-ticket form (the queue's `?` help, for this form): type → customer →
 * contact → subject → description → next-reply preset, then Ctrl/⌘+Enter saves.
 */
export function RecordingShortcuts() {
  const { t } = useTranslation('tickets');
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      title={t('recording.keys.title')}
      content={
        <div style={{ maxWidth: 320 }}>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {t('recording.keys.order')}
          </Typography.Paragraph>
          <table data-testid="recording-shortcuts">
            <tbody>
              {KEYS.map((k) => (
                <tr key={k.action}>
                  <td style={{ paddingInlineEnd: 12, whiteSpace: 'nowrap', verticalAlign: 'top' }}>
                    <Typography.Text keyboard>{k.label}</Typography.Text>
                  </td>
                  <td>{t(`recording.keys.${k.action}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      }
    >
      <Button size="small" icon={<QuestionCircleOutlined />} data-testid="recording-shortcuts-button">
        {t('recording.keys.button')}
      </Button>
    </Popover>
  );
}
