import { SendOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Segmented, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showError } from '../../../api/errors';
import { fieldErrorsOf, forbiddenHitsOf, setFieldErrors } from '../../../api/formErrors';
import { formatDateTime } from '../../../components/format';
import { currentLocale } from '../../../i18n';
import { useCurrentUser } from '../../auth/useCurrentUser';
import { ForbiddenHits } from '../../phrases/ForbiddenHits';
import type { HitLike } from '../../phrases/forbiddenCheck';
import { PhrasePickerButton } from '../../phrases/PhrasePicker';
import { useForbiddenCheck } from '../../phrases/useForbiddenCheck';
import { addMessage } from '../core/api';
import type { AddMessageBody, Ticket } from '../core/types';
import { OPEN_STATUSES } from '../core/types';
import { refreshTicket } from '../core/useTicket';
import { NextReplyPresets } from './NextReplyPresets';

type Kind = AddMessageBody['kind'];
type Values = { body: string; nextReplyAt?: Dayjs; forbiddenOverrideReason?: string };

/** Whether a reply must bring a new promised time: an open complaint whose promise is missing or past. */
export function replyNeedsNextReply(ticket: Pick<Ticket, 'isComplaint' | 'status' | 'nextReplyAt'>, now: number) {
  if (!ticket.isComplaint || !OPEN_STATUSES.includes(ticket.status)) return false;
  return !ticket.nextReplyAt || new Date(ticket.nextReplyAt).getTime() <= now;
}

const PLACEHOLDERS = {
  reply: 'ticketsConversation:reply.placeholder',
  note: 'ticketsConversation:reply.notePlaceholder',
  inbound: 'ticketsConversation:reply.inboundPlaceholder',
} as const;

/**
 * The reply box: a reply to the customer, an internal note, or what the customer said. A reply is
 * checked for forbidden phrases while it is typed (hits marked, alternative one click away); when
 * the server still refuses it (422 `tickets.forbidden_phrase`) it can be sent anyway with a reason.
 * An open complaint's reply brings the next promised time when the old one is missing or past.
 */
export function ReplyBox({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation(['tickets', 'ticketsConversation']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [kind, setKind] = useState<Kind>('reply');
  const [serverHits, setServerHits] = useState<HitLike[]>([]);
  const [askNextReply, setAskNextReply] = useState(false);
  const textRef = useRef<HTMLTextAreaElement | null>(null);
  const body: string = Form.useWatch('body', form) ?? '';
  const me = useCurrentUser().data;
  const isReply = kind === 'reply';
  const check = useForbiddenCheck(body, { enabled: isReply });
  // The server's answer wins while the text is unchanged; the live check afterwards.
  const hits: HitLike[] = serverHits.length > 0 ? serverHits : check.hits;
  const nextReplyShown = isReply && ((ticket.isComplaint && OPEN_STATUSES.includes(ticket.status)) || askNextReply);
  const nextReplyRequired = isReply && (askNextReply || replyNeedsNextReply(ticket, Date.now()));

  const send = useMutation({
    mutationFn: (values: Values) =>
      addMessage(ticket.id, {
        kind,
        body: values.body.trim(),
        ...(isReply && values.nextReplyAt ? { nextReplyAt: values.nextReplyAt.toISOString() } : {}),
        ...(isReply && serverHits.length > 0 && values.forbiddenOverrideReason?.trim()
          ? { forbiddenOverrideReason: values.forbiddenOverrideReason.trim() }
          : {}),
      }),
    meta: { silent: true },
    onSuccess: async () => {
      form.resetFields();
      setServerHits([]);
      setAskNextReply(false);
      message.success(t('ticketsConversation:reply.sent'));
      await refreshTicket(queryClient, ticket.id);
    },
    onError: (error) => {
      const found = forbiddenHitsOf(error);
      if (found.length > 0) {
        setServerHits(found);
        return;
      }
      const fields = fieldErrorsOf(error);
      if (fields.some((f) => f.name[0] === 'nextReplyAt')) setAskNextReply(true);
      if (fields.length > 0) {
        // The field may only appear now: set its error once it is rendered.
        setTimeout(() => setFieldErrors(form, error), 0);
        return;
      }
      showError(error);
    },
  });

  const insert = (text: string) => {
    const current: string = form.getFieldValue('body') ?? '';
    const el = textRef.current;
    const at = el ? el.selectionStart : current.length;
    const end = el ? el.selectionEnd : current.length;
    form.setFieldValue('body', current.slice(0, at) + text + current.slice(end));
    setServerHits([]);
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={(values) => send.mutate(values)}
      onValuesChange={(changed) => {
        if ('body' in changed) setServerHits([]);
      }}
      data-testid="reply-box"
    >
      {/* A wrapping row whose width is the box's: at 390 px the kinds scroll inside their own strip. */}
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8, marginBottom: 8 }}>
        <Segmented<Kind>
          style={{ maxWidth: '100%', overflowX: 'auto' }}
          value={kind}
          onChange={(value) => {
            setKind(value);
            setServerHits([]);
          }}
          options={(['reply', 'note', 'inbound'] as const).map((k) => ({
            value: k,
            label: <span data-testid={`reply-kind-${k}`}>{t(`ticketsConversation:reply.kinds.${k}`)}</span>,
          }))}
        />
        {isReply && (
          <PhrasePickerButton
            onInsert={(text) => insert(text)}
            language={currentLocale()}
            vars={{
              customerName: ticket.customer?.name ?? ticket.contactName,
              contactName: ticket.contactName,
              ticketNumber: ticket.number,
              nextReplyAt: ticket.nextReplyAt ? formatDateTime(ticket.nextReplyAt) : null,
              agentName: me?.displayName,
              department: ticket.departmentName,
            }}
          />
        )}
        {kind === 'note' && (
          <Typography.Text type="secondary">{t('ticketsConversation:conversation.noteHint')}</Typography.Text>
        )}
      </div>
      <Form.Item name="body" rules={[{ required: true, whitespace: true, max: 20_000 }]} style={{ marginBottom: 8 }}>
        <Input.TextArea
          id="reply-body"
          ref={(instance) => {
            textRef.current = instance?.resizableTextArea?.textArea ?? null;
          }}
          autoSize={{ minRows: 3, maxRows: 12 }}
          placeholder={t(PLACEHOLDERS[kind])}
          style={kind === 'note' ? { background: '#fffbe6' } : undefined}
        />
      </Form.Item>
      {isReply && check.checking && hits.length === 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('ticketsConversation:reply.checking')}
        </Typography.Text>
      )}
      {isReply && hits.length > 0 && (
        <div style={{ marginBottom: 8 }}>
          <ForbiddenHits
            text={body}
            hits={hits}
            showText
            onChange={(next) => {
              form.setFieldValue('body', next);
              setServerHits([]);
            }}
          />
        </div>
      )}
      {isReply && serverHits.length > 0 && (
        <Form.Item
          name="forbiddenOverrideReason"
          label={t('forbidden.reason')}
          extra={t('forbidden.reasonHint')}
          rules={[{ required: true, whitespace: true, min: 2, message: t('forbidden.reasonRequired') }]}
        >
          <Input id="reply-override-reason" />
        </Form.Item>
      )}
      {nextReplyShown && (
        <Form.Item
          name="nextReplyAt"
          label={t('ticketsConversation:reply.nextReply')}
          required={nextReplyRequired}
          extra={nextReplyRequired ? t('ticketsConversation:reply.nextReplyRequired') : undefined}
        >
          <NextReplyPresets id="reply-next-reply" testIdPrefix="reply-next-reply" />
        </Form.Item>
      )}
      <Button
        type="primary"
        danger={serverHits.length > 0}
        htmlType="submit"
        icon={<SendOutlined />}
        loading={send.isPending}
        data-testid="reply-send"
      >
        {serverHits.length > 0 ? t('forbidden.sendAnyway') : t('ticketsConversation:reply.send')}
      </Button>
    </Form>
  );
}
