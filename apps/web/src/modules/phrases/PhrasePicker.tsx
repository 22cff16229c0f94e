import { MessageOutlined } from '@ant-design/icons';
import type { CannedReplyVariable, CannedReplyVars } from '@kefu/shared';
import { useQuery } from '@tanstack/react-query';
import { Button, Empty, Input, List, Popover, Space, Tabs, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cannedRepliesKey, listCannedReplies, listServicePhrases, servicePhrasesKey } from './api';
import {
  filterPhrases,
  filterReplies,
  groupByCategory,
  type Insertion,
  phraseInsertion,
  replyInsertion,
} from './pickerItems';

export type PhrasePickerProps = {
  /** Called with the text to insert (canned replies rendered with `vars`). */
  onInsert: (text: string, info: { source: 'phrase' | 'canned'; missing: CannedReplyVariable[] }) => void;
  /** The ticket's values for {customerName} {ticketNumber} {nextReplyAt} {agentName} {contactName} {department}. */
  vars?: CannedReplyVars;
  /** Insert the English text of a standard phrase when it has one. */
  language?: 'zh-CN' | 'en';
  /** Which tab opens first. */
  defaultTab?: 'phrases' | 'canned';
};

const listStyle = { maxHeight: 360, overflowY: 'auto' } as const;

/** Search standard phrases (常用服务用语) and canned replies; a click inserts the (rendered) text. */
export function PhrasePicker({ onInsert, vars, language = 'zh-CN', defaultTab = 'canned' }: PhrasePickerProps) {
  const { t } = useTranslation('phrases');
  const [q, setQ] = useState('');
  const phrases = useQuery({
    queryKey: [...servicePhrasesKey, 'active'],
    queryFn: () => listServicePhrases(),
    staleTime: 5 * 60_000,
  });
  const replies = useQuery({
    queryKey: [...cannedRepliesKey, 'all'],
    queryFn: () => listCannedReplies({ scope: 'all' }),
    staleTime: 60_000,
  });
  const groups = useMemo(() => groupByCategory(filterPhrases(phrases.data?.items ?? [], q)), [phrases.data, q]);
  const foundReplies = useMemo(() => filterReplies(replies.data?.items ?? [], q), [replies.data, q]);
  const insert = (source: 'phrase' | 'canned', insertion: Insertion) =>
    onInsert(insertion.text, { source, missing: insertion.missing });

  const cannedTab = (
    <List
      size="small"
      style={listStyle}
      loading={replies.isLoading}
      dataSource={foundReplies}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('picker.empty')} /> }}
      renderItem={(reply) => {
        const preview = replyInsertion(reply, vars);
        return (
          <List.Item
            data-testid="picker-reply"
            style={{ cursor: 'pointer', display: 'block' }}
            onClick={() => insert('canned', preview)}
          >
            <Space size={4} wrap>
              <Typography.Text strong>{reply.title}</Typography.Text>
              {reply.category && <Tag>{reply.category}</Tag>}
              {!reply.isShared && <Tag color="blue">{t('canned.personal')}</Tag>}
            </Space>
            <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>
              {preview.text}
            </Typography.Paragraph>
          </List.Item>
        );
      }}
    />
  );

  const phrasesTab = (
    <div style={listStyle}>
      {groups.length === 0 && !phrases.isLoading && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('picker.empty')} />
      )}
      {groups.map((group) => (
        <div key={group.category} style={{ marginBottom: 8 }}>
          <Typography.Text type="secondary">{group.category}</Typography.Text>
          <List
            size="small"
            dataSource={group.items}
            renderItem={(phrase) => (
              <List.Item
                data-testid="picker-phrase"
                style={{ cursor: 'pointer' }}
                onClick={() => insert('phrase', phraseInsertion(phrase, language))}
              >
                <Space direction="vertical" size={0}>
                  <span>{phrase.text}</span>
                  {phrase.textEn && <Typography.Text type="secondary">{phrase.textEn}</Typography.Text>}
                </Space>
              </List.Item>
            )}
          />
        </div>
      ))}
    </div>
  );

  return (
    <div style={{ width: 420 }} data-testid="phrase-picker">
      <Input.Search allowClear placeholder={t('picker.search')} value={q} onChange={(e) => setQ(e.target.value)} />
      <Tabs
        size="small"
        defaultActiveKey={defaultTab}
        items={[
          { key: 'canned', label: t('picker.cannedTab', { count: foundReplies.length }), children: cannedTab },
          {
            key: 'phrases',
            label: t('picker.phrasesTab', { count: groups.reduce((n, g) => n + g.items.length, 0) }),
            children: phrasesTab,
          },
        ]}
      />
    </div>
  );
}

/** A button that opens the picker in a popover and closes it after an insertion. */
export function PhrasePickerButton(props: PhrasePickerProps & { disabled?: boolean }) {
  const { t } = useTranslation('phrases');
  const [open, setOpen] = useState(false);
  const { disabled, onInsert, ...rest } = props;
  return (
    <Popover
      trigger="click"
      placement="topLeft"
      open={open && !disabled}
      onOpenChange={setOpen}
      destroyOnHidden
      content={
        <PhrasePicker
          {...rest}
          onInsert={(text, info) => {
            setOpen(false);
            onInsert(text, info);
          }}
        />
      }
    >
      <Button icon={<MessageOutlined />} disabled={disabled}>
        {t('picker.open')}
      </Button>
    </Popover>
  );
}
