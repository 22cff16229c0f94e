import { Card, Checkbox, Flex, Input, Radio, Segmented, Space, Typography } from 'antd';
import { type CSSProperties, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n';
import { type QuestionValues, range, scaleOf } from './surveyForm';
import { roleLabel } from './surveyLabels';

type PreviewLanguage = 'zh-CN' | 'en';

const frame: CSSProperties = {
  width: 360,
  boxSizing: 'border-box',
  maxWidth: '100%',
  margin: '0 auto',
  border: '10px solid #1f1f1f',
  borderRadius: 28,
  background: '#fff',
  overflow: 'hidden',
};
const scaleButton: CSSProperties = {
  minWidth: 24,
  height: 36,
  display: 'inline-flex',
  alignItems: 'center',
  justifyContent: 'center',
  border: '1px solid #d9d9d9',
  borderRadius: 6,
  fontSize: 14,
  flex: '1 0 0',
};

/** A 0–10 or 1–5 row of buttons with the words at both ends, as the public page draws it. */
function ScaleRow({ min, max, low, high }: { min: number; max: number; low: string; high: string }) {
  return (
    <Space direction="vertical" size={4} style={{ width: '100%' }}>
      <Flex gap={3} wrap="wrap">
        {range(min, max).map((n) => (
          <span key={n} style={scaleButton}>
            {n}
          </span>
        ))}
      </Flex>
      <Flex justify="space-between">
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {low}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {high}
        </Typography.Text>
      </Flex>
    </Space>
  );
}

function QuestionPreview({ q, index, lang }: { q: QuestionValues; index: number; lang: PreviewLanguage }) {
  const t = i18n.getFixedT(lang, 'surveys');
  const en = lang === 'en';
  const title = (en && q.titleEn?.trim()) || q.title?.trim() || t('preview.untitled');
  const scale = scaleOf(q.kind);
  const options = (q.options ?? []).map((o) => ({
    value: o.key,
    label: (en && o.labelEn?.trim()) || o.label || '…',
  }));
  return (
    <fieldset style={{ border: 0, padding: 0, margin: '0 0 20px' }}>
      <legend style={{ fontSize: 15, fontWeight: 600, marginBottom: 8, border: 0 }}>
        {index + 1}. {title}
        {q.required && <span style={{ color: '#cf1322' }}> *</span>}
      </legend>
      {q.kind === 'staff_rating' && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 6 }}>
          {t('preview.rated', { role: roleLabel(t, q.staffRole) })}
        </Typography.Paragraph>
      )}
      {scale && (
        <ScaleRow
          min={scale.min}
          max={scale.max}
          low={q.kind === 'nps' ? t('preview.notLikely') : t('preview.veryDissatisfied')}
          high={q.kind === 'nps' ? t('preview.veryLikely') : t('preview.verySatisfied')}
        />
      )}
      {q.kind === 'single' && (
        <Radio.Group style={{ display: 'flex', flexDirection: 'column', gap: 6 }} options={options} />
      )}
      {q.kind === 'multiple' && (
        <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 6 }} options={options} />
      )}
      {q.kind === 'resolved' && (
        <Radio.Group
          options={[
            { value: 1, label: t('preview.yes') },
            { value: 0, label: t('preview.no') },
          ]}
        />
      )}
      {q.kind === 'text' && <Input.TextArea rows={3} placeholder={t('preview.textPlaceholder')} />}
    </fieldset>
  );
}

/**
 * The live preview: the public answer page (`/s/{token}`) in a ~360 px phone frame, in Chinese or
 * English (the customer's language); the inputs can be tried but answer nothing.
 */
export function SurveyPreview({
  name,
  description,
  anonymous,
  questions,
}: {
  name?: string;
  description?: string | null;
  anonymous?: boolean;
  questions: QuestionValues[];
}) {
  const { t } = useTranslation('surveys');
  const [lang, setLang] = useState<PreviewLanguage>('zh-CN');
  const [, setLoaded] = useState(0);
  // The shell loads the UI language (and Chinese, the fallback) only: fetch the other one on demand.
  useEffect(() => {
    if (i18n.hasResourceBundle(lang, 'surveys')) return;
    void i18n.reloadResources([lang], ['surveys']).then(() => setLoaded((n) => n + 1));
  }, [lang]);
  const tc = i18n.getFixedT(lang, 'surveys');
  return (
    <Card
      size="small"
      title={t('preview.title')}
      data-testid="survey-preview"
      extra={
        <Segmented<PreviewLanguage>
          size="small"
          aria-label={t('preview.language')}
          value={lang}
          onChange={setLang}
          options={[
            { value: 'zh-CN', label: t('preview.zh') },
            { value: 'en', label: t('preview.en') },
          ]}
        />
      }
    >
      <div style={frame} lang={lang}>
        <div style={{ padding: '20px 14px', maxHeight: 640, overflowY: 'auto' }}>
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            {name?.trim() || '…'}
          </Typography.Title>
          {description?.trim() && <Typography.Paragraph>{description}</Typography.Paragraph>}
          {anonymous && (
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              {tc('preview.anonymous')}
            </Typography.Paragraph>
          )}
          {questions.length === 0 ? (
            <Typography.Paragraph type="secondary">{t('preview.empty')}</Typography.Paragraph>
          ) : (
            questions.map((q, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: questions have no stable key before saving
              <QuestionPreview key={index} q={q} index={index} lang={lang} />
            ))
          )}
          <div
            style={{
              background: '#1677ff',
              color: '#fff',
              textAlign: 'center',
              borderRadius: 8,
              padding: '10px 0',
              fontSize: 16,
            }}
          >
            {tc('preview.submit')}
          </div>
        </div>
      </div>
    </Card>
  );
}
