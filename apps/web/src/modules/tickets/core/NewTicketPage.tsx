import { PageContainer } from '@ant-design/pro-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Col, Form, Input, Radio, Row, Select, Space, Switch, Typography } from 'antd';
import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { showError } from '../../../api/errors';
import { forbiddenHitsOf, setFieldErrors } from '../../../api/formErrors';
import { useAccess } from '../../auth/useAccess';
import { useCurrentUser } from '../../auth/useCurrentUser';
import { ForbiddenHits } from '../../phrases/ForbiddenHits';
import type { HitLike } from '../../phrases/forbiddenCheck';
import { UserSelect } from '../../users/UserSelect';
import { NextReplyPresets } from '../conversation/NextReplyPresets';
import { needsNextReply } from '../conversation/nextReply';
import { ContactPicker, CustomerPicker } from '../relations/CustomerPicker';
import { useTicketTypes } from '../settings/useTicketSettings';
import { addMessage, createTicket, ticketsQueryKey } from './api';
import { FactsChecklist } from './FactsChecklist';
import { OpenComplaintAlert } from './OpenComplaintAlert';
import { RecordingShortcuts } from './RecordingShortcuts';
import { COMPLAINT_RED } from './TicketMarks';
import { type NewTicketValues, newTicketParams, toCreateBody } from './ticketForm';
import type { TicketListItem } from './types';
import { CHANNELS, PRIORITIES } from './types';
import { useNewTicketPrefill } from './useNewTicketPrefill';

const wide = { xs: 24, lg: 12 } as const;
/** Customer, contact and the caller switch on one row from 992 px; one column on a phone. */
const third = { xs: 24, md: 12, lg: 9 } as const;

/** A complaint type stands out in red, picked or not. */
const complaintTypeStyle = (picked: boolean) =>
  picked ? { background: COMPLAINT_RED, borderColor: COMPLAINT_RED, color: '#fff' } : { color: COMPLAINT_RED };

/**
 * Records a ticket while the customer is on the line: type, channel (phone first), caller,
 * subject and the full description (听清楚), the facts checklist of a complaint (问清楚), the major
 * flag (一报告), assignment, and either "resolved in this contact" (process + result, 复清楚) or the
 * promised next-reply time, which the server requires for an unresolved complaint (跟清楚).
 *
 * Fast path (issue 14): opened with `?customerId=` (customer page) or `?phone=&channel=` (an incoming
 * call) the caller is filled in; a customer with an open complaint is named with "add to it"; the
 * next reply is one preset click; the DOM order is the keyboard path — type → customer → contact →
 * subject → description → next-reply preset — and Ctrl/⌘+Enter saves.
 */
export function NewTicketPage() {
  const { t } = useTranslation(['tickets', 'common', 'ticketsAssignment']);
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const access = useAccess();
  const me = useCurrentUser().data;
  const types = useTicketTypes();
  const [form] = Form.useForm<NewTicketValues>();
  const [hits, setHits] = useState<HitLike[]>([]);
  const typeKey = Form.useWatch('typeKey', form);
  const caller = Form.useWatch('caller', form) ?? 'customer';
  const customerId = Form.useWatch('customerId', form);
  const resolvedNow = Form.useWatch('resolvedNow', form) === true;
  const assign = Form.useWatch('assign', form);
  const isComplaint = types.isComplaint(typeKey);
  const canAssign = access.can('tickets.assign');
  const [search] = useSearchParams();
  const params = useMemo(() => newTicketParams(search, CHANNELS), [search]);
  const prefill = useNewTicketPrefill(form, params);
  const [dismissedFor, setDismissedFor] = useState<string>();
  const typeRef = useRef<HTMLDivElement>(null);
  const hasTypes = types.items.length > 0;

  // The keyboard path starts on the type: focused once the types are there (unless the user moved on).
  useEffect(() => {
    if (!hasTypes) return;
    const active = document.activeElement;
    if (active && active !== document.body) return;
    typeRef.current?.querySelector<HTMLInputElement>('input[type="radio"]')?.focus();
  }, [hasTypes]);

  const append = useMutation({
    mutationFn: async (ticket: TicketListItem) => {
      const values = await form.validateFields(['description']);
      await addMessage(ticket.id, {
        kind: 'inbound',
        body: (values.description ?? '').trim(),
        channel: form.getFieldValue('channel') ?? 'phone',
      });
      return ticket;
    },
    meta: { silent: true },
    // A missing description is shown on its field; anything else is said.
    onError: (error) => {
      if (!(error && typeof error === 'object' && 'errorFields' in error)) showError(error);
    },
    onSuccess: async (ticket) => {
      message.success(t('recording.openComplaint.appended', { number: ticket.number }));
      await queryClient.invalidateQueries({ queryKey: ticketsQueryKey });
      navigate(`/tickets/${ticket.id}`);
    },
  });

  const create = useMutation({
    mutationFn: (values: NewTicketValues) => createTicket(toCreateBody(values, { isComplaint, meId: me?.id })),
    meta: { silent: true },
    onSuccess: async (ticket) => {
      message.success(t('create.created', { number: ticket.number }));
      await queryClient.invalidateQueries({ queryKey: ticketsQueryKey });
      navigate(`/tickets/${ticket.id}`);
    },
    onError: (error) => {
      const found = forbiddenHitsOf(error);
      setHits(found);
      const onFields = setFieldErrors(form, error, { resolvedAtFirstContact: 'process' });
      if (found.length === 0 && !onFields) showError(error);
    },
  });

  const submitOnCtrlEnter = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.stopPropagation();
      if (!create.isPending && !create.isSuccess) form.submit();
    }
  };
  const showOpenComplaint = caller === 'customer' && !!customerId && dismissedFor !== customerId;

  return (
    <PageContainer onBack={() => navigate('/tickets/queue')}>
      <div onKeyDownCapture={submitOnCtrlEnter}>
        <Form<NewTicketValues>
          form={form}
          layout="vertical"
          initialValues={{ channel: 'phone', priority: 'normal', caller: 'customer', assign: 'me' }}
          onFinish={(values) => create.mutate(values)}
          onValuesChange={(changed) => {
            if ('resolvedNow' in changed || 'process' in changed || 'result' in changed) setHits([]);
          }}
          scrollToFirstError
          data-testid="ticket-form"
        >
          <Card title={t('create.title')} extra={<RecordingShortcuts />} style={{ marginBottom: 16 }}>
            <div ref={typeRef}>
              <Form.Item name="typeKey" label={t('fields.type')} rules={[{ required: true }]}>
                <Radio.Group name="typeKey" optionType="button" buttonStyle="solid" data-testid="ticket-type">
                  {types.items.map((type) => (
                    <Radio.Button
                      key={type.key}
                      value={type.key}
                      style={type.isComplaint ? complaintTypeStyle(typeKey === type.key) : undefined}
                    >
                      <span data-testid={`type-${type.key}`}>{type.name}</span>
                    </Radio.Button>
                  ))}
                </Radio.Group>
              </Form.Item>
            </div>
            {caller === 'customer' ? (
              <Row gutter={16}>
                <Col {...third}>
                  <Form.Item name="customerId" label={t('fields.customer')}>
                    <CustomerPicker
                      id="customerId"
                      initialOption={prefill.option}
                      {...(prefill.loading ? { loading: true } : {})}
                      onChange={() => form.setFieldValue('contactId', undefined)}
                    />
                  </Form.Item>
                </Col>
                <Col {...third}>
                  <Form.Item name="contactId" label={t('fields.contact')}>
                    <ContactPicker id="contactId" customerId={customerId} />
                  </Form.Item>
                </Col>
                <Col xs={24} lg={6}>
                  <CallerSwitch label={t('create.caller')} />
                </Col>
              </Row>
            ) : (
              <Row gutter={16}>
                <Col {...third}>
                  <Form.Item name="contactName" label={t('fields.contactName')} rules={[{ max: 64 }]}>
                    <Input id="contactName" />
                  </Form.Item>
                </Col>
                <Col {...third}>
                  <Form.Item name="contactPhone" label={t('fields.contactPhone')} rules={[{ max: 32 }]}>
                    <Input id="contactPhone" />
                  </Form.Item>
                </Col>
                <Col xs={24} lg={6}>
                  <CallerSwitch label={t('create.caller')} />
                </Col>
              </Row>
            )}
            {showOpenComplaint && (
              <OpenComplaintAlert
                customerId={customerId}
                appending={append.isPending}
                onAppend={(ticket) => append.mutate(ticket)}
                onDismiss={() => setDismissedFor(customerId)}
              />
            )}
            <Form.Item
              name="subject"
              label={t('fields.subject')}
              rules={[{ required: true, whitespace: true, max: 200 }]}
            >
              <Input id="subject" placeholder={t('create.subjectPlaceholder')} />
            </Form.Item>
            <Form.Item
              name="description"
              label={t('fields.description')}
              extra={t('create.descriptionHint')}
              rules={[{ required: true, whitespace: true, max: 20_000 }]}
            >
              <Input.TextArea id="description" autoSize={{ minRows: 4, maxRows: 12 }} />
            </Form.Item>
            {!resolvedNow && (
              // Required for an unresolved complaint: the server enforces it (tickets.next_reply_required)
              // and its message lands on this field.
              <Form.Item
                name="nextReplyAt"
                label={t('fields.nextReplyAt')}
                required={needsNextReply(isComplaint, resolvedNow)}
                extra={isComplaint ? t('create.nextReplyHint') : undefined}
              >
                <NextReplyPresets id="nextReplyAt" />
              </Form.Item>
            )}
            <Form.Item
              name="resolvedNow"
              valuePropName="checked"
              extra={t('create.resolvedNowHint')}
              style={{ marginBottom: resolvedNow ? 16 : 0 }}
            >
              <Checkbox data-testid="resolved-now">{t('create.resolvedNow')}</Checkbox>
            </Form.Item>
            {resolvedNow && (
              <Row gutter={16}>
                <Col {...wide}>
                  <Form.Item name="process" label={t('create.process')} rules={[{ required: true, whitespace: true }]}>
                    <Input.TextArea id="process" autoSize={{ minRows: 3 }} />
                  </Form.Item>
                </Col>
                <Col {...wide}>
                  <Form.Item name="result" label={t('create.result')} rules={[{ required: true, whitespace: true }]}>
                    <Input.TextArea id="result" autoSize={{ minRows: 3 }} />
                  </Form.Item>
                </Col>
              </Row>
            )}
            {hits.length > 0 && (
              <Space direction="vertical" style={{ width: '100%' }}>
                <ForbiddenHits hits={hits} />
                <Form.Item
                  name="forbiddenOverrideReason"
                  label={t('forbidden.reason')}
                  extra={t('forbidden.reasonHint')}
                  rules={[{ required: true, whitespace: true, min: 2, message: t('forbidden.reasonRequired') }]}
                >
                  <Input id="forbiddenOverrideReason" />
                </Form.Item>
              </Space>
            )}
          </Card>

          <Card title={t('recording.details')} style={{ marginBottom: 16 }}>
            <Row gutter={16}>
              <Col xs={24} sm={12} lg={6}>
                <Form.Item name="channel" label={t('fields.channel')} rules={[{ required: true }]}>
                  <Select id="channel" options={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))} />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12} lg={6}>
                <Form.Item name="priority" label={t('fields.priority')}>
                  <Select id="priority" options={PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))} />
                </Form.Item>
              </Col>
              <Col xs={24} lg={12}>
                <Form.Item name="tags" label={t('fields.tags')}>
                  <Select mode="tags" placeholder={t('create.tagsPlaceholder')} open={false} suffixIcon={null} />
                </Form.Item>
              </Col>
            </Row>
            {isComplaint && (
              <Row gutter={16}>
                <Col {...wide}>
                  <Form.Item name="facts" label={t('facts.title')}>
                    <FactsChecklist />
                  </Form.Item>
                </Col>
                <Col {...wide}>
                  <Form.Item
                    name="isMajor"
                    label={t('fields.isMajor')}
                    valuePropName="checked"
                    extra={t('create.majorHint')}
                  >
                    <Switch data-testid="is-major" />
                  </Form.Item>
                </Col>
              </Row>
            )}
          </Card>

          <Card title={t('create.assignment')} style={{ marginBottom: 16 }}>
            <Form.Item name="assign">
              <Radio.Group>
                <Radio value="me">{t('ticketsAssignment:assign.strategy.take')}</Radio>
                <Radio value="none">{t('ticketsAssignment:assign.strategy.none')}</Radio>
                {canAssign && <Radio value="manual">{t('ticketsAssignment:assign.strategy.manual')}</Radio>}
                {canAssign && <Radio value="round_robin">{t('ticketsAssignment:assign.strategy.round_robin')}</Radio>}
                {canAssign && <Radio value="least_loaded">{t('ticketsAssignment:assign.strategy.least_loaded')}</Radio>}
              </Radio.Group>
            </Form.Item>
            {assign === 'manual' && (
              <Form.Item name="assigneeId" label={t('fields.assignee')} rules={[{ required: true }]}>
                <UserSelect />
              </Form.Item>
            )}
          </Card>
          <Space wrap>
            <Button
              type="primary"
              htmlType="submit"
              loading={create.isPending}
              disabled={create.isSuccess}
              data-testid="ticket-submit"
            >
              {hits.length > 0 ? t('forbidden.sendAnyway') : t('create.submit')}
            </Button>
            <Button onClick={() => navigate('/tickets/queue')}>{t('common:actions.cancel')}</Button>
            <Typography.Text type="secondary">{t('recording.keys.submitHint')}</Typography.Text>
          </Space>
        </Form>
      </div>
    </PageContainer>
  );
}

/** 已建档客户 / 未建档来电: after the caller's fields, so that Tab goes from the contact to the subject's row. */
function CallerSwitch({ label }: { label: string }) {
  const { t } = useTranslation('tickets');
  return (
    <Form.Item name="caller" label={label}>
      <Radio.Group name="caller">
        <Radio value="customer">{t('create.callerCustomer')}</Radio>
        <Radio value="unknown">
          <span data-testid="caller-unknown">{t('create.callerUnknown')}</span>
        </Radio>
      </Radio.Group>
    </Form.Item>
  );
}
