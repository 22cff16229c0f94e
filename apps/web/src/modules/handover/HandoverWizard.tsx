import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Form, Popconfirm, Result, Space, Steps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { HandoverPreview, HandoverResult } from '../../api/types';
import { useAccess } from '../auth/useAccess';
import { customersQueryKey } from '../customers/archive/api';
import { UserSelect } from '../users/UserSelect';
import { executeHandover, handoversQueryKey, previewHandover } from './api';
import { type HandoverOptions, HandoverOptionsForm } from './HandoverOptionsForm';
import { HandoverPreviewView } from './HandoverPreviewView';
import { unknownPlaceholders } from './noticeTemplate';

/** 客户交接: leaving user and successor → preview → options → confirm → result. */
export function HandoverWizard() {
  const { t } = useTranslation('handover');
  const access = useAccess();
  const queryClient = useQueryClient();
  const [step, setStep] = useState(0);
  const [fromUserId, setFrom] = useState<string>();
  const [toUserId, setTo] = useState<string>();
  const [preview, setPreview] = useState<HandoverPreview>();
  const [result, setResult] = useState<HandoverResult>();
  const [options, setOptions] = useState<HandoverOptions>({
    reason: '',
    notifyCustomers: true,
    messageTemplate: t('options.defaultTemplate'),
    deactivateFrom: false,
  });

  const load = useMutation({
    mutationFn: () => previewHandover(fromUserId ?? '', toUserId ?? ''),
    onSuccess: (data) => {
      setPreview(data);
      setStep(1);
    },
  });
  const execute = useMutation({
    mutationFn: () =>
      executeHandover({
        fromUserId: fromUserId ?? '',
        toUserId: toUserId ?? '',
        reason: options.reason.trim(),
        notifyCustomers: options.notifyCustomers,
        messageTemplate: options.notifyCustomers ? options.messageTemplate.trim() || undefined : undefined,
        deactivateFrom: options.deactivateFrom,
      }),
    onSuccess: async (data) => {
      setResult(data);
      setStep(4);
      await queryClient.invalidateQueries({ queryKey: handoversQueryKey });
      await queryClient.invalidateQueries({ queryKey: customersQueryKey });
    },
  });
  const reset = () => {
    setStep(0);
    setPreview(undefined);
    setResult(undefined);
    setOptions({ ...options, reason: '', deactivateFrom: false });
  };
  const optionsValid =
    options.reason.trim().length > 0 &&
    (!options.notifyCustomers || unknownPlaceholders(options.messageTemplate).length === 0);
  const moved = preview?.contributions.reduce((sum, c) => sum + c.count, 0) ?? 0;

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Steps
        current={step}
        status={step === 4 ? 'finish' : 'process'}
        items={(['parties', 'preview', 'options', 'confirm', 'result'] as const).map((s) => ({
          title: t(`steps.${s}`),
        }))}
      />
      {step === 0 && (
        <Form layout="vertical" style={{ maxWidth: 520 }}>
          <Form.Item label={t('parties.from')} extra={t('parties.fromHint')}>
            <UserSelect
              value={fromUserId}
              onChange={setFrom}
              activeOnly={false}
              excludeIds={toUserId ? [toUserId] : undefined}
              data-testid="handover-from"
            />
          </Form.Item>
          <Form.Item label={t('parties.to')} extra={t('parties.toHint')}>
            <UserSelect
              value={toUserId}
              onChange={setTo}
              excludeIds={fromUserId ? [fromUserId] : undefined}
              data-testid="handover-to"
            />
          </Form.Item>
          <Button
            type="primary"
            disabled={!fromUserId || !toUserId}
            loading={load.isPending}
            onClick={() => load.mutate()}
          >
            {t('actions.preview')}
          </Button>
        </Form>
      )}
      {step === 1 && preview && (
        <>
          <HandoverPreviewView preview={preview} />
          <Space>
            <Button onClick={() => setStep(0)}>{t('actions.back')}</Button>
            <Button type="primary" disabled={moved === 0} onClick={() => setStep(2)}>
              {t('actions.next')}
            </Button>
          </Space>
        </>
      )}
      {step === 2 && preview && (
        <>
          <HandoverOptionsForm
            preview={preview}
            value={options}
            onChange={setOptions}
            canDeactivate={access.can('users.write')}
          />
          <Space>
            <Button onClick={() => setStep(1)}>{t('actions.back')}</Button>
            <Button type="primary" disabled={!optionsValid} onClick={() => setStep(3)}>
              {t('actions.next')}
            </Button>
          </Space>
        </>
      )}
      {step === 3 && preview && (
        <>
          <Alert type="warning" showIcon message={t('confirm.warning')} />
          <Descriptions bordered size="small" column={1} style={{ maxWidth: 760 }}>
            <Descriptions.Item label={t('parties.from')}>{preview.from.displayName}</Descriptions.Item>
            <Descriptions.Item label={t('parties.to')}>{preview.to.displayName}</Descriptions.Item>
            {preview.contributions.map((c) => (
              <Descriptions.Item key={c.kind} label={c.label}>
                {c.count}
              </Descriptions.Item>
            ))}
            <Descriptions.Item label={t('options.reason')}>{options.reason}</Descriptions.Item>
            <Descriptions.Item label={t('options.notify')}>
              {options.notifyCustomers ? t('yes') : t('no')}
            </Descriptions.Item>
            <Descriptions.Item label={t('confirm.deactivate')}>
              {options.deactivateFrom ? t('yes') : t('no')}
            </Descriptions.Item>
          </Descriptions>
          <Space>
            <Button onClick={() => setStep(2)}>{t('actions.back')}</Button>
            <Popconfirm title={t('confirm.title')} onConfirm={() => execute.mutateAsync().catch(() => undefined)}>
              <Button type="primary" danger loading={execute.isPending} data-testid="handover-execute">
                {t('actions.execute')}
              </Button>
            </Popconfirm>
          </Space>
        </>
      )}
      {step === 4 && result && (
        <Result
          status="success"
          title={t('result.title', { from: result.fromName, to: result.toName })}
          subTitle={t('result.summary', { customers: result.affectedCustomers })}
          extra={[
            <Button key="again" onClick={reset}>
              {t('actions.again')}
            </Button>,
            <Link key="list" to="/customers">
              <Button type="primary">{t('result.toCustomers')}</Button>
            </Link>,
          ]}
        >
          <Space direction="vertical">
            {result.deactivatedFrom && (
              <Alert type="info" showIcon message={t('result.deactivated', { name: result.fromName })} />
            )}
            {result.notifyJobId && <Alert type="info" showIcon message={t('result.notifyQueued')} />}
          </Space>
        </Result>
      )}
    </Space>
  );
}
