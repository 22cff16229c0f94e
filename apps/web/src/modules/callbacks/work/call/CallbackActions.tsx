import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Input, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../components/format';
import { recordAttempt } from '../callbackApi';
import { type AttemptOutcome, attemptOutcome } from '../callbackRules';
import type { CallbackDetail } from '../callbackTypes';
import { CallbackComplaint } from './CallbackComplaint';
import { CallbackResult, WriteUpForm } from './CallbackResult';
import { OutcomeForm } from './OutcomeForm';

function AttemptAlert({ outcome }: { outcome: AttemptOutcome }) {
  const { t } = useTranslation('callbacksWork');
  if (outcome.kind === 'reached') return null;
  const text =
    outcome.kind === 'retry'
      ? t('call.actions.retryAt', { attempts: outcome.attempts, time: formatDateTime(outcome.at) })
      : outcome.writeUpDueAt
        ? t('call.actions.becameUnreached', { time: formatDateTime(outcome.writeUpDueAt) })
        : t('call.actions.becameUnreachedNoTime');
  return (
    <Alert
      type={outcome.kind === 'retry' ? 'info' : 'warning'}
      showIcon
      message={text}
      data-testid="callback-attempt-result"
      data-kind={outcome.kind}
    />
  );
}

/**
 * The action panel of the call screen: a try (not reached / reached), the outcome form, the
 * write-up of an unreached callback, and the complaint in one click. `onChanged` refreshes the
 * callback, the lists and the counts.
 */
export function CallbackActions({ callback, onChanged }: { callback: CallbackDetail; onChanged: () => Promise<void> }) {
  const { t } = useTranslation('callbacksWork');
  const [note, setNote] = useState('');
  const [outcome, setOutcome] = useState<AttemptOutcome | null>(null);
  /** null: open by itself when a reached try is already recorded (the form was left before submitting). */
  const [formOpen, setFormOpen] = useState<boolean | null>(null);
  const attempt = useMutation({
    mutationFn: (reached: boolean) => recordAttempt(callback.id, { reached, note: note.trim() || undefined }),
    onSuccess: async (result, reached) => {
      setNote('');
      setOutcome(attemptOutcome(result));
      if (reached) setFormOpen(true);
      await onChanged();
    },
  });
  const pending = callback.status === 'pending';
  const unreached = callback.status === 'unreached';
  const reachedBefore = pending && callback.reached === true;
  const showForm = (formOpen ?? reachedBefore) && (pending || unreached);

  return (
    <Card size="small" title={t('call.actions.title')} data-testid="callback-actions">
      <Flex vertical gap={12}>
        {outcome ? <AttemptAlert outcome={outcome} /> : null}
        {callback.status === 'cancelled' ? <Alert type="info" showIcon message={t('call.actions.cancelled')} /> : null}
        {unreached ? <Alert type="warning" showIcon message={t('call.actions.unreachedInfo')} /> : null}
        {pending && !showForm ? (
          <>
            <Input.TextArea
              rows={2}
              maxLength={2000}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              placeholder={t('call.actions.notePlaceholder')}
              aria-label={t('call.actions.note')}
              data-testid="callback-attempt-note"
            />
            <Space wrap>
              <Button
                danger
                loading={attempt.isPending && attempt.variables === false}
                disabled={attempt.isPending}
                onClick={() => attempt.mutate(false)}
                data-testid="callback-not-reached"
              >
                {t('call.actions.notReached')}
              </Button>
              <Button
                type="primary"
                loading={attempt.isPending && attempt.variables === true}
                disabled={attempt.isPending}
                onClick={() => (reachedBefore ? setFormOpen(true) : attempt.mutate(true))}
                data-testid="callback-reached"
              >
                {t('call.actions.reached')}
              </Button>
            </Space>
          </>
        ) : null}
        {unreached && !showForm ? (
          <div>
            <Button
              onClick={() => setFormOpen(true)}
              data-testid="callback-reached"
              style={{ whiteSpace: 'normal', height: 'auto' }}
            >
              {t('call.actions.calledBack')}
            </Button>
          </div>
        ) : null}
        {showForm ? (
          <OutcomeForm
            callbackId={callback.id}
            onCancel={() => setFormOpen(false)}
            onDone={() => {
              setFormOpen(false);
              setOutcome(null);
              void onChanged();
            }}
          />
        ) : null}
        {unreached && callback.needsWriteUp ? <WriteUpForm callbackId={callback.id} onDone={onChanged} /> : null}
        <CallbackResult callback={callback} />
        {callback.status !== 'cancelled' ? <CallbackComplaint callback={callback} onChanged={onChanged} /> : null}
      </Flex>
    </Card>
  );
}
