import { Alert, Button, Card, Checkbox, Form, Input, Space, Switch, Typography } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { HandoverPreview } from '../../api/types';
import {
  insertAt,
  type NoticeVariable,
  PLACEHOLDERS,
  placeholderFor,
  renderNotice,
  unknownPlaceholders,
} from './noticeTemplate';

export type HandoverOptions = {
  reason: string;
  notifyCustomers: boolean;
  messageTemplate: string;
  deactivateFrom: boolean;
};

/** Reason, customer notice (template with variables and a live preview), deactivation. */
export function HandoverOptionsForm({
  preview,
  value,
  onChange,
  canDeactivate,
}: {
  preview: HandoverPreview;
  value: HandoverOptions;
  onChange: (next: HandoverOptions) => void;
  canDeactivate: boolean;
}) {
  const { t, i18n } = useTranslation('handover');
  const textRef = useRef<TextAreaRef>(null);
  const unknown = unknownPlaceholders(value.messageTemplate);
  const firstCustomer = preview.contributions.find((c) => c.items.length > 0)?.items[0];
  const sample = renderNotice(value.messageTemplate, {
    customerName: firstCustomer?.name ?? t('options.sampleCustomer'),
    previousContact: preview.from.displayName,
    newContact: preview.to.displayName,
    newContactPhone: t('options.samplePhone'),
  });

  const insert = (variable: NoticeVariable) => {
    const area = textRef.current?.resizableTextArea?.textArea;
    // At the cursor while the user is typing in the notice; at the end otherwise.
    const focused = !!area && document.activeElement === area;
    const next = insertAt(
      value.messageTemplate,
      placeholderFor(variable, i18n.language),
      focused ? area.selectionStart : undefined,
      focused ? area.selectionEnd : undefined,
    );
    onChange({ ...value, messageTemplate: next.value });
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(next.cursor, next.cursor);
    });
  };

  return (
    <Form layout="vertical" style={{ maxWidth: 760 }}>
      <Form.Item label={t('options.reason')} required validateStatus={value.reason.trim() ? undefined : 'warning'}>
        <Input.TextArea
          rows={2}
          maxLength={500}
          value={value.reason}
          placeholder={t('options.reasonHint')}
          onChange={(e) => onChange({ ...value, reason: e.target.value })}
          data-testid="handover-reason"
        />
      </Form.Item>
      <Form.Item label={t('options.notify')} extra={t('options.notifyHint')}>
        <Switch
          checked={value.notifyCustomers}
          onChange={(notifyCustomers) => onChange({ ...value, notifyCustomers })}
        />
      </Form.Item>
      {value.notifyCustomers && (
        <Form.Item
          label={t('options.template')}
          validateStatus={unknown.length ? 'error' : undefined}
          help={unknown.length ? t('options.unknown', { names: unknown.map((n) => `{${n}}`).join('、') }) : undefined}
        >
          <Space wrap style={{ marginBottom: 8 }}>
            <Typography.Text type="secondary">{t('options.variables')}</Typography.Text>
            {(Object.keys(PLACEHOLDERS) as NoticeVariable[]).map((variable) => (
              <Button
                key={variable}
                size="small"
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => insert(variable)}
              >
                {t(`options.variable.${variable}`)}
              </Button>
            ))}
          </Space>
          <Input.TextArea
            ref={textRef}
            rows={4}
            maxLength={1000}
            showCount
            value={value.messageTemplate}
            onChange={(e) => onChange({ ...value, messageTemplate: e.target.value })}
          />
          <Card size="small" title={t('options.previewTitle')} style={{ marginTop: 12 }}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{sample}</Typography.Paragraph>
          </Card>
        </Form.Item>
      )}
      <Form.Item>
        <Checkbox
          checked={value.deactivateFrom}
          disabled={!canDeactivate}
          onChange={(e) => onChange({ ...value, deactivateFrom: e.target.checked })}
        >
          {t('options.deactivate', { name: preview.from.displayName })}
        </Checkbox>
        {!canDeactivate && (
          <Alert type="info" showIcon style={{ marginTop: 8 }} message={t('options.deactivateNeedsPermission')} />
        )}
      </Form.Item>
    </Form>
  );
}
