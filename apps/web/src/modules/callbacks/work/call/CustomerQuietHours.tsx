import { ClockCircleOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Form, Modal, Popconfirm, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { alreadyShown, showError } from '../../../../api/errors';
import { QuietWindowsField } from '../../QuietWindowsField';
import {
  callbackSettingsKey,
  getCallbackSettings,
  type QuietWindow,
  setQuietFieldErrors,
  windowsText,
} from '../../quietWindows';
import { callbacksKey, setCustomerQuietHours } from '../callbackApi';
import type { CallbackDetail } from '../callbackTypes';

type Values = { quietWindows: QuietWindow[] };

/**
 * 客户休息时间 on the call screen: the customer's own rest hours told during a call (they replace the
 * settings' quiet windows for this customer; the pending callbacks of the customer move out of them
 * at once), or the settings' windows when none were told. Edit in a dialog; clear = back to the settings.
 */
export function CustomerQuietHours({ callback }: { callback: CallbackDetail }) {
  const { t } = useTranslation(['callbacksWork', 'common']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  /** The windows the dialog starts from (the customer's own, else the settings'); null: closed. */
  const [editing, setEditing] = useState<QuietWindow[] | null>(null);
  const open = editing !== null;
  const settings = useQuery({ queryKey: callbackSettingsKey, queryFn: getCallbackSettings, meta: { silent: true } });
  const own = callback.customerQuietWindows;
  const text = (windows: QuietWindow[]) =>
    windowsText(windows, t('callbacksWork:quietHours.nextDayPrefix'), t('callbacksWork:quietHours.separator'));

  const save = useMutation({
    mutationFn: (quietWindows: QuietWindow[] | null) => setCustomerQuietHours(callback.id, quietWindows),
    meta: { silent: true },
    onSuccess: async (result) => {
      const n = result.rescheduled;
      message.success(
        result.quietWindows === null
          ? t('callbacksWork:quietHours.cleared', { n })
          : t('callbacksWork:quietHours.saved', { n }),
      );
      setEditing(null);
      await queryClient.invalidateQueries({ queryKey: callbacksKey });
    },
    onError: (error) => {
      if (open && setQuietFieldErrors(form, error)) message.error(error.message);
      else showError(error);
    },
  });

  const startEdit = () => setEditing(own ?? settings.data?.quietWindows ?? []);

  let current: string;
  if (own) current = own.length > 0 ? text(own) : t('callbacksWork:quietHours.ownEmpty');
  else if (settings.data)
    current =
      settings.data.quietWindows.length > 0 ? text(settings.data.quietWindows) : t('callbacksWork:quietHours.none');
  else current = '';

  return (
    <Flex wrap gap={8} align="center" data-testid="callback-quiet-hours">
      {own ? (
        <Tag color="orange">{t('callbacksWork:quietHours.own')}</Tag>
      ) : (
        <Tooltip title={t('callbacksWork:quietHours.defaultHint')}>
          <Tag>{t('callbacksWork:quietHours.default')}</Tag>
        </Tooltip>
      )}
      <span style={{ overflowWrap: 'anywhere' }}>{current}</span>
      <Tooltip title={t('callbacksWork:quietHours.help')}>
        <Button
          size="small"
          type="link"
          icon={<ClockCircleOutlined />}
          onClick={startEdit}
          data-testid="callback-quiet-hours-edit"
        >
          {t('callbacksWork:quietHours.edit')}
        </Button>
      </Tooltip>
      {own && (
        <Popconfirm
          title={t('callbacksWork:quietHours.clearConfirm')}
          okText={t('callbacksWork:quietHours.clear')}
          cancelText={t('common:actions.cancel')}
          onConfirm={() => save.mutateAsync(null).catch(alreadyShown)}
        >
          <Button size="small" type="link" loading={save.isPending && !open} data-testid="callback-quiet-hours-clear">
            {t('callbacksWork:quietHours.clear')}
          </Button>
        </Popconfirm>
      )}
      <Modal
        open={open}
        title={t('callbacksWork:quietHours.modalTitle', { name: callback.customer.name })}
        onCancel={() => setEditing(null)}
        okText={t('common:actions.save')}
        cancelText={t('common:actions.cancel')}
        okButtonProps={{ loading: save.isPending, 'data-testid': 'callback-quiet-hours-save' }}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('callbacksWork:quietHours.help')}</Typography.Paragraph>
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ quietWindows: editing ?? [] }}
          onFinish={(values) => save.mutate(values.quietWindows ?? [])}
        >
          <Form.Item name="quietWindows" label={t('callbacksWork:quietHours.title')}>
            <QuietWindowsField emptyText={t('callbacksWork:quietHours.ownEmpty')} />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}
