import { Alert, Button, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { distinctHits, type HitLike, replaceAllOf, splitByHits } from './forbiddenCheck';

const markStyle = { padding: 0, background: '#ffccc7', color: 'inherit' } as const;

/** The text with its hits in <mark> (React text, never parsed as HTML). */
export function HighlightedText({ text, hits }: { text: string; hits: readonly HitLike[] }) {
  return (
    <span data-testid="forbidden-highlight" style={{ whiteSpace: 'pre-wrap' }}>
      {splitByHits(text, hits).map((part, i) =>
        part.hit ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts have no identity besides their position
          <mark key={i} style={markStyle} title={part.hit.alternative}>
            {part.text}
          </mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: as above
          <span key={i}>{part.text}</span>
        ),
      )}
    </span>
  );
}

/**
 * The forbidden phrases found in a reply, one line per phrase: "never say …, say instead …" and,
 * when `text` and `onChange` are given, a button that replaces every occurrence in the text by the
 * approved alternative. `showText` also shows the text with the hits marked.
 */
export function ForbiddenHits({
  hits,
  text,
  onChange,
  showText = false,
}: {
  hits: readonly HitLike[];
  text?: string;
  onChange?: (next: string) => void;
  showText?: boolean;
}) {
  const { t } = useTranslation('phrases');
  if (hits.length === 0) return null;
  const canReplace = text !== undefined && onChange !== undefined;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="forbidden-hits"
      message={t('hits.title', { count: distinctHits(hits).length })}
      description={
        <Space direction="vertical" style={{ width: '100%' }}>
          {showText && text !== undefined && <HighlightedText text={text} hits={hits} />}
          <List
            size="small"
            split={false}
            dataSource={distinctHits(hits)}
            renderItem={({ hit, count }) => (
              <List.Item
                data-testid="forbidden-hit"
                style={{ paddingInline: 0 }}
                actions={
                  canReplace
                    ? [
                        <Button
                          key="replace"
                          size="small"
                          onClick={() => onChange(replaceAllOf(text, hits, hit.phrase))}
                        >
                          {t('hits.replace')}
                        </Button>,
                      ]
                    : undefined
                }
              >
                <Space direction="vertical" size={0}>
                  <span>
                    <Typography.Text type="secondary">{t('hits.never')}</Typography.Text>
                    <Typography.Text delete type="danger">
                      {hit.phrase}
                    </Typography.Text>
                    {hit.matched !== undefined && hit.matched !== hit.phrase && (
                      <Typography.Text type="secondary"> {t('hits.written', { text: hit.matched })}</Typography.Text>
                    )}
                    {count > 1 && <Tag style={{ marginInlineStart: 8 }}>{t('hits.times', { count })}</Tag>}
                  </span>
                  <span>
                    <Typography.Text type="secondary">{t('hits.instead')}</Typography.Text>
                    <Typography.Text type="success">{hit.alternative}</Typography.Text>
                  </span>
                </Space>
              </List.Item>
            )}
          />
        </Space>
      }
    />
  );
}
